package org.scoredos.estimate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The least-squares polynomial in α through per-cell values (method.md §4: the reference
 * smooths βF(α) with monomials of degree 5). The pseudo-inverse is precomputed once per phase,
 * in the scaled variable t = (α − ᾱ)/h, where the Vandermonde matrix is well conditioned (in raw
 * α its normal equations have cond ≈ 1e15); the fitted polynomial is the same.
 */
final class AlphaFit {
    private final int degree;
    private final double centre, halfWidth;
    /** pinv[i][a]: coefficient of tⁱ contributed by cell a's value. */
    private final double[][] pinv;

    AlphaFit(double[] alphas, int degree) {
        int n = alphas.length;
        if (n <= degree) {
            throw new IllegalArgumentException("an α polynomial of degree " + degree + " needs more than " + degree + " cells, got " + n);
        }
        this.degree = degree;
        double lo = alphas[0], hi = alphas[n - 1];
        this.centre = 0.5 * (lo + hi);
        this.halfWidth = 0.5 * (hi - lo);
        RealMatrix v = new Array2DRowRealMatrix(n, degree + 1);
        for (int a = 0; a < n; a++) {
            double t = t(alphas[a]), p = 1;
            for (int i = 0; i <= degree; i++, p *= t) v.setEntry(a, i, p);
        }
        this.pinv = new QRDecomposition(v).getSolver().solve(MatrixUtils.createRealIdentityMatrix(n)).getData();
    }

    int degree() {
        return degree;
    }

    double t(double alpha) {
        return (alpha - centre) / halfWidth;
    }

    double alpha(double t) {
        return centre + halfWidth * t;
    }

    double halfWidth() {
        return halfWidth;
    }

    double centre() {
        return centre;
    }

    /** Coefficients (t⁰…t^degree) of the fit through {@code values}. */
    void fit(double[] values, double[] out) {
        for (int i = 0; i <= degree; i++) {
            double[] row = pinv[i];
            double s = 0;
            for (int a = 0; a < row.length; a++) s += row[a] * values[a];
            out[i] = s;
        }
    }

    /** pinv[i][a]: the coefficient of tⁱ each cell's value contributes (the array itself, not a copy). */
    double[][] pseudoInverse() {
        return pinv;
    }

    /** {@link #weights} of every lane at t[l] into out[a·width + l], the same operations per lane; power: scratch of width. */
    void weightsLanes(double[] t, int width, double[] power, double[] out) {
        java.util.Arrays.fill(out, 0, pinv[0].length * width, 0);
        java.util.Arrays.fill(power, 0, width, 1);
        for (int i = 0; i <= degree; i++) {
            double[] row = pinv[i];
            for (int a = 0; a < row.length; a++) {
                double r = row[a];
                for (int l = 0, o = a * width; l < width; l++) out[o + l] += power[l] * r;
            }
            for (int l = 0; l < width; l++) power[l] *= t[l];
        }
    }

    /** The weights w_a(t) with fit(values)(t) = Σ_a w_a values_a. */
    void weights(double t, double[] out) {
        java.util.Arrays.fill(out, 0);
        double p = 1;
        for (int i = 0; i <= degree; i++, p *= t) {
            double[] row = pinv[i];
            for (int a = 0; a < row.length; a++) out[a] += p * row[a];
        }
    }

    /** The weights' first and second derivatives in t: d/dt and d²/dt² of {@link #weights}. */
    void weightDerivatives(double t, double[] first, double[] second) {
        java.util.Arrays.fill(first, 0);
        java.util.Arrays.fill(second, 0);
        for (int i = 1; i <= degree; i++) {
            double d1 = i * Math.pow(t, i - 1), d2 = i > 1 ? i * (i - 1.0) * Math.pow(t, i - 2) : 0;
            double[] row = pinv[i];
            for (int a = 0; a < row.length; a++) {
                first[a] += d1 * row[a];
                second[a] += d2 * row[a];
            }
        }
    }

    static double horner(double[] c, double t) {
        double v = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) v = v * t + c[i];
        return v;
    }
}
