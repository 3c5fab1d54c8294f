package org.scoredos.estimate;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Each rotated component's free energy at the store's N atoms, the exact 1-D integral of its
 * fitted density (mode INTEGRAL), instead of its large-N Legendre transform ({@link PolynomialConjugate}).
 * With the per-atom density ∝ exp(N S_t(u)) over the sampled range [u_lo, u_hi] and the slope
 * s' = β θ̃ dy/du of a θ,
 *
 * <pre>  G_t(s') = −(1/N) ln [ ∫ exp(N (S_t(u) − s'u)) du / ∫ exp(N S_t(u)) du ],</pre>
 *
 * whose large-N limit is min_u [s'u − S_t(u)] (S_t's maximum is 0). The two differ by
 * (1/2N) ln(S''(u*)/S''(u_max)) per component, and by more where u* is held at an end of the range:
 * summed over the 30 components of 108–128-atom cells whose energy spreads over 5–15 k_BT on
 * the shell, that is 3–4 meV/atom at 1000 K (lib/docs/models.md, Cu qSNAP and Ta06A against TI).
 * For a Gaussian component the two are equal.
 *
 * <p>dG_t/ds' = ⟨u⟩ under the tilted density (the gradient stays exact) and d⟨u⟩/ds' = −N Var(u),
 * so ⟨u⟩ takes the minimiser's place and −1/(N Var u) the curvature's in the estimator's gradient
 * and frame term; the calibrated bar evaluates the score fits' covariance at ⟨u⟩ (the exact
 * sensitivity, ⟨φ⟩ under the tilted density less its untilted value, agrees with it to leading
 * order in 1/N). The integrals are Gauss–Legendre over the range, checked against the two halves
 * and split where they disagree (a tilt far past an end makes the integrand a spike there); unlike
 * the Legendre transforms, an evaluation allocates a few small arrays per table.
 *
 * <p>What stays an assumption: the density ends at the sampled range (first and last bin centre).
 * Where β·sd(U) on a shell is large the tilted densities lean on those ends, and the tails beyond
 * them decide the last meV/atom (lib/docs/models.md).
 */
