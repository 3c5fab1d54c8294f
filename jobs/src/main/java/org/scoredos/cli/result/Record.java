package org.scoredos.cli.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Named values in order, each with its unit and description: a result's metadata and
 * single-valued findings (the lattice energy, T_c with its flags). A value is a number, boolean,
 * string, double[], int[] (counts), String[] (names) or a nested Record (JSON nests it; CSV and the units object use its dotted path).
 */
public final class Record {
    /** One value; {@code unit} null for a name, flag or count. */
    public record Entry(String name, String unit, String description, Object value) {}

    private final List<Entry> entries = new ArrayList<>();

    public Record put(String name, String unit, String description, Object value) {
        if (value != null && !(value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof double[]
                || value instanceof int[] || value instanceof String[] || value instanceof Record)) {
            throw new IllegalArgumentException(name + ": a record cannot hold a " + value.getClass().getSimpleName());
        }
        for (Entry e : entries) if (e.name().equals(name)) throw new IllegalArgumentException(name + ": declared twice");
        entries.add(new Entry(name, unit, description, value));
        return this;
    }

    /** A name, mode or other plain string. */
    public Record put(String name, String value) {
        return put(name, null, null, value);
    }

    /** A nested record under {@code name}, returned to be filled. */
    public Record record(String name) {
        Record r = new Record();
        put(name, null, null, r);
        return r;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
