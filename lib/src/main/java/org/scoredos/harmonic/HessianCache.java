package org.scoredos.harmonic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;

/**
 * Hessians on disk, so a campaign computes each reference once. An entry is named by the
 * SHA-256 of everything the matrix depends on — the lattice (cell, positions, types), the
 * strain, the finite-difference step and the potential's identity (its files' bytes or
 * parameters) — and holds the finished matrix bit for bit, with a CRC. Writers go through a
 * temporary file in the same directory and an atomic rename: concurrent writers of one key
 * write identical bytes and readers never see a partial entry. An unreadable or corrupt
 * entry is recomputed and replaced. Dense and sparse ({@link SparseHessian}) forms of one key
 * are separate entries ({@code KEY.hessian}, {@code KEY.sparse-hessian}); so are a dense entry's
 * modes ({@code KEY.modes}, {@code KEY.reprojected-modes}).
 */
public final class HessianCache {
    private final Path directory;

    public HessianCache(Path directory) {
        // Refused up front: a file here would only fail at the first write, after the Hessian's work.
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw BadInputException.at(directory.toString(), 0, null, "the Hessian cache must be a directory, this is a file");
        }
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The key of a Hessian of {@code lattice} strained by {@code strain}, computed with
     * finite-difference {@code step} for the potential identified by {@code potentialIdentity}
     * (e.g. the bytes of its coefficient and parameter files, in a fixed order).
     */
    public static String key(Structure lattice, double strain, double step, List<byte[]> potentialIdentity) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer b = ByteBuffer.allocate(8 * (12 + 4 * lattice.size()) + 64);
        b.put("scoredos-hessian-v1".getBytes(StandardCharsets.US_ASCII));
        b.putInt(lattice.size());
        for (double[] row : lattice.cell().matrix()) for (double v : row) b.putDouble(v);
        for (double v : lattice.cell().origin()) b.putDouble(v);
        for (double v : lattice.positions()) b.putDouble(v);
        for (int t : lattice.types()) b.putInt(t);
        b.putDouble(strain);
        b.putDouble(step);
        sha.update(b.array(), 0, b.position());
        for (byte[] part : potentialIdentity) {
            sha.update(ByteBuffer.allocate(8).putLong(part.length).array());
            sha.update(part);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The cached Hessian of {@code key}, computing and storing it first when absent. */
    public Hessian getOrCompute(String key, Supplier<Hessian> compute) {
        return getOrCompute(key, DENSE, compute);
    }

    /** The entry of {@code key}, or null when there is none or it cannot be trusted. */
    public Hessian load(String key) {
        return load(key, DENSE);
    }

    /** Writes the entry of {@code key} atomically. */
    public void store(String key, Hessian hessian) {
        store(key, DENSE, hessian);
    }

    /** The cached sparse Hessian of {@code key}, computing and storing it first when absent. */
    public SparseHessian getOrComputeSparse(String key, Supplier<SparseHessian> compute) {
        return getOrCompute(key, SPARSE, compute);
    }

    /** The sparse entry of {@code key}, or null when there is none or it cannot be trusted. */
    public SparseHessian loadSparse(String key) {
        return load(key, SPARSE);
    }

    /** Writes the sparse entry of {@code key} atomically. */
    public void storeSparse(String key, SparseHessian hessian) {
        store(key, SPARSE, hessian);
    }

    /**
     * The modes of {@code hessian}, the entry of {@code key}: read back from {@code KEY.modes}, or
     * decomposed ({@link HarmonicModes#of}) and stored there first. A 3N = 384 decomposition costs
     * a JVM that has not compiled commons-math yet a few tenths of a second; reading it back, milliseconds.
     */
    public HarmonicModes modes(String key, Hessian hessian) {
        return derived(key, new ModesForm(".modes", fingerprint(hessian)), () -> HarmonicModes.of(hessian));
    }

    /**
     * The modes of {@code hessian} projected once more ({@link Hessian#of} of its array, whose last
     * bits differ from the entry's), kept in {@code KEY.reprojected-modes}: the modes a campaign's
     * samples are drawn from.
     */
    public HarmonicModes reprojectedModes(String key, Hessian hessian) {
        return derived(key, new ModesForm(".reprojected-modes", fingerprint(hessian)),
                () -> HarmonicModes.of(Hessian.of(hessian.toArray())));
    }

    /** An entry derived from the Hessian's: kept when the cache can be written, computed each time when not (a read-only cache). */
    private <T> T derived(String key, Form<T> form, Supplier<T> compute) {
        T cached = load(key, form);
        if (cached != null) return cached;
        T value = compute.get();
        try {
            store(key, form, value);
        } catch (UncheckedIOException e) {
            // the Hessian itself was readable: a cache that cannot take its modes still serves it
        }
        return value;
    }

    /**
     * CRC-32 of the matrix's bits (big-endian, row after row): a modes entry names the matrix it was
     * decomposed from. One row's bytes at a time: a dense 1024-atom matrix is 75 MB, not copied twice.
     */
    private static long fingerprint(Hessian hessian) {
        int n = hessian.dimension();
        ByteBuffer row = ByteBuffer.allocate(8 * n);
        CRC32 crc = new CRC32();
        for (int k = 0; k < n; k++) {
            row.clear();
            for (int m = 0; m < n; m++) row.putDouble(hessian.get(k, m));
            crc.update(row.array());
        }
        return crc.getValue();
    }

    /** How one form of Hessian is kept in an entry: its file suffix, and its bytes each way. */
    private interface Form<T> {
        String suffix();

        /** The entry read from {@code raw}, a file of {@code size} bytes, or null when it cannot be trusted. */
        T read(InputStream raw, long size) throws IOException;

        void write(DataOutputStream out, T hessian) throws IOException;
    }

    private <T> T getOrCompute(String key, Form<T> form, Supplier<T> compute) {
        T cached = load(key, form);
        if (cached != null) return cached;
        T h = compute.get();
        store(key, form, h);
        return h;
    }

    private <T> T load(String key, Form<T> form) {
        Path file = directory.resolve(key + form.suffix());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return form.read(in, Files.size(file));
        } catch (IOException e) {
            return null; // absent, truncated or unreadable: recompute
        }
    }

