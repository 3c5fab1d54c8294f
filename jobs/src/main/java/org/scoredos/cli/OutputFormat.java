package org.scoredos.cli;

/** The --format every result-producing command takes. */
public enum OutputFormat {
    TEXT,
    JSON,
    CSV
}
