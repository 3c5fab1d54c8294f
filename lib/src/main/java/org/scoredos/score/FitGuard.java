package org.scoredos.score;

import java.util.Locale;
import java.util.function.Consumer;
import org.scoredos.io.BadInputException;

/**
 * Refuses score fits whose numbers would mean nothing, instead of returning them silently:
 * a histogram with too few occupied bins for the basis (the M coefficients would interpolate
 * a handful of spikes), and a normal matrix A so ill-conditioned that its inverse, which sets
 * the coefficients' covariance, has lost most of its digits. The message names the cell and
 * the component and says what to change. A campaign, which has already paid for its samples,
 * may instead have them reported as warnings and keep the fit (its shards stay committed, and
 * a rerun with another order refits them).
 *
 * <p>One instance holds work arrays: not thread-safe; one per {@link ScoreMatcher}.
 */
final class FitGuard {
    /**
     * Condition numbers above this leave fewer than three significant digits in A⁻¹. Typical
     * well-sampled fits: chebyshev order 6 about 3e4, order 12 about 1e11; hermite from order 9
     * on reaches 1e15, which this refuses.
     */
    static final double MAX_CONDITION = 1e13;
    private final int m;
    private final double[][] work;
    private final Consumer<String> warnings;

    /** @param warnings where failed checks go instead of an exception; null to refuse */
    FitGuard(int m, Consumer<String> warnings) {
        this.m = m;
        this.work = new double[m][m];
        this.warnings = warnings;
    }

    FitGuard(int m) {
        this(m, null);
    }

    private void fail(String message) {
        if (warnings == null) throw new BadInputException(message);
        warnings.accept("warning: " + message + "; its score model is unreliable");
    }

    /** At least M + 2 occupied bins for a basis of M functions (M coefficients and a shape to fit). */
    static int minimumOccupiedBins(int m) {
        return m + 2;
    }

    void checkOccupancy(long[] counts, double tau, int k, PolynomialBasis basis) {
        int occupied = 0;
        for (long n : counts) if (n > 0) occupied++;
        if (occupied < minimumOccupiedBins(m)) {
            fail(String.format(Locale.ROOT, "cell at tau %.4g, component %d: histogram too sparse for the %s basis of order %d: "
                    + "%d occupied bins, at least %d needed (add samples, or lower the order)",
                    tau, k, basis.name(), basis.order(), occupied, minimumOccupiedBins(m)));
        }
    }

    /** Refuses a symmetric positive semi-definite A whose condition number exceeds {@link #MAX_CONDITION}. */
    void checkConditioning(double[][] a, double tau, int k, PolynomialBasis basis) {
        double c = condition(a);
        if (!(c <= MAX_CONDITION)) {
            fail(String.format(Locale.ROOT, "cell at tau %.4g, component %d: the score fit is ill-conditioned "
                    + "(condition number %.2g of A, above %.0e) for the %s basis of order %d (lower the order)",
                    tau, k, c, MAX_CONDITION, basis.name(), basis.order()));
        }
    }

    /**
     * λ_max/λ_min of a symmetric positive semi-definite matrix after equilibration (unit
     * diagonal, so that the mere scale of the basis functions does not count), by cyclic Jacobi
     * rotations (M is at most 12); ∞ when singular.
     */
    double condition(double[][] a) {
        double[][] w = work;
        for (int i = 0; i < m; i++) {
            if (!(a[i][i] > 0)) return Double.POSITIVE_INFINITY; // a basis function without slope on any occupied bin
            for (int j = 0; j < m; j++) w[i][j] = a[i][j] / Math.sqrt(a[i][i] * a[j][j]);
        }
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < m; i++) {
                diag += w[i][i] * w[i][i];
                for (int j = i + 1; j < m; j++) off += w[i][j] * w[i][j];
            }
            if (off <= 1e-30 * diag) break;
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (w[p][q] == 0) continue;
                    double theta = (w[q][q] - w[p][p]) / (2 * w[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < m; k++) { // columns p, q
                        double kp = w[k][p], kq = w[k][q];
                        w[k][p] = c * kp - s * kq;
                        w[k][q] = s * kp + c * kq;
                    }
                    for (int k = 0; k < m; k++) { // rows p, q
                        double pk = w[p][k], qk = w[q][k];
                        w[p][k] = c * pk - s * qk;
                        w[q][k] = s * pk + c * qk;
                    }
                }
            }
        }
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            max = Math.max(max, Math.abs(w[i][i]));
            min = Math.min(min, Math.abs(w[i][i]));
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }
}
