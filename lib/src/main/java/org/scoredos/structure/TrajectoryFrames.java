package org.scoredos.structure;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.scoredos.io.BadInputException;

/**
 * Streams the frames of a trajectory one at a time, so a long one never sits in memory: a
 * LAMMPS text dump ({@code .dump}, {@code .lammpstrj}) or an extended XYZ file of frames one
 * after the other ({@code .xyz}, {@code .extxyz}), either gzipped ({@code .dump.gz}), with each
 * frame's potential energy when the file carries it. Parse errors are {@link BadInputException}s
 * naming the file and line; I/O failures surface as {@link UncheckedIOException}.
 */
public final class TrajectoryFrames implements Iterator<Structure>, Closeable {
    private static final String GZIP = ".gz";
    private final LammpsDumpReader dump;
    private final TextSource xyz;
    private int frameLine;
    private double energy = Double.NaN;

    private TrajectoryFrames(LammpsDumpReader dump, TextSource xyz) {
        this.dump = dump;
        this.xyz = xyz;
    }

    /**
     * At most {@code atoms} atoms per frame; {@code hint} ends the refusal of more ("at most 200000 (set … to allow more)").
     */
    public record AtomLimit(long atoms, String hint) {}

    /**
     * The frames of {@code in}; the format comes from {@code file}'s extension (less a trailing
     * {@code .gz}), and the name names it in errors. Each frame is bounded ({@link FrameBound}): at
     * most {@code limit} atoms, and text in proportion to the atoms its header announces.
     */
    public static TrajectoryFrames open(Reader in, String file, AtomLimit limit) {
        return switch (format(file)) {
            case LAMMPS_DUMP -> new TrajectoryFrames(LammpsDumpReader.open(frameSource(in, file, limit)), null);
            case EXTENDED_XYZ -> new TrajectoryFrames(null, frameSource(in, file, limit));
            case LAMMPS_DATA -> throw BadInputException.at(file, 0, null,
                    "a LAMMPS data file holds one structure, not a trajectory (use a dump or extended XYZ file)");
        };
    }

    private static TextSource frameSource(Reader in, String file, AtomLimit limit) {
        return new TextSource(in, file, new FrameBound(limit));
    }

    /** The trajectory format of a file name or path, less a trailing {@code .gz}; unknown extensions are refused. */
    public static StructureFiles.Format format(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.isEmpty()) name = file;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(GZIP)) name = name.substring(0, name.length() - GZIP.length());
        return StructureFiles.format(Path.of(name));
    }

    /** The bytes of {@code file}: gunzipped when its name ends in {@code .gz} (dumps compress about 4×). */
    private static InputStream decompressed(InputStream raw, String file) throws IOException {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(GZIP) ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /**
     * The frames of a trajectory file's bytes {@code raw}: gunzipped by its name ({@link #decompressed}), read as UTF-8,
     * each frame bounded as {@link #open(Reader, String, AtomLimit)} says, so what a gzip'd file decompresses to is
     * bounded per frame, not per file.
     */
    public static TrajectoryFrames open(InputStream raw, String file, AtomLimit limit) throws IOException {
        return open(new java.io.InputStreamReader(decompressed(raw, file), java.nio.charset.StandardCharsets.UTF_8), file, limit);
    }

    /**
     * The one-line refusal of a {@code .gz} that is not one or is cut short (a {@link java.util.zip.ZipException}
     * or {@link java.io.EOFException}, also wrapped in the {@link UncheckedIOException} of a frame read),
     * or null when {@code e} is another I/O error.
     */
    public static BadInputException brokenGzip(String file, Exception e) {
        Throwable c = e instanceof UncheckedIOException ? e.getCause() : e;
        if (!(c instanceof java.util.zip.ZipException || c instanceof java.io.EOFException)) return null;
        return new BadInputException(file + ": not a whole gzip file (" + c.getMessage() + ")");
    }

    @Override
    public boolean hasNext() {
        if (dump != null) return dump.hasNext();
        try {
            return xyz.skipBlankLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Structure next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames");
        frameLine = (dump != null ? dump.line() : xyz.line()) + 1;
        if (dump != null) {
            LammpsDumpReader.Frame f = dump.next();
            energy = f.energy();
            return f.structure();
        }
        try {
            ExtendedXyzReader.Frame f = ExtendedXyzReader.frame(xyz);
            energy = f.energy();
            return f.structure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The potential energy of the frame last returned, eV (the whole cell): a dump's per-atom
     * {@code c_pe}/{@code v_pe} summed, or extended XYZ's {@code energy=}; NaN when the file gives none.
     */
    public double energy() {
        return energy;
    }

    /** Line number (1-based) where the frame last returned starts, for messages about it. */
    public int frameLine() {
        return frameLine;
    }

    @Override
    public void close() throws IOException {
        if (dump != null) dump.close();
        else xyz.close();
    }
}
