package org.scoredos.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way input files are opened. A path must name a regular file: a FIFO would block
 * forever and a device such as /dev/zero never ends, so both are refused before anything is
 * read. Files read whole (configs, coefficients, parameters, manifests) are bounded by their
 * size before a byte is allocated, so a 2 GB file is a one-line refusal, not an
 * OutOfMemoryError. Streamed text is bounded per line by {@link BoundedLineReader}.
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

    /** The lines of a small text file (at most {@link #MAX_WHOLE_FILE_BYTES}); bytes that are not UTF-8 become U+FFFD. */
    public static List<String> lines(Path path) throws IOException {
        return new String(readAll(path), StandardCharsets.UTF_8).lines().toList();
    }
}
