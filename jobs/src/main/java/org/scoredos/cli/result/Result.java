package org.scoredos.cli.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scoredos.ScoreDosVersion;
import org.scoredos.units.FreeEnergyConvention;

/**
 * What one command found: the command and code version, the free-energy convention (every
 * renderer declares it, unless the result holds no free energy), a {@link Record} of metadata and single values, named
 * {@link ResultTable}s, and the sentences a person reads above and below the text tables.
 */
public final class Result {
    private final String command;
    private final Record fields = new Record();
    private final List<ResultTable> tables = new ArrayList<>();
    private final List<String> heading = new ArrayList<>(), summary = new ArrayList<>();
    private String conventionUnits = FreeEnergyConvention.UNITS, textUnits;
    private boolean freeEnergies = true;

    public Result(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }

    public String version() {
        return ScoreDosVersion.get();
    }

    /** The units the convention line names, where they are not eV/atom and K (a defect's G_f is per defect). */
    public Result conventionUnits(String units) {
        conventionUnits = units;
        return this;
    }

    /** The units the text table's convention line names where its columns are shown in others (meV/atom). */
    public Result textUnits(String units) {
        textUnits = units;
        return this;
    }

    /** A result with no free energy in it (an energy, a structure's geometry, descriptors): no convention to declare. */
    public Result withoutConvention() {
        freeEnergies = false;
        return this;
    }

    /** The convention line of the CSV rendering (and of the text one unless {@link #textUnits} says otherwise); null without one. */
    public String conventionLine() {
        return freeEnergies ? FreeEnergyConvention.comment(conventionUnits) : null;
    }

    public String textConventionLine() {
        return textUnits == null ? conventionLine() : FreeEnergyConvention.comment(textUnits);
    }

    /** The convention as JSON declares it, with these units; null without one. */
    public java.util.Map<String, Object> convention() {
        if (!freeEnergies) return null;
        java.util.Map<String, Object> m = FreeEnergyConvention.metadata();
        m.put("units", conventionUnits);
        return m;
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
