package org.scoredos.store;

import java.util.Arrays;

/**
 * Symmetric matrices stored as their upper triangle (row-major, i ≤ j), which halves the
 * store. Used only when the matrix is exactly symmetric, so that the round trip is bitwise.
 */
final class Triangles {
    private Triangles() {}

    static boolean isSymmetric(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                if (Double.doubleToRawLongBits(m[i][j]) != Double.doubleToRawLongBits(m[j][i])) return false;
            }
        }
        return true;
    }

    static int size(int n) {
        return n * (n + 1) / 2;
    }

    /** Appends the upper triangle of {@code m} (row-major) to {@code out} at {@code offset}. */
    static int packUpper(double[][] m, double[] out, int offset) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i; j < m.length; j++) out[offset++] = m[i][j];
        }
        return offset;
    }

    /** The n×n symmetric matrix whose upper triangle starts at {@code offset} in {@code packed}. */
    static double[][] unpackUpper(double[] packed, int offset, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m[i][j] = packed[offset];
                m[j][i] = packed[offset++];
            }
        }
        return m;
    }

    /** Appends all n² entries row-major. */
    static int packFull(double[][] m, double[] out, int offset) {
        for (double[] row : m) {
            System.arraycopy(row, 0, out, offset, row.length);
            offset += row.length;
        }
        return offset;
    }

    static double[][] unpackFull(double[] packed, int offset, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = Arrays.copyOfRange(packed, offset + i * cols, offset + (i + 1) * cols);
        }
        return m;
    }
}
