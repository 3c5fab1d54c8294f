package org.scoredos.harmonic;

import java.io.Serializable;

/**
 * A Chebyshev polynomial p(λ) ≈ λ^{-1/2} on a spectral interval [a, b], applied to a vector
 * through a {@link SparseHessian} by Clenshaw's recurrence (one product with H per degree):
 * p(H) g ≈ H^{-1/2} g without any decomposition. The degree is the smallest (in steps of a
 * quarter) whose largest relative error max |p(λ)√λ − 1| over [a, b], checked on a dense grid,
 * is within the requested tolerance.
 */
public final class InverseSquareRoot implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEGREE = 4000;
    private static final int CHECK_POINTS = 4000;

    private final double lower;
    private final double upper;
    private final double[] c; // Chebyshev coefficients, c[0] already halved
    private final double error;

    private InverseSquareRoot(double lower, double upper, double[] c, double error) {
        this.lower = lower;
        this.upper = upper;
        this.c = c;
        this.error = error;
    }

    /** The polynomial for eigenvalues in [lower, upper] (eV/Å², 0 &lt; lower &lt; upper), relative error ≤ tolerance. */
    public static InverseSquareRoot fit(double lower, double upper, double tolerance) {
        if (!(lower > 0 && upper > lower)) throw new IllegalArgumentException("need 0 < lower < upper, got " + lower + ", " + upper);
        for (int d = 8; d <= MAX_DEGREE; d += Math.max(4, d / 4)) {
            double[] c = coefficients(lower, upper, d);
            double e = maxRelativeError(lower, upper, c);
            if (e <= tolerance) return new InverseSquareRoot(lower, upper, c, e);
        }
        throw new IllegalArgumentException("no Chebyshev polynomial up to degree " + MAX_DEGREE + " reaches relative error "
                + tolerance + " on [" + lower + ", " + upper + "]");
    }

    private static double[] coefficients(double a, double b, int degree) {
        int nodes = degree + 1;
        double[] c = new double[nodes];
        for (int k = 0; k < nodes; k++) {
            double theta = Math.PI * (k + 0.5) / nodes;
            double f = 1 / Math.sqrt(0.5 * (b + a) + 0.5 * (b - a) * Math.cos(theta));
            for (int j = 0; j < nodes; j++) c[j] += 2.0 / nodes * f * Math.cos(j * theta);
        }
        c[0] *= 0.5;
        return c;
    }

    private static double value(double[] c, double t) {
        double b1 = 0, b2 = 0;
        for (int j = c.length - 1; j >= 1; j--) {
            double b0 = c[j] + 2 * t * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return c[0] + t * b1 - b2;
    }

    private static double maxRelativeError(double a, double b, double[] c) {
        double worst = 0;
        for (int k = 0; k <= CHECK_POINTS; k++) {
            // geometric spacing: the error concentrates at the soft end
            double x = a * Math.pow(b / a, k / (double) CHECK_POINTS);
            double t = Math.min(1, Math.max(-1, (2 * x - (b + a)) / (b - a)));
            worst = Math.max(worst, Math.abs(value(c, t) * Math.sqrt(x) - 1));
        }
        return worst;
    }

    /** out = p(H) g, ≈ H^{-1/2} g for g in the subspace orthogonal to translations. */
    public void apply(SparseHessian h, double[] g, double[] out) {
        int n = g.length;
        double[] b1 = new double[n], b2 = new double[n], hv = new double[n];
        double s = 2 / (upper - lower), shift = (upper + lower) / (upper - lower);
        for (int j = c.length - 1; j >= 1; j--) {
            // b0 = c_j g + 2 A b1 − b2, A = s H − shift
            h.multiply(b1, hv);
            for (int k = 0; k < n; k++) {
                double b0 = c[j] * g[k] + 2 * (s * hv[k] - shift * b1[k]) - b2[k];
                b2[k] = b1[k];
                b1[k] = b0;
            }
        }
        h.multiply(b1, hv);
        for (int k = 0; k < n; k++) out[k] = c[0] * g[k] + (s * hv[k] - shift * b1[k]) - b2[k];
    }

    public int degree() {
        return c.length - 1;
    }

    /** The largest relative error of p(λ)√λ over [lower, upper] found on the check grid. */
    public double error() {
        return error;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }
}
