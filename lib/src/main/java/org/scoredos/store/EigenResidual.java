package org.scoredos.store;

/**
 * The descriptor covariance C stored as exact integer residuals against its own eigen
 * decomposition: P = R diag(λ) Rᵀ, computed in a fixed order, matches C to a few ulps, so
 * rᵢⱼ = bits(Cᵢⱼ) − bits(Pᵢⱼ) (64-bit integer arithmetic, wrapping) is a small integer that
 * packs into ~12 bits instead of 64, and bits(Cᵢⱼ) = bits(Pᵢⱼ) + rᵢⱼ restores C bit for bit
 * whatever R and λ are. The prediction, which readers in other languages must reproduce:
 * Pᵢⱼ for i ≤ j is the left-to-right sum over k = 0…d−1 of (Rᵢₖ·λₖ)·Rⱼₖ, each product and
 * sum rounded to double (no fused multiply-add); Pⱼᵢ = Pᵢⱼ. Residuals run row-major over the
 * upper triangle (i ≤ j) when C is exactly symmetric, else over all d² entries.
 */
final class EigenResidual {
    private EigenResidual() {}

    static long[] encode(double[][] covariance, double[][] rotation, double[] eigenvalues) {
        int d = eigenvalues.length;
        double[][] p = prediction(rotation, eigenvalues);
        boolean symmetric = Triangles.isSymmetric(covariance);
        long[] out = new long[symmetric ? Triangles.size(d) : d * d];
        int at = 0;
        for (int i = 0; i < d; i++) {
            for (int j = symmetric ? i : 0; j < d; j++) {
                out[at++] = Double.doubleToRawLongBits(covariance[i][j]) - Double.doubleToRawLongBits(p[i][j]);
            }
        }
        return out;
    }

    /** The covariance from its residuals ({@code d(d+1)/2} or {@code d²} of them). */
    static double[][] decode(long[] residuals, double[][] rotation, double[] eigenvalues) {
        int d = eigenvalues.length;
        double[][] c = prediction(rotation, eigenvalues);
        boolean symmetric = residuals.length == Triangles.size(d);
        int at = 0;
        for (int i = 0; i < d; i++) {
            for (int j = symmetric ? i : 0; j < d; j++) {
                c[i][j] = Double.longBitsToDouble(Double.doubleToRawLongBits(c[i][j]) + residuals[at++]);
                if (symmetric) c[j][i] = c[i][j];
            }
        }
        return c;
    }

    private static double[][] prediction(double[][] rotation, double[] eigenvalues) {
        int d = eigenvalues.length;
        double[][] p = new double[d][d];
        double[] scaled = new double[d];
        for (int i = 0; i < d; i++) {
            double[] ri = rotation[i];
            for (int k = 0; k < d; k++) scaled[k] = ri[k] * eigenvalues[k];
            for (int j = i; j < d; j++) {
                double[] rj = rotation[j];
                double s = 0;
                for (int k = 0; k < d; k++) s += scaled[k] * rj[k];
                p[i][j] = s;
                p[j][i] = s;
            }
        }
        return p;
    }
}
