package org.scoredos.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A {@link BufferedReader} whose {@link #readLine} refuses a line longer than
 * {@link #MAX_LINE_CHARS} instead of growing without bound: a file of zeros or a line of
 * gigabytes is a one-line error naming the file and line, not an OutOfMemoryError. Line ends
 * are those of BufferedReader: \n, \r or \r\n.
 */
public final class BoundedLineReader extends BufferedReader {
    /** Longest line accepted: 1 Mi characters, far above any structure, dump or config line. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private final String file;
    private final int maxLine;
    private final char[] buf = new char[8192];
    private int pos, end;
    private long lines;
    private boolean skipLf;

    public BoundedLineReader(Reader in, String file) {
        this(in, file, MAX_LINE_CHARS);
    }

    BoundedLineReader(Reader in, String file, int maxLine) {
        super(in, 1);
        this.file = file;
        this.maxLine = maxLine;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == end && !fill()) {
                if (line == null) return null;
                lines++;
                return line.toString();
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            int length = pos - start + (line == null ? 0 : line.length());
            if (length > maxLine) {
                throw BadInputException.at(file, (int) Math.min(Integer.MAX_VALUE, lines + 1), null,
                        "line longer than " + maxLine + " characters: not a text file of this kind");
            }
            if (pos < end) {
                skipLf = buf[pos] == '\r';
                pos++;
                lines++;
                if (line == null) return new String(buf, start, pos - 1 - start);
                return line.append(buf, start, pos - 1 - start).toString();
            }
            if (line == null) line = new StringBuilder(Math.max(16, pos - start));
            line.append(buf, start, pos - start);
        }
    }

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("line access only");
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        throw new UnsupportedOperationException("line access only");
    }

    private boolean fill() throws IOException {
        int n = super.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        end = n;
        return true;
    }
}
