package org.scoredos.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * The --temperatures option: {@code LO:HI:N} (N evenly spaced points, both ends included) or a
 * comma-separated list; a single value is a list of one. Every temperature must be finite and > 0 K.
 * The same grid syntax serves --pressures.
 */
public final class Temperatures implements CommandLine.ITypeConverter<double[]> {

    @Override
    public double[] convert(String value) {
        return parse(value);
    }

    public static double[] parse(String value) {
        double[] t = grid(value, "temperatures");
        for (double x : t) {
            if (!(x > 0) || !Double.isFinite(x)) throw bad(value, "temperatures must be finite and above 0 K, got " + x);
        }
        return t;
    }

    /** LO:HI:N or a comma-separated list of numbers; {@code what} names them in errors. */
    static double[] grid(String value, String what) {
        String v = value.trim();
        if (v.isEmpty()) throw bad(what, value, "empty");
        double[] t;
        if (v.contains(":")) {
            String[] p = v.split(":", -1);
            if (p.length != 3) throw bad(what, value, "a range is LO:HI:N");
            double lo = number(what, value, p[0]);
            double hi = number(what, value, p[1]);
            int n;
            try {
                n = Integer.parseInt(p[2].trim());
            } catch (NumberFormatException e) {
                throw bad(what, value, "N must be a whole number, got '" + p[2] + "'");
            }
            if (n < 1) throw bad(what, value, "N must be at least 1");
            if (n > 1_000_000) throw bad(what, value, "N must be at most 1000000");
            if (n == 1 && lo != hi) throw bad(what, value, "N = 1 needs LO = HI");
            if (hi < lo) throw bad(what, value, "HI must not be below LO");
            t = new double[n];
            for (int i = 0; i < n; i++) t[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
        } else {
            t = Arrays.stream(v.split(",", -1)).mapToDouble(s -> number(what, value, s)).toArray();
        }
        return t;
    }

    private static double number(String what, String whole, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw bad(what, whole, "'" + s.trim() + "' is not a number");
        }
    }

    private static CommandLine.TypeConversionException bad(String value, String why) {
        return bad("temperatures", value, why);
    }

    static CommandLine.TypeConversionException bad(String what, String value, String why) {
        return new CommandLine.TypeConversionException("invalid " + what + " '" + value + "': " + why);
    }
}
