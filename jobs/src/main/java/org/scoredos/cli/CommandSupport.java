package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ModelCheck;
import org.scoredos.estimate.StoredPhase;
import picocli.CommandLine;

/** Option parsing the estimation commands share. */
final class CommandSupport {
    private CommandSupport() {}

    /**
     * θ of {@code file} (read from {@code coeff}), checked against the model each phase's
     * store records: another element or descriptor is bad input (exit 2); what cannot be
     * checked (a plain list, a store without a model) is said once on stderr.
     */
    static CoefficientFile theta(Path coeff, CoefficientFile file, PrintWriter err, StoredPhase... phases) {
        Set<String> warnings = new LinkedHashSet<>();
        for (StoredPhase p : phases) {
            String w = ModelCheck.check(p.model(), "phase " + p.name(), coeff, file);
            if (w != null) warnings.add(w);
        }
        for (String w : warnings) err.println("warning: " + w);
        err.flush();
        return file;
    }

    /** θ read from {@code coeff}, as many values as the first phase has components. */
    static CoefficientFile coefficients(Path coeff, StoredPhase... phases) throws IOException {
        return CoefficientFile.read(coeff, phases[0].components());
    }

    /** --temperatures as a list, or a parameter error (exit 2) naming the option. */
    static double[] temperatures(CommandLine.Model.CommandSpec spec, String value) {
        try {
            return Temperatures.parse(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--temperatures: " + e.getMessage());
        }
    }

    /** An output file must be writable ({@link org.scoredos.io.OutputFiles#checkTarget}, named by its option): checked before any work. */
    static void checkOutput(Path file, String option) {
        if (file == null) return;
        try {
            org.scoredos.io.OutputFiles.checkTarget(file); // a missing folder, directory, device, FIFO or link: refused before any work
        } catch (org.scoredos.io.BadInputException e) {
            throw new org.scoredos.io.BadInputException(option + ": " + e.getMessage(), e);
        }
    }

    /** The structure files every --structure reads (by extension): one list for every command's help. */
    static final String STRUCTURE_FORMATS = "LAMMPS data (.data/.dat/.lmp), dump (.dump/.lammpstrj) or extended XYZ (.xyz/.extxyz)";

    /** The end of every --plot description. */
    static final String PLOT_FORMATS = "; PNG, SVG or PDF by FILE's extension";

    /** A --plot file: its folder must exist and its extension name PNG, SVG or PDF; checked before any work. */
    static void checkPlot(Path file, String option) {
        if (file == null) return;
        checkOutput(file, option); // a directory or missing folder is named as such before its extension
        org.scoredos.cli.plot.PlotFormat.of(file, option);
    }

    /** A NAME=DIR phase argument. */
    record NamedPhase(String name, Path path) {}

    static NamedPhase phase(CommandLine.Model.CommandSpec spec, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phase: expected NAME=DIR, got '" + value + "'");
        }
        return new NamedPhase(value.substring(0, eq), Path.of(value.substring(eq + 1)));
    }

    /** Two --phase arguments, or a parameter error. */
    static NamedPhase[] twoPhases(CommandLine.Model.CommandSpec spec, java.util.List<String> values) {
        if (values == null || values.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phase: give exactly two phases (NAME=DIR twice), got "
                    + (values == null ? 0 : values.size()));
        }
        NamedPhase a = phase(spec, values.get(0)), b = phase(spec, values.get(1));
        if (a.name().equals(b.name())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phase: the two phases need different names");
        }
        return new NamedPhase[] {a, b};
    }
}
