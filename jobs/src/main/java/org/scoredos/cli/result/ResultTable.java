package org.scoredos.cli.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of typed values under ordered {@link Column}s: numbers (a NaN or infinity is "unknown"),
 * booleans, strings, and double[] where one cell is a vector (a gradient). JSON renders it as an
 * array of row objects under its name, or, for a {@linkplain #asMatrix matrix} (forces, per-atom
 * descriptors, cell vectors), as an array of row arrays; CSV as a headed block, text as an
 * aligned table.
 */
public final class ResultTable {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private String matrix;

    public ResultTable(String name) {
        this.name = name;
    }

    public ResultTable column(Column c) {
        if (!rows.isEmpty()) throw new IllegalStateException("table " + name + ": a column after the first row");
        columns.add(c);
        if (matrix != null) oneUnit();
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

    /**
     * JSON writes each row as an array of its values in column order (a vector spread out): an
     * N×3 force matrix rather than N objects. The columns share one unit, declared under the
     * table's name with {@code description} (what the rows and columns are).
     */
    public ResultTable asMatrix(String description) {
        matrix = description;
        oneUnit();
        return this;
    }

    private void oneUnit() {
        for (Column c : columns) {
            if (!java.util.Objects.equals(c.unit(), columns.get(0).unit())) throw new IllegalStateException("matrix " + name + ": columns in two units");
        }
    }

    /** The matrix description, or null when JSON writes the rows as objects. */
    public String matrix() {
        return matrix;
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
