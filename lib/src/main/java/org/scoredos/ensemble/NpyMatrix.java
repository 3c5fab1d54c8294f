package org.scoredos.ensemble;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;

/**
 * A NumPy {@code .npy} array of floats (format versions 1–3): a 2-D array is one θ per row, a
 * 1-D array a single θ. Little- or big-endian float64 or float32, C or Fortran order. The data
 * size is checked against the header before anything is allocated.
 */
public final class NpyMatrix {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fi])(\\d+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyMatrix() {}

    /** The rows of the array in {@code file}. */
    public static double[][] read(Path file) throws IOException {
        String name = file.toString();
        long size = Files.size(InputFiles.regular(file));
        try (InputStream raw = InputFiles.open(file); DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw bad(name, "not a NumPy .npy file (no \\x93NUMPY magic)");
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long headerLength;
            if (major == 1) headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            else if (major == 2 || major == 3) headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            else throw bad(name, "NumPy format version " + major + " is not supported (1, 2 or 3)");
            long preamble = MAGIC.length + 2 + (major == 1 ? 2 : 4);
            if (headerLength > 1 << 20 || preamble + headerLength > size) throw bad(name, "header length " + headerLength + " exceeds the file");
            byte[] headerBytes = new byte[(int) headerLength];
            in.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header), order = ORDER.matcher(header), shape = SHAPE.matcher(header);
            if (!descr.find() || !order.find() || !shape.find()) throw bad(name, "header is not a NumPy array header: " + header.trim());
            if (!descr.group(2).equals("f") || !(descr.group(3).equals("8") || descr.group(3).equals("4"))) {
                throw bad(name, "dtype " + descr.group(1) + descr.group(2) + descr.group(3) + ": θ must be float64 or float32");
            }
            int item = Integer.parseInt(descr.group(3));
            ByteOrder byteOrder = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            boolean fortran = order.group(1).equals("True");
            long[] dims = dimensions(name, shape.group(1));
            long rows = dims.length == 1 ? 1 : dims[0], cols = dims.length == 1 ? dims[0] : dims[1];
            long expected = preamble + headerLength + rows * cols * item;
            if (rows * cols > Integer.MAX_VALUE / 2 || expected != size) {
                throw bad(name, "shape " + (dims.length == 1 ? "(" + cols + ",)" : "(" + rows + ", " + cols + ")") + " of " + item
                        + "-byte floats needs " + (expected - preamble - headerLength) + " bytes of data, the file has " + (size - preamble - headerLength));
            }
            double[][] out = new double[(int) rows][(int) cols];
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(rows * cols * item, 1 << 16) / item * item + item).order(byteOrder);
            long n = rows * cols;
            for (long k = 0; k < n; ) {
                int chunk = (int) Math.min(n - k, buffer.capacity() / item);
                buffer.clear();
                in.readFully(buffer.array(), 0, chunk * item);
                buffer.limit(chunk * item);
                for (int c = 0; c < chunk; c++, k++) {
                    double v = item == 8 ? buffer.getDouble() : buffer.getFloat();
                    long r = fortran ? k % rows : k / cols, col = fortran ? k / rows : k % cols;
                    out[(int) r][(int) col] = v;
                }
            }
            return out;
        } catch (EOFException e) {
            throw bad(name, "ends early");
        }
    }

    private static long[] dimensions(String name, String shape) {
        String[] parts = shape.split(",");
        java.util.List<Long> dims = new java.util.ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) continue;
            try {
                dims.add(Long.parseLong(p.trim()));
            } catch (NumberFormatException e) {
                throw bad(name, "shape (" + shape + ") is not a list of sizes");
            }
        }
        if (dims.size() != 1 && dims.size() != 2) {
            throw bad(name, "shape (" + shape + "): θ is a 1-D array (one θ) or a 2-D array (one θ per row)");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static BadInputException bad(String file, String reason) {
        return BadInputException.at(file, 0, null, reason);
    }
}
