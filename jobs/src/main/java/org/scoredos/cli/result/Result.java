package org.scoredos.cli.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scoredos.ScoreDosVersion;

/**
 * What one command found: the command and code version, the free-energy convention (every
 * renderer declares it), a {@link Record} of metadata and single values, named
 * {@link ResultTable}s, and the sentences a person reads above and below the text tables.
 */
public final class Result {
    private final String command;
    private final Record fields = new Record();
    private final List<ResultTable> tables = new ArrayList<>();
    private final List<String> heading = new ArrayList<>(), summary = new ArrayList<>();

    public Result(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }

    public String version() {
        return ScoreDosVersion.get();
    }

    /** The metadata and single values, filled by the command. */
    public Record fields() {
        return fields;
    }

    public Result table(ResultTable t) {
        for (ResultTable u : tables) if (u.name().equals(t.name())) throw new IllegalArgumentException("table " + t.name() + " twice");
        tables.add(t);
        return this;
    }

    public List<ResultTable> tables() {
        return Collections.unmodifiableList(tables);
    }

    /** A line the text rendering prints above its tables (JSON and CSV carry the same facts as fields). */
    public Result heading(String line) {
        heading.add(line);
        return this;
    }

    /** A line the text rendering prints below its tables. */
    public Result summary(String line) {
        summary.add(line);
        return this;
    }

    public List<String> heading() {
        return Collections.unmodifiableList(heading);
    }

    public List<String> summary() {
        return Collections.unmodifiableList(summary);
    }
}
