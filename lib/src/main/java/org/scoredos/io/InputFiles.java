package org.scoredos.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The one way input files are opened. A path must name a regular file: a FIFO would block
 * forever and a device such as /dev/zero never ends, so both are refused before anything is
 * read. Files read whole (configs, coefficients, parameters, manifests) are bounded by their
 * size before a byte is allocated, so a 2 GB file is a one-line refusal, not an
 * OutOfMemoryError; gzip'd files by what they decompress to ({@link #decompressed}). Streamed
 * text is bounded per line by {@link BoundedLineReader}.
 */
public final class InputFiles {
    /** Largest file read whole into memory: 64 MiB, far above any real config, model or manifest. */
    public static final long MAX_WHOLE_FILE_BYTES = 64L << 20;

    private InputFiles() {}

    /** {@code path}, checked to exist and to be a regular file (links are followed). */
    public static Path regular(Path path) {
        if (!Files.exists(path)) throw BadInputException.at(path.toString(), 0, null, "no such file");
        if (Files.isDirectory(path)) throw BadInputException.at(path.toString(), 0, null, "is a directory, not a file");
        if (!Files.isRegularFile(path)) {
            throw BadInputException.at(path.toString(), 0, null, "not a regular file (a FIFO, device or socket cannot be read as input)");
        }
        return path;
    }

    /** A stream over a regular file. */
    public static InputStream open(Path path) throws IOException {
        try {
            return Files.newInputStream(regular(path));
        } catch (NoSuchFileException e) {
            throw BadInputException.at(path.toString(), 0, null, "no such file");
        }
    }

    /** UTF-8 lines of a regular file, each at most {@link BoundedLineReader#MAX_LINE_CHARS} long; bad bytes become U+FFFD. */
    public static BufferedReader text(Path path) throws IOException {
        return new BoundedLineReader(new InputStreamReader(open(path), StandardCharsets.UTF_8), path.toString());
    }

    /** The whole of a regular file of at most {@code maxBytes}. */
    public static byte[] readAll(Path path, long maxBytes) throws IOException {
        long size = Files.size(regular(path));
        if (size > maxBytes) {
            throw BadInputException.at(path.toString(), 0, null, "is " + size + " bytes; at most " + maxBytes
                    + " are read for a file of this kind");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) throw BadInputException.at(path.toString(), 0, null, "grew beyond " + maxBytes + " bytes while being read");
            return bytes;
        }
    }

    /** The whole of a regular file of at most {@link #MAX_WHOLE_FILE_BYTES}. */
    public static byte[] readAll(Path path) throws IOException {
        return readAll(path, MAX_WHOLE_FILE_BYTES);
    }

    /**
     * The content of a regular file, gunzipped when it starts with the gzip magic bytes, refused
     * (one line naming the file) once more than {@code maxBytes} come out: a gzip bomb — a small
     * file holding a gigabyte line or string — is stopped by what it decompresses to, not by
     * its size on disk.
     */
    public static InputStream decompressed(Path path, long maxBytes) throws IOException {
        InputStream raw = new BufferedInputStream(open(path));
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new BoundedInput(gzip ? new GZIPInputStream(raw) : raw, path.toString(), maxBytes, gzip);
    }

    /** Counts the bytes read through it and refuses the one beyond the bound. */
    private static final class BoundedInput extends FilterInputStream {
        private final String file;
        private final long maxBytes;
        private final boolean gzip;
        private long read;

        BoundedInput(InputStream in, String file, long maxBytes, boolean gzip) {
            super(in);
            this.file = file;
            this.maxBytes = maxBytes;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) {
            read += n;
            if (read > maxBytes) {
                throw BadInputException.at(file, 0, null, (gzip ? "decompresses to" : "is") + " more than " + maxBytes
                        + " bytes; at most " + maxBytes + " are read for a file of this kind");
            }
        }
    }

    /** The lines of a small text file (at most {@link #MAX_WHOLE_FILE_BYTES}); bytes that are not UTF-8 become U+FFFD. */
    public static List<String> lines(Path path) throws IOException {
        return new String(readAll(path), StandardCharsets.UTF_8).lines().toList();
    }
}
