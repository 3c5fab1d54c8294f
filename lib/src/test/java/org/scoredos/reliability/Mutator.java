package org.scoredos.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded byte mutations of a valid input file, the kind of damage files meet in practice
 * (truncated copies, flipped bits, a digit typed as a letter, a number replaced by NaN or by
 * something enormous, a line pasted twice). Each call applies one to four mutations; the same
 * seed gives the same sequence, so a failure found once is found again.
 */
final class Mutator {
    /** Replacements for a number: the values readers must refuse or survive. */
    private static final String[] NUMBERS = {
        "NaN", "nan", "Infinity", "-Infinity", "inf", "1e308", "-1e308", "1e999", "0", "-0", "-1", "-99999999",
        "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "4294967296", "1e-320", "0x10", "", "1.2.3", "--5"
    };

    /** Bytes with a meaning to some reader: separators, quotes, brackets, comment and line ends. */
    private static final byte[] SPECIAL = " \t\n\r#=:\"'{}[],.-+eE0\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private final Random rng;

    Mutator(long seed) {
        rng = new Random(seed);
    }

    byte[] mutate(byte[] seed) {
        byte[] b = seed.clone();
        int rounds = 1 + rng.nextInt(4);
        for (int r = 0; r < rounds; r++) b = once(b);
        return b;
    }

    private byte[] once(byte[] b) {
        if (b.length == 0) return new byte[] {(byte) rng.nextInt(256)};
        int at = rng.nextInt(b.length);
        return switch (rng.nextInt(11)) {
            case 0 -> flipBit(b, at);
            case 1 -> insert(b, at, new byte[] {rng.nextBoolean() ? (byte) rng.nextInt(256) : SPECIAL[rng.nextInt(SPECIAL.length)]});
            case 2 -> delete(b, at, 1 + rng.nextInt(Math.min(8, b.length - at)));
            case 3 -> duplicateChunk(b, at);
            case 4 -> Arrays.copyOf(b, at); // truncation
            case 5 -> digitToLetter(b, at);
            case 6 -> replaceNumber(b, at);
            case 7 -> duplicateLine(b, at);
            case 8 -> delete(b, lineStart(b, at), lineEnd(b, at) - lineStart(b, at));
            case 9 -> swapLines(b, at);
            default -> replaceByte(b, at);
        };
    }

    private byte[] flipBit(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= (byte) (1 << rng.nextInt(8));
        return c;
    }

    private byte[] replaceByte(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] = SPECIAL[rng.nextInt(SPECIAL.length)];
        return c;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] b, int at, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, at);
        out.write(b, at + length, b.length - at - length);
        return out.toByteArray();
    }

    private byte[] duplicateChunk(byte[] b, int at) {
        int length = 1 + rng.nextInt(Math.min(64, b.length - at));
        return insert(b, at, Arrays.copyOfRange(b, at, at + length));
    }

    /** The first digit at or after {@code at} becomes a letter ("3.18" → "3.1x"). */
    private byte[] digitToLetter(byte[] b, int at) {
        for (int i = at; i < b.length; i++) {
            if (Character.isDigit(b[i])) {
                byte[] c = b.clone();
                c[i] = (byte) ("xOlIeEdDfF".charAt(rng.nextInt(10)));
                return c;
            }
        }
        return b;
    }

    /** The number that starts at or after {@code at} is replaced by one of {@link #NUMBERS}. */
    private byte[] replaceNumber(byte[] b, int at) {
        int start = at;
        while (start < b.length && !isNumberByte(b[start])) start++;
        if (start == b.length) return b;
        while (start > 0 && isNumberByte(b[start - 1])) start--;
        int end = start;
        while (end < b.length && isNumberByte(b[end])) end++;
        byte[] with = NUMBERS[rng.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII);
        return insert(delete(b, start, end - start), start, with);
    }

    private static boolean isNumberByte(byte c) {
        return Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }

    private byte[] duplicateLine(byte[] b, int at) {
        int s = lineStart(b, at), e = lineEnd(b, at);
        return insert(b, e, Arrays.copyOfRange(b, s, e));
    }

    /** The line at {@code at} trades places with another line. */
    private byte[] swapLines(byte[] b, int at) {
        int s1 = lineStart(b, at), e1 = lineEnd(b, at);
        int other = rng.nextInt(b.length);
        int s2 = lineStart(b, other), e2 = lineEnd(b, other);
        if (s2 == s1) return b;
        if (s2 < s1) {
            int t = s1; s1 = s2; s2 = t;
            t = e1; e1 = e2; e2 = t;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, s1);
        out.write(b, s2, e2 - s2);
        out.write(b, e1, s2 - e1);
        out.write(b, s1, e1 - s1);
        out.write(b, e2, b.length - e2);
        return out.toByteArray();
    }

    private static int lineStart(byte[] b, int at) {
        int s = at;
        while (s > 0 && b[s - 1] != '\n') s--;
        return s;
    }

    /** Just past the line's '\n' (or the end of the file). */
    private static int lineEnd(byte[] b, int at) {
        int e = at;
        while (e < b.length && b[e] != '\n') e++;
        return Math.min(b.length, e + 1);
    }
}
