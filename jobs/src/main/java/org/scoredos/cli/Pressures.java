package org.scoredos.cli;

import picocli.CommandLine;

/**
 * The --pressures option of a phase boundary: {@code LO:HI:N} (N evenly spaced pressures, both
 * ends included) or a comma-separated list, in GPa; any finite value (negative is tension).
 */
final class Pressures {
    private Pressures() {}

    static double[] parse(CommandLine.Model.CommandSpec spec, String value) {
        try {
            double[] p = Temperatures.grid(value, "pressures");
            for (double x : p) if (!Double.isFinite(x)) throw Temperatures.bad("pressures", value, "pressures must be finite, got " + x);
            return p;
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pressures: " + e.getMessage());
        }
    }
}