    /** Writes the entry through a temporary file and an atomic rename. */
    private <T> void store(String key, Form<T> form, T hessian) {
        Path target = directory.resolve(key + form.suffix());
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, key.substring(0, Math.min(16, key.length())), ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    form.write(out, hessian);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Hessian cache entry in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** {@code KEY.hessian}: magic, version, atoms, the raw asymmetry and translation force, the matrix, a CRC of the matrix. */
    private static final Form<Hessian> DENSE = new Form<>() {
        private static final int MAGIC = 0x53444853; // "SDHS"
        private static final int VERSION = 1;

        @Override
        public String suffix() {
            return ".hessian";
        }

        @Override
        public Hessian read(InputStream raw, long size) throws IOException {
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != MAGIC || in.readInt() != VERSION) return null;
            int atoms = in.readInt();
            if (atoms <= 0 || (long) 9 * atoms * atoms != (size - 12 - 16 - 8) / 8) return null;
            double asym = in.readDouble();
            double transl = in.readDouble();
            double[] h = new double[9 * atoms * atoms];
            CRC32 crc = new CRC32();
            ByteBuffer word = ByteBuffer.allocate(8);
            for (int k = 0; k < h.length; k++) {
                h[k] = in.readDouble();
                crc.update(word.putDouble(0, h[k]).array());
            }
            if (in.readLong() != crc.getValue()) return null;
            return Hessian.stored(atoms, h, asym, transl);
        }

        @Override
        public void write(DataOutputStream out, Hessian hessian) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(hessian.atoms());
            out.writeDouble(hessian.rawAsymmetry());
            out.writeDouble(hessian.rawTranslationForce());
            CRC32 crc = new CRC32();
            ByteBuffer word = ByteBuffer.allocate(8);
            for (double v : hessian.toFlat()) {
                out.writeDouble(v);
                crc.update(word.putDouble(0, v).array());
            }
            out.writeLong(crc.getValue());
        }
    };

    /** {@code KEY.sparse-hessian}: {@link SparseHessian}'s block rows, with a CRC of all that precedes it. */
    private static final Form<SparseHessian> SPARSE = new Form<>() {
        private static final int MAGIC = 0x53445350; // "SDSP"
        private static final int VERSION = 1;

        @Override
        public String suffix() {
            return ".sparse-hessian";
        }

        @Override
        public SparseHessian read(InputStream raw, long size) throws IOException {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC || in.readInt() != VERSION) return null;
            int atoms = in.readInt();
            int entries = in.readInt();
            int blocks = in.readInt();
            long expected = 4L * 5 + 8 + 4L * (atoms + 1) + 4L * atoms + 4L * entries + 72L * blocks + 8;
            if (atoms <= 0 || entries < 0 || blocks < 0 || size != expected) return null;
            double asym = in.readDouble();
            int[] rowStart = readInts(in, atoms + 1);
            int[] blockStart = readInts(in, atoms);
            int[] column = readInts(in, entries);
            double[] pool = new double[9 * blocks];
            for (int k = 0; k < pool.length; k++) pool[k] = in.readDouble();
            long sum = crc.getValue();
            if (in.readLong() != sum || !consistent(atoms, rowStart, blockStart, column, blocks)) return null;
            return SparseHessian.stored(atoms, rowStart, column, blockStart, pool, asym);
        }

        @Override
        public void write(DataOutputStream raw, SparseHessian hessian) throws IOException {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(hessian.atoms());
            out.writeInt(hessian.columns().length);
            out.writeInt(hessian.pool().length / 9);
            out.writeDouble(hessian.rawAsymmetry());
            for (int v : hessian.rowStarts()) out.writeInt(v);
            for (int v : hessian.blockStarts()) out.writeInt(v);
            for (int v : hessian.columns()) out.writeInt(v);
            for (double v : hessian.pool()) out.writeDouble(v);
            out.flush();
            raw.writeLong(crc.getValue());
        }
    };

    /**
     * {@code KEY.modes}: magic, version, 3N, M, the fingerprint of the matrix decomposed, the 3N
     * eigenvalues (increasing), the M stable mode vectors, a CRC of all that precedes it; read and
     * written in one block (1.2 MB at 3N = 384). An entry of another matrix is not used.
     */
    private record ModesForm(String suffix, long matrix) implements Form<HarmonicModes> {
        private static final int MAGIC = 0x53444d4f; // "SDMO"
        private static final int VERSION = 1;
        private static final int HEADER = 24;

        @Override
        public HarmonicModes read(InputStream raw, long size) throws IOException {
            if (size < HEADER + 8 || size > Integer.MAX_VALUE) return null;
            ByteBuffer b = ByteBuffer.wrap(raw.readAllBytes());
            if (b.capacity() != size || b.getInt() != MAGIC || b.getInt() != VERSION) return null;
            int n = b.getInt(), stable = b.getInt();
            if (n <= 0 || stable <= 0 || stable > n || size != HEADER + 8L * n * (1L + stable) + 8 || b.getLong() != matrix) return null;
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, (int) size - 8);
            if (b.getLong((int) size - 8) != crc.getValue()) return null;
            DoubleBuffer d = b.asDoubleBuffer();
            double[] values = new double[n];
            d.get(values);
            double[][] modes = new double[stable][n];
            for (double[] v : modes) d.get(v);
            try {
                return HarmonicModes.stored(values, modes);
            } catch (RuntimeException e) {
                return null; // not the decomposition it claims to be: recompute
            }
        }

        @Override
        public void write(DataOutputStream out, HarmonicModes modes) throws IOException {
            double[] values = modes.eigenvalues();
            double[][] vectors = modes.vectors();
            int n = values.length;
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(HEADER + 8L * n * (1L + vectors.length) + 8));
            b.putInt(MAGIC).putInt(VERSION).putInt(n).putInt(vectors.length).putLong(matrix);
            DoubleBuffer d = b.asDoubleBuffer();
            d.put(values);
            for (double[] v : vectors) d.put(v);
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, b.capacity() - 8);
            b.putLong(b.capacity() - 8, crc.getValue());
            out.write(b.array());
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) a[k] = in.readInt();
        return a;
    }

    /** Every index in range, so a stored entry cannot make the operator read out of bounds. */
    private static boolean consistent(int atoms, int[] rowStart, int[] blockStart, int[] column, int blocks) {
        if (rowStart[0] != 0 || rowStart[atoms] != column.length) return false;
        for (int i = 0; i < atoms; i++) {
            int len = rowStart[i + 1] - rowStart[i];
            if (len < 0 || blockStart[i] < 0 || (long) blockStart[i] + len > blocks) return false;
        }
        for (int j : column) if (j < 0 || j >= atoms) return false;
        return true;
    }
}
