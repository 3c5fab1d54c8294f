package org.scoredos.estimate;

import org.scoredos.io.BadInputException;

/**
 * The free energy A(V) of a phase at one temperature, between its sampled volumes: the
 * least-squares polynomial of degree m in the Birch–Murnaghan finite-strain variable
 * x = (V/V_c)^(−2/3) through the values at the n sampled volumes (m = 3 is the third-order
 * Birch–Murnaghan form, m = 2 the second-order). m = min(3, n − 2), so at least one degree of
 * freedom is left for the fit residual, which is reported. Linear in the values: A(V) = Σ_i
 * w_i(V) A_i, so derivatives with respect to anything the A_i depend on (θ) pass through the
 * weights. Volumes per atom in Å³, energies per atom in eV, pressures in eV/Å³.
 */
final class EquationOfState {
    /** Fewest volumes: a second-order fit with one degree of freedom left. */
    static final int MIN_VOLUMES = 4;
    private static final int SCAN = 128;

    private final double[] volumes;
    private final double centre;
    private final AlphaFit fit;

    /** {@code volumes}: per atom, strictly increasing; the degree min(3, n − 2). */
    EquationOfState(double[] volumes) {
        this(volumes, Math.min(3, volumes.length - 2));
    }

    private EquationOfState(double[] volumes, int degree) {
        int n = volumes.length;
        if (n < MIN_VOLUMES) {
            throw new BadInputException("equation of state: " + n + " volumes; a fit of A(V) with its residual needs at least " + MIN_VOLUMES);
        }
        for (int i = 1; i < n; i++) {
            if (!(volumes[i] > volumes[i - 1])) throw new BadInputException("equation of state: volumes must increase and differ");
        }
        this.volumes = volumes.clone();
        this.centre = 0.5 * (volumes[0] + volumes[n - 1]);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = x(volumes[i]);
        fit = new AlphaFit(x, degree);
    }

    /**
     * The same form one degree below and one above, where they exist: a minimum needs degree 2 at
     * least, and n volumes fix a polynomial of degree n − 1 at most (with no residual left). Fits
     * the data admit about as well; how far they move a result is the fit form's systematic part.
     */
    EquationOfState[] neighbours() {
        int m = degree(), n = volumes.length;
        return java.util.stream.IntStream.of(m - 1, m + 1).filter(k -> k >= 2 && k <= n - 1)
                .mapToObj(k -> new EquationOfState(volumes, k)).toArray(EquationOfState[]::new);
    }

    int degree() {
        return fit.degree();
    }

    double smallest() {
        return volumes[0];
    }

    double largest() {
        return volumes[volumes.length - 1];
    }

    private double x(double v) {
        return Math.pow(v / centre, -2.0 / 3.0);
    }

    /** Coefficients of the fit through the values at the sampled volumes. */
    double[] fit(double[] values) {
        double[] c = new double[fit.degree() + 1];
        fit.fit(values, c);
        return c;
    }

    /** A(V). */
    double value(double[] c, double v) {
        return AlphaFit.horner(c, fit.t(x(v)));
    }

    /** dA/dV. */
    double slope(double[] c, double v) {
        double x = x(v), dt = dtdv(x, v);
        return derivative(c, fit.t(x), 1) * dt;
    }

    /** d²A/dV². */
    double curvature(double[] c, double v) {
        double x = x(v), t = fit.t(x), dt = dtdv(x, v);
        return derivative(c, t, 2) * dt * dt + derivative(c, t, 1) * d2tdv2(x, v);
    }

    /** dt/dV with t = (x − x̄)/h: t_x x_V, x_V = −(2/3) x/V. */
    private double dtdv(double x, double v) {
        return -2.0 / 3.0 * x / v / fit.halfWidth();
    }

    /** d²t/dV² = t_x x_VV, x_VV = (10/9) x/V². */
    private double d2tdv2(double x, double v) {
        return 10.0 / 9.0 * x / (v * v) / fit.halfWidth();
    }

    private static double derivative(double[] c, double t, int order) {
        double s = 0;
        for (int k = order; k < c.length; k++) {
            double f = 1;
            for (int j = 0; j < order; j++) f *= k - j;
            s += f * c[k] * Math.pow(t, k - order);
        }
        return s;
    }

    /**
     * The weights of the sampled values in A(V), dA/dV and d²A/dV² at V: A(V) = Σ_i w[i] A_i,
     * and likewise with dw and ddw.
     */
    void weights(double v, double[] w, double[] dw, double[] ddw) {
        double x = x(v), t = fit.t(x), dt = dtdv(x, v), ddt = d2tdv2(x, v);
        fit.weights(t, w);
        fit.weightDerivatives(t, dw, ddw);
        for (int i = 0; i < w.length; i++) {
            double first = dw[i];
            dw[i] = first * dt;
            ddw[i] = ddw[i] * dt * dt + first * ddt;
        }
    }

    /**
     * The standard error of the fit, sqrt(Σ (A_i − A(V_i))² / (n − m − 1)), in the values' units;
     * NaN for a form that leaves no degree of freedom.
     */
    double residual(double[] c, double[] values) {
        if (volumes.length == fit.degree() + 1) return Double.NaN;
        double ss = 0;
        for (int i = 0; i < volumes.length; i++) {
            double r = values[i] - value(c, volumes[i]);
            ss += r * r;
        }
        return Math.sqrt(ss / (volumes.length - fit.degree() - 1));
    }

    /**
     * V* = argmin over the sampled range of A(V) + pV: the best of a scan, polished by
     * safeguarded Newton on dA/dV + p = 0 when it is interior.
     */
    double minimum(double[] c, double p) {
        double lo = smallest(), hi = largest(), step = (hi - lo) / SCAN;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= SCAN; i++) {
            double v = i == SCAN ? hi : lo + i * step;
            double h = value(c, v) + p * v;
            if (h < bestValue) {
                bestValue = h;
                best = i;
            }
        }
        if (best == 0 && slope(c, lo) + p >= 0) return lo;
        if (best == SCAN && slope(c, hi) + p <= 0) return hi;
        double a = Math.max(lo, lo + (best - 1) * step), b = Math.min(hi, lo + (best + 1) * step);
        double fa = slope(c, a) + p, fb = slope(c, b) + p;
        if (!(fa < 0 && fb > 0)) return best == SCAN ? hi : lo + best * step;
        double v = lo + best * step;
        for (int it = 0; it < 100; it++) {
            double f = slope(c, v) + p;
            if (f == 0) return v;
            if (f < 0) a = v;
            else b = v;
            double next = v - f / curvature(c, v);
            if (!(next > a && next < b)) next = 0.5 * (a + b);
            double moved = Math.abs(next - v);
            v = next;
            if (moved <= 1e-14 * v || b - a <= 1e-14 * v) break;
        }
        return v;
    }

    /** Whether V lies strictly inside the sampled volumes. */
    boolean inside(double v) {
        return v > smallest() && v < largest();
    }
}