final class FiniteSizeTransform implements ComponentTransforms {
    /** Gauss–Legendre nodes per interval: a whole range's integrals to ~1e-10 when the integrand is smooth. */
    private static final int NODES = 32;
    /** Relative agreement of an interval with its halves at which it is accepted. */
    private static final double TOLERANCE = 1e-10;
    /** Interval halvings at most (the integrand's spike at an end, 2^-20 of the range wide, is still resolved). */
    private static final int DEPTH = 20;
    private static final double[] NODE, WEIGHT;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES, -1, 1);
        NODE = new double[NODES];
        WEIGHT = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            NODE[i] = rule.getPoint(i);
            WEIGHT[i] = rule.getWeight(i);
        }
    }

    private final double atoms;
    /** Per table: S_t's power series in u (padded to one length) and the range. */
    private final double[][] entropy;
    private final double[] lo, hi;
    /** Per table: ln ∫ exp(N S_t(u)) du, the untilted normaliser. */
    private final double[] logNormaliser;

    FiniteSizeTransform(double[][] coefficients, double[] lower, double[] upper, int atoms) {
        this.atoms = atoms;
        entropy = coefficients.clone();
        lo = lower.clone();
        hi = upper.clone();
        logNormaliser = new double[coefficients.length];
        double[] moments = new double[3];
        double[][] halves = halves();
        for (int t = 0; t < coefficients.length; t++) logNormaliser[t] = logIntegral(t, 0, moments, halves);
    }

    /** ⟨u⟩ of every table into w.ustar, −1/(N Var u) into w.curvature and G_t into w.transformed. */
    @Override
    public void solve(IsosurfaceWorkspace w) {
        transformAll(w.slopes, w.ustar, w.transformed, w.curvature);
    }

    @Override
    public double term(int t, double tilt, IsosurfaceWorkspace w) {
        return tilt + w.transformed[t];
    }

    /** {@link #transform} has set them. */
    @Override
    public void curvatures(IsosurfaceWorkspace w) {}

    /** The finite-size integrals go one temperature at a time. */
    @Override
    public LaneKernel lanes() {
        return null;
    }

    @Override
    public SlopeInterpolants interpolants(double[] scale, double[][] rotated, int count, double[] beta, boolean minimisers,
            SlopeInterpolants previous) {
        return null;
    }

    /**
     * For every table t at slope {@code slopes[t]}: {@code value[t]} = G_t, {@code mean[t]} = ⟨u⟩ and
     * {@code curvature[t]} = −1/(N Var u) under the tilted density (0 when the variance is rounding).
     */
    void transformAll(double[] slopes, double[] mean, double[] value, double[] curvature) {
        double[] moments = new double[3];
        double[][] halves = halves();
        for (int t = 0; t < slopes.length; t++) {
            double logZ = logIntegral(t, slopes[t], moments, halves);
            value[t] = -(logZ - logNormaliser[t]) / atoms;
            double m = moments[1] / moments[0], variance = moments[2] / moments[0] - m * m;
            mean[t] = m;
            curvature[t] = variance > 1e-14 * (hi[t] - lo[t]) * (hi[t] - lo[t]) ? -1 / (atoms * variance) : 0;
        }
    }

    /**
     * ln ∫ exp(N (S_t(u) − s'u)) du over the range; {@code moments} gets ∫ e, ∫ u e, ∫ u² e with
     * e = exp(N (S_t − s'u) − shift), shift the exponent's largest value on the first nodes and ends.
     */
    private double logIntegral(int t, double slope, double[] moments, double[][] halves) {
        double shift = Math.max(exponent(t, slope, lo[t]), exponent(t, slope, hi[t]));
        double centre = 0.5 * (lo[t] + hi[t]), half = 0.5 * (hi[t] - lo[t]);
        for (double x : NODE) shift = Math.max(shift, exponent(t, slope, centre + half * x));
        java.util.Arrays.fill(moments, 0);
        double[] whole = halves[2 * DEPTH + 2];
        rule(t, slope, shift, lo[t], hi[t], whole);
        adaptive(t, slope, shift, lo[t], hi[t], whole, DEPTH, moments, halves);
        return shift + Math.log(moments[0]);
    }

    /**
     * Scratch moments for {@link #adaptive}: the two halves of each recursion depth, then the whole
     * range's. A depth's halves stay intact while deeper calls use theirs, so one set serves a whole
     * {@link #transformAll} without allocating per interval.
     */
    private static double[][] halves() {
        return new double[2 * DEPTH + 3][3];
    }

    /** Adds the moments over [a, b] to {@code out}: {@code whole} (the rule over [a, b]) when its halves agree with it. */
    private void adaptive(int t, double slope, double shift, double a, double b, double[] whole, int depth, double[] out, double[][] halves) {
        double mid = 0.5 * (a + b);
        double[] left = halves[2 * depth], right = halves[2 * depth + 1];
        rule(t, slope, shift, a, mid, left);
        rule(t, slope, shift, mid, b, right);
        double split = left[0] + right[0];
        if (depth == 0 || Math.abs(split - whole[0]) <= TOLERANCE * split) {
            for (int i = 0; i < 3; i++) out[i] += left[i] + right[i];
            return;
        }
        adaptive(t, slope, shift, a, mid, left, depth - 1, out, halves);
        adaptive(t, slope, shift, mid, b, right, depth - 1, out, halves);
    }

    /** Gauss–Legendre moments of exp(N (S − s'u) − shift) over [a, b]. */
    private void rule(int t, double slope, double shift, double a, double b, double[] out) {
        double centre = 0.5 * (a + b), half = 0.5 * (b - a);
        double z = 0, z1 = 0, z2 = 0;
        for (int i = 0; i < NODES; i++) {
            double u = centre + half * NODE[i];
            double e = WEIGHT[i] * half * Math.exp(exponent(t, slope, u) - shift);
            z += e;
            z1 += e * u;
            z2 += e * u * u;
        }
        out[0] = z;
        out[1] = z1;
        out[2] = z2;
    }

    private double exponent(int t, double slope, double u) {
        double[] c = entropy[t];
        return atoms * (PolynomialConjugate.horner(c, 0, c.length, u) - slope * u);
    }
}
