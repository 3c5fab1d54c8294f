package org.scoredos.ensemble;

import org.scoredos.io.BadInputException;

/**
 * An ensemble given as a matrix, one θ per row (read from .snapcoeff files, CSV, Parquet or
 * NumPy): every row has d finite values, checked when the matrix is made, the offending row and
 * column named.
 */
public final class ThetaMatrix implements ThetaSource {
    private static final long serialVersionUID = 1L;
    private final double[][] rows;
    private final int d;

    /**
     * @param source what the rows were read from, for the error messages
     * @param rows   one θ per row
     * @param d      the number of descriptor components the stores have
     * @param label  what a row is called in messages ("row", "file")
     */
    public ThetaMatrix(String source, double[][] rows, int d, RowLabel label) {
        if (rows.length == 0) throw new BadInputException(source + ": no θ in it (an ensemble needs at least one member)");
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) {
                throw new BadInputException(source + ": " + label.name(r) + ": " + rows[r].length + " values; the stores have " + d
                        + " descriptor components, so each θ needs " + d + " (without β0)");
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(rows[r][i])) {
                    throw new BadInputException(source + ": " + label.name(r) + ", column " + (i + 1) + ": " + rows[r][i] + " is not a finite number");
                }
            }
        }
        this.rows = rows;
        this.d = d;
    }

    /** How a row is named in a message: "row 3" in a matrix, the file's name in a directory. */
    @FunctionalInterface
    public interface RowLabel {
        String name(int row);

        /** Rows numbered from 1. */
        RowLabel ROWS = r -> "row " + (r + 1);
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public int components() {
        return d;
    }

    @Override
    public void theta(int member, double[] out) {
        System.arraycopy(rows[member], 0, out, 0, d);
    }
}
