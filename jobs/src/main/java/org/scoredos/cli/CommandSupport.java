package org.scoredos.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Option parsing the estimation commands share. */
final class CommandSupport {
    private CommandSupport() {}

    /** --temperatures as a list, or a parameter error (exit 2) naming the option. */
    static double[] temperatures(CommandLine.Model.CommandSpec spec, String value) {
        try {
            return Temperatures.parse(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--temperatures: " + e.getMessage());
        }
    }

    /** An output file's folder must exist: checked before any work, so bad input fails fast. */
    static void checkOutput(Path file, String option) {
        if (file == null) return;
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            throw new org.scoredos.io.BadInputException(option + ": " + file + ": no such directory " + parent);
        }
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
