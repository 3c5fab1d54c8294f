package org.scoredos.structure;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.scoredos.io.BadInputException;
import org.scoredos.io.BoundedLineReader;
import org.scoredos.io.InputFiles;

/**
 * Lines of a text file with the file name and line number at hand, so that every parse error
 * reads "file:line: field: reason".
 */
final class TextSource implements Closeable {
    private final BufferedReader in;
    private final String file;
    private final FrameBound bound;
    private int line;
    private String peeked;
    private boolean hasPeeked;

    TextSource(Reader in, String file) {
        this(in, file, null);
    }

    /** The lines of a streamed trajectory, each frame's text and atoms bounded by {@code bound} (null: a single structure). */
    TextSource(Reader in, String file, FrameBound bound) {
        this.in = in instanceof BoundedLineReader b ? b : new BoundedLineReader(in, file);
        this.file = file;
        this.bound = bound;
    }

    /**
     * The lines of a UTF-8 regular file, each bounded in length. Bytes that are not UTF-8
     * become U+FFFD instead of an I/O error, so a garbled file is refused by the parser with
     * its line number.
     */
    static BufferedReader open(Path path) throws IOException {
        return InputFiles.text(path);
    }

    String file() {
        return file;
    }

    /** Number of the line last returned by {@link #next()} (1-based; 0 before the first). */
    int line() {
        return line;
    }

    /** The next raw line, or null at the end of the file. */
    String next() throws IOException {
        String s = hasPeeked ? peeked : in.readLine();
        hasPeeked = false;
        peeked = null;
        if (s != null) {
            line++;
            if (bound != null) bound.line(this, s.length() + 1);
        }
        return s;
    }

    /**
     * The atom count {@code n} a frame's header announces, checked against the trajectory's bound
     * (a single structure's file is bounded by its size).
     */
    void announce(long n, String field) {
        if (bound != null) bound.atoms(this, n, field);
    }

    /** The frame is whole: the trajectory's bound starts over for the next one. */
    void frameEnd() {
        if (bound != null) bound.frameEnd();
    }

    /** The line {@link #next()} would return, without consuming it. */
    String peek() throws IOException {
        if (!hasPeeked) {
            peeked = in.readLine();
            hasPeeked = true;
        }
        return peeked;
    }

    /** Skips blank lines (those between a trajectory's frames); whether a line is left. */
    boolean skipBlankLines() throws IOException {
        String s;
        while ((s = peek()) != null && s.isBlank()) next();
        return s != null;
    }

    /** An error about the line last read. */
    BadInputException error(String field, String reason) {
        return BadInputException.at(file, line, field, reason);
    }

    double number(String token, String field) {
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error(field, "'" + token + "' is not a number");
        }
        if (!Double.isFinite(v)) throw error(field, "'" + token + "' is not a finite number");
        return v;
    }

    long integer(String token, String field) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error(field, "'" + token + "' is not a whole number");
        }
    }

    /** A whole number in [min, max]. */
    int integer(String token, String field, int min, int max) {
        long v = integer(token, field);
        if (v < min || v > max) {
            throw error(field, token + " is out of range (" + min + " to " + max + ")");
        }
        return (int) v;
    }

    /**
     * Why bounds lo..hi lie so far from 0 that their difference, the box length, has lost
     * precision (xlo 1e16 turns a 3.19 Å box into 4 Å), or null when they do not.
     */
    static String imprecise(double lo, double hi) {
        double length = hi - lo, far = Math.max(Math.abs(lo), Math.abs(hi));
        if (far <= length || Math.ulp(far) <= 1e-9 * length) return null;
        return "bounds " + lo + " to " + hi + " lie so far from 0 that the box length (" + length
                + ") loses precision: shift the box towards the origin";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whitespace-separated fields of a line with any '#' comment removed. */
    static String[] fields(String line) {
        int hash = line.indexOf('#');
        String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
