package org.scoredos.descriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scoredos.io.InputFiles;
import org.scoredos.io.BadInputException;

/**
 * Reads a LAMMPS {@code .snapparam} file: one "key value" pair per line, {@code #} starts a
 * comment (also glued to a value, as in {@code bnormflag 0#}). {@code rcutfac} and
 * {@code twojmax} are required; the rest default as in LAMMPS. {@code switchinnerflag}, whose
 * non-default value would change the numbers in ways not implemented here, is accepted only
 * at 0; the Kokkos tuning keys
 * {@code chunksize} and {@code parallelthresh} are ignored; any other key is an error.
 */
public final class SnapParameterReader {

    private SnapParameterReader() {}

    public static SnapParameters read(Path file) throws IOException {
        return parse(file.toString(), lines(file));
    }

    /** Parses the lines of a file called {@code source} (used in error messages). */
    public static SnapParameters parse(String source, List<String> lines) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = stripComment(lines.get(n)).trim();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+");
            if (words.length != 2) {
                throw BadInputException.at(source, n + 1, null, "expected 'key value', got '" + line + "'");
            }
            String key = words[0];
            if (values.containsKey(key)) {
                throw BadInputException.at(source, n + 1, key, "given twice (first on line " + lineOf.get(key) + ")");
            }
            values.put(key, words[1]);
            lineOf.put(key, n + 1);
        }
        Fields f = new Fields(source, values, lineOf);
        for (String key : values.keySet()) {
            if (!KNOWN.contains(key)) {
                throw BadInputException.at(source, lineOf.get(key), key, "unknown SNAP parameter (known: " + String.join(", ", KNOWN) + ")");
            }
        }
        double rcutfac = f.positive("rcutfac", f.number("rcutfac", Double.NaN, true));
        int twojmax = f.integer("twojmax", -1, true);
        if (twojmax < 0 || twojmax > SnapParameters.MAX_TWOJMAX) {
            throw f.bad("twojmax", "must lie in 0.." + SnapParameters.MAX_TWOJMAX + ", got " + twojmax);
        }
        double rfac0 = f.number("rfac0", 0.99363, false);
        if (!(rfac0 > 0 && rfac0 <= 1)) throw f.bad("rfac0", "must lie in (0, 1], got " + rfac0);
        double rmin0 = f.number("rmin0", 0.0, false);
        if (!(rmin0 >= 0)) throw f.bad("rmin0", "must be ≥ 0, got " + rmin0);
        boolean switching = f.flag("switchflag", true);
        boolean bzero = f.flag("bzeroflag", true);
        boolean quadratic = f.flag("quadraticflag", false);
        boolean wselfAll = f.flag("wselfallflag", false);
        boolean bnorm = f.flag("bnormflag", false);
        boolean chem = f.flag("chemflag", false);
        if (f.flag("switchinnerflag", false)) {
            throw f.bad("switchinnerflag", "only 0 is supported (a non-zero value changes the bispectrum in ways not implemented here)");
        }
        for (String tuning : List.of("chunksize", "parallelthresh")) f.integer(tuning, 0, false);
        return new SnapParameters(rcutfac, rfac0, twojmax, rmin0, bzero, quadratic, switching, wselfAll, bnorm, chem);
    }

    private static final List<String> KNOWN = List.of(
            "rcutfac", "twojmax", "rfac0", "rmin0", "switchflag", "bzeroflag", "quadraticflag",
            "wselfallflag", "chemflag", "bnormflag", "switchinnerflag", "chunksize", "parallelthresh");

    /** The file's lines; bytes that are not UTF-8 become U+FFFD, so the parser names the line instead of an I/O error. */
    static List<String> lines(Path file) throws IOException {
        return InputFiles.lines(file);
    }

    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Typed access to the parsed key/value pairs, with file:line error messages. */
    private record Fields(String source, Map<String, String> values, Map<String, Integer> lineOf) {

        double number(String key, double fallback, boolean required) {
            String v = value(key, required);
            if (v == null) return fallback;
            try {
                double x = Double.parseDouble(v);
                if (!Double.isFinite(x)) throw bad(key, "must be finite, got '" + v + "'");
                return x;
            } catch (NumberFormatException e) {
                throw bad(key, "'" + v + "' is not a number");
            }
        }

        /** The text of {@code key}, or null when it is absent and may be. */
        private String value(String key, boolean required) {
            String v = values.get(key);
            if (v == null && required) throw BadInputException.at(source, 0, key, "required SNAP parameter is missing");
            return v;
        }

        double positive(String key, double x) {
            if (!(x > 0)) throw bad(key, "must be positive, got " + x);
            return x;
        }

        int integer(String key, int fallback, boolean required) {
            String v = value(key, required);
            if (v == null) return fallback;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw bad(key, "'" + v + "' is not a whole number");
            }
        }

        boolean flag(String key, boolean fallback) {
            int v = integer(key, fallback ? 1 : 0, false);
            if (v != 0 && v != 1) throw bad(key, "must be 0 or 1, got " + v);
            return v == 1;
        }

        BadInputException bad(String key, String reason) {
            return BadInputException.at(source, lineOf.getOrDefault(key, 0), key, reason);
        }
    }
}
