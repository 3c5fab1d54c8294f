package org.scoredos.harmonic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;

/**
 * Hessians on disk, so a campaign computes each reference once. An entry is named by the
 * SHA-256 of everything the matrix depends on — the lattice (cell, positions, types), the
 * strain, the finite-difference step and the potential's identity (its files' bytes or
 * parameters) — and holds the finished matrix bit for bit, with a CRC. Writers go through a
 * temporary file in the same directory and an atomic rename: concurrent writers of one key
 * write identical bytes and readers never see a partial entry. An unreadable or corrupt
 * entry is recomputed and replaced.
 */
public final class HessianCache {
    private static final int MAGIC = 0x53444853; // "SDHS"
    private static final int VERSION = 1;

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
        Hessian cached = load(key);
        if (cached != null) return cached;
        Hessian h = compute.get();
        store(key, h);
        return h;
    }

    /** The entry of {@code key}, or null when there is none or it cannot be trusted. */
    public Hessian load(String key) {
        Path file = entry(key);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) return null;
            int atoms = in.readInt();
            if (atoms <= 0 || (long) 9 * atoms * atoms != (Files.size(file) - 12 - 16 - 8) / 8) return null;
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
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // truncated or unreadable: recompute
        }
    }

    /** Writes the entry of {@code key} atomically. */
    public void store(String key, Hessian hessian) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, key.substring(0, Math.min(16, key.length())), ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
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
                try {
                    Files.move(tmp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, entry(key), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Hessian cache entry in " + directory + ": " + e.getMessage(), e);
        }
    }

    private Path entry(String key) {
        return directory.resolve(key + ".hessian");
    }
}
