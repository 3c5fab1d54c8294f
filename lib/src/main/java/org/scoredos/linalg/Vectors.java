package org.scoredos.linalg;

/**
 * The small vector sums the physics repeats, written once: each sums its terms in index order
 * from 0, so every caller gets the same bits as the loop it replaced.
 */
public final class Vectors {
    private Vectors() {}

    /** x·y over x's length. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) s += x[k] * y[k];
        return s;
    }

    /** |x|, the Euclidean norm. */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** xᵀ M x over x's length, row by row: Σ_i x_i (Σ_j M_ij x_j). */
    public static double quadratic(double[][] m, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * dot(x, m[i]);
        return s;
    }
}
