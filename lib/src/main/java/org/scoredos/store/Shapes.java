package org.scoredos.store;

import org.scoredos.io.BadInputException;

/** Checks that a decoded file has the row count and list lengths its manifest promises. */
final class Shapes {
    private final ParquetColumns table;

    Shapes(ParquetColumns table) {
        this.table = table;
    }

    void rows(int expected) {
        if (table.rows() != expected) {
            throw new BadInputException(table.file() + ": " + table.rows() + " rows, the manifest says " + expected);
        }
    }

    void equal(int row, String column, long expected, long found) {
        if (expected != found) throw mismatch(row, column, "expected " + expected + ", got " + found);
    }

    /** A repeated double column's values in one row, which must number {@code length}. */
    double[] list(String column, int row, int length) {
        double[] v = table.doubleList(column, row);
        if (v.length != length) throw mismatch(row, column, "expected " + length + " values, got " + v.length);
        return v;
    }

    /** A repeated double column whose row holds one of two allowed lengths. */
    double[] listOf(String column, int row, int length, int otherLength) {
        double[] v = table.doubleList(column, row);
        if (v.length != length && v.length != otherLength) {
            throw mismatch(row, column, "expected " + length + " or " + otherLength + " values, got " + v.length);
        }
        return v;
    }

    long[] longListOf(String column, int row, int length, int otherLength) {
        long[] v = table.longList(column, row);
        if (v.length != length && v.length != otherLength) {
            throw mismatch(row, column, "expected " + length + " or " + otherLength + " values, got " + v.length);
        }
        return v;
    }

    long[] longList(String column, int row, int length) {
        long[] v = table.longList(column, row);
        if (v.length != length) throw mismatch(row, column, "expected " + length + " values, got " + v.length);
        return v;
    }

    BadInputException mismatch(int row, String column, String reason) {
        return new BadInputException(table.file() + ": row " + row + ": " + column + ": " + reason);
    }
}
