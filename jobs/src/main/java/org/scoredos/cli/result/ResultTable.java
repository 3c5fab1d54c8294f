package org.scoredos.cli.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of typed values under ordered {@link Column}s: numbers (a NaN or infinity is "unknown"),
 * booleans, strings, and double[] where one cell is a vector (a gradient). JSON renders it as an
 * array of row objects under its name, CSV as a headed block, text as an aligned table.
 */
public final class ResultTable {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    public ResultTable(String name) {
        this.name = name;
    }

    public ResultTable column(Column c) {
        if (!rows.isEmpty()) throw new IllegalStateException("table " + name + ": a column after the first row");
        columns.add(c);
        return this;
    }

    public ResultTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("table " + name + ": " + values.length + " values for " + columns.size() + " columns");
        }
        for (Object v : values) {
            if (v != null && !(v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof double[])) {
                throw new IllegalArgumentException("table " + name + ": cannot hold a " + v.getClass().getSimpleName());
            }
        }
        rows.add(values.clone());
        return this;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public List<Object[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** How many values column {@code c} spans in a flat row: a vector's length, else 1. */
    int width(int c) {
        for (Object[] r : rows) if (r[c] instanceof double[] v) return v.length;
        return 1;
    }
}
