package org.scoredos.campaign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.scoredos.io.BadInputException;

/**
 * A campaign file's own checksum: the JSON body followed by a last line {@code #crc32c XXXXXXXX}
 * over the body's bytes. Hadoop's {@code .crc} sidecars protect only as long as they are
 * there (a shard edited by hand with its sidecar deleted used to be merged silently); the seal
 * travels inside the file. Any single-byte change is detected: in the body or the digits by the
 * checksum, in the marker or the newline before it by the JSON reader, which then meets
 * trailing tokens. Files of campaigns written before the seal (no last line) are read as they are.
 */
final class SealedJson {
    private static final byte[] MARKER = "\n#crc32c ".getBytes(StandardCharsets.US_ASCII);
    /** Marker, 8 hex digits and the final newline. */
    private static final int TRAILER = MARKER.length + 8 + 1;

    private SealedJson() {}

    static byte[] seal(byte[] json) {
        String trailer = String.format(Locale.ROOT, "\n#crc32c %08x\n", crc(json, json.length));
        byte[] t = trailer.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(json, json.length + t.length);
        System.arraycopy(t, 0, out, json.length, t.length);
        return out;
    }

    /** Whether a file ends with a seal line (files written before seals do not). */
    static boolean sealed(byte[] file) {
        int n = file.length;
        return n >= TRAILER && file[n - 1] == '\n'
                && Arrays.equals(file, n - TRAILER, n - TRAILER + MARKER.length, MARKER, 0, MARKER.length);
    }

    /** The JSON body of a file, its seal verified when it has one. */
    static byte[] open(byte[] file, String path, String what) {
        int n = file.length;
        if (!sealed(file)) return file; // unsealed: written before campaigns sealed their files
        String digits = new String(file, n - 9, 8, StandardCharsets.US_ASCII);
        long recorded;
        try {
            recorded = Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            throw BadInputException.at(path, 0, null, "corrupted " + what + ": unreadable checksum '" + digits + "'");
        }
        int body = n - TRAILER;
        if (crc(file, body) != recorded) {
            throw BadInputException.at(path, 0, null, "corrupted " + what + ": its contents do not match its checksum");
        }
        return Arrays.copyOf(file, body);
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return c.getValue();
    }
}
