package org.scoredos.cli;

import picocli.CommandLine.Option;

/** The --format option of every result-producing command (a picocli mixin). */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;
}
