package org.scoredos.estimate;

/**
 * The smooth estimator's βF(α) between the sampled isosurfaces: at each α a local least-squares
 * fit, quadratic in e^α, through the cells within {@link #CELLS_PER_SIDE} local cell spacings of
 * α, tricube-weighted by distance (LOESS), evaluated at α. It is linear in the cells' values,
 * F̂(α) = Σ_a w_a(α) g_a, with weights that depend on the grid alone, so the envelope gradient
 * Σ_a w_a(α*) ∂g_a/∂θ stays exact.
 *
 * <p>Why local: the α integral of exp(−N βF(α)) is a peak of width ≈ 1/√(1.5 N) in α (0.07 for
 * 128 atoms), so F at T depends only on the cells near α*(T). A single polynomial over the whole
 * grid (the reference's quintic) carries the cells far above α* — where β²Var(E) on the shell
 * reaches 10²–10³ and the large-N Legendre transform of each cell is off by several k_BT — into
 * every temperature, by different amounts in different cells: lib/docs/accuracy.md ("Defect
 * formation free energies against TI") measures ±1 k_BT per cell on 127/128-atom W cells at
 * 1000 K, which a formation free energy (a difference of whole-cell free energies) does not
 * survive.
 */
final class LocalAlphaFit implements AlphaProfile {
    /** The kernel's half-width in local cell spacings: about 7 cells per fit of 3 coefficients. */
    static final double CELLS_PER_SIDE = 3.5;
    /** Dense scan points per grid interval, to bracket the minimum before it is polished. */
    private static final int SCAN = 8;
    /** Golden-section steps: the bracket (a scan interval) shrinks by 0.618 each, to ~1e-10 of it. */
    private static final int POLISH_STEPS = 48;
    private static final double GOLDEN = 0.5 * (Math.sqrt(5) - 1);
    /** Half-spacing of the final parabola, in scan intervals. */
    private static final double PARABOLA = 1e-3;

    private final double[] alphas;
    /** The scan's α values and their weight rows, made once per phase. */
    private final double[] scanAlpha;
    private final double[][] scanWeights;

    LocalAlphaFit(double[] alphas) {
        if (alphas.length < 4) throw new IllegalArgumentException("a local quadratic in e^α needs 4 cells, got " + alphas.length);
        this.alphas = alphas.clone();
        int n = alphas.length, points = SCAN * (n - 1) + 1;
        scanAlpha = new double[points];
        scanWeights = new double[points][n];
        for (int i = 0; i < n - 1; i++) {
            for (int s = 0; s < SCAN; s++) scanAlpha[i * SCAN + s] = alphas[i] + (alphas[i + 1] - alphas[i]) * s / SCAN;
        }
        scanAlpha[points - 1] = alphas[n - 1];
        for (int j = 0; j < points; j++) weights(scanAlpha[j], scanWeights[j]);
    }

    /**
     * Whether α* is a minimum the cells bracket: beyond the second cell from either end the fit is
     * one-sided, and a minimum there is the end of the data bending the quadratic, not βF's.
     */
    @Override
    public void minimise(IsosurfaceWorkspace w, double shellConstant, boolean error) {
        double alphaStar = argmin(w.g, SHELL_SLOPE, w.weights);
        double fHat = 0, band = 0;
        for (int a = 0; a < alphas.length; a++) {
            fHat += w.weights[a] * w.g[a];
            band += w.weights[a] * w.gPlus[a];
        }
        w.freeEnergy = fHat + shellConstant - SHELL_SLOPE * alphaStar;
        w.error = error ? Math.abs(band) : Double.NaN;
        w.alphaStar = alphaStar;
        w.tStar = Double.NaN;
        w.solved = solved(alphaStar);
    }

    /** One lane at a time through {@link #minimise} (the local fit's weights depend on α*, so lanes share no pass). */
    @Override
    public void minimiseLanes(TemperatureLanes lanes, IsosurfaceWorkspace w, boolean error, boolean weights) {
        AlphaLanes p = lanes.alpha;
        int width = lanes.width, cells = alphas.length;
        for (int l = 0; l < lanes.count; l++) {
            for (int a = 0; a < cells; a++) {
                w.g[a] = lanes.g[a * width + l];
                w.gPlus[a] = lanes.band[a * width + l];
            }
            minimise(w, p.shell[l], error);
            p.freeEnergy[l] = w.freeEnergy;
            p.error[l] = w.error;
            p.tStar[l] = w.tStar;
            p.alphaStar[l] = w.alphaStar;
            p.solved[l] = w.solved;
            if (weights) for (int a = 0; a < cells; a++) lanes.weights[a * width + l] = w.weights[a];
        }
    }

    boolean solved(double alphaStar) {
        return alphaStar > alphas[1] && alphaStar < alphas[alphas.length - 2];
    }

    /**
     * The weights w_a(α) of F̂(α) = Σ_a w_a g_a into {@code out} (every cell; 0 outside the window).
     * Tricube kernel K = (1 − |δ|³)³, δ = (α_a − α)/h, h = CELLS_PER_SIDE local spacings (the
     * kernel and h are smooth in α, so F̂ is, and C_V = −T ∂²F/∂T² with it);
     * w_a = K_a · e₁ᵀ (Σ_b K_b p_b p_bᵀ)⁻¹ p_a with p = (1, ξ, ξ²), ξ = (e^(α_a − α) − 1)/h: quadratic in
     * the shell's harmonic energy ½ω̄e^α, so a harmonic crystal's βF(α) (linear in it) and its first
     * anharmonic order are reproduced exactly at every α, curvature included (C_V needs it).
     */
    void weights(double alpha, double[] out) {
        double h = CELLS_PER_SIDE * spacing(alpha);
        int lo = 0, hi = alphas.length - 1;
        while (alphas[lo] <= alpha - h) lo++;
        while (alphas[hi] >= alpha + h) hi--;
        while (hi - lo < 3) { // an irregular grid: widen to the 4 nearest cells (3 with weight), as the fit needs
            if (hi == alphas.length - 1 || (lo > 0 && alpha - alphas[lo - 1] < alphas[hi + 1] - alpha)) lo--;
            else hi++;
            h = Math.max(alpha - alphas[lo], alphas[hi] - alpha) * (1 + 1e-9);
        }
        java.util.Arrays.fill(out, 0);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        for (int a = lo; a <= hi; a++) {
            double r = Math.abs(alphas[a] - alpha) / h;
            double k = r >= 1 ? 0 : cube(1 - r * r * r);
            out[a] = k;
            double xi = energyOffset(alphas[a], alpha, h), x2 = xi * xi;
            s0 += k;
            s1 += k * xi;
            s2 += k * x2;
            s3 += k * x2 * xi;
            s4 += k * x2 * x2;
        }
        // first column of the inverse of the symmetric [[s0 s1 s2] [s1 s2 s3] [s2 s3 s4]]: cofactors / det
        double c00 = s2 * s4 - s3 * s3, c01 = -(s1 * s4 - s2 * s3), c02 = s1 * s3 - s2 * s2;
        double det = s0 * c00 + s1 * c01 + s2 * c02;
        double r0 = c00 / det, r1 = c01 / det, r2 = c02 / det;
        for (int a = lo; a <= hi; a++) {
            double xi = energyOffset(alphas[a], alpha, h);
            out[a] *= r0 + r1 * xi + r2 * xi * xi;
        }
    }

    /** ξ = (e^(α_a − α) − 1)/h: the cell's harmonic energy relative to α's, scaled to O(1) over the window. */
    private static double energyOffset(double alphaCell, double alpha, double h) {
        return Math.expm1(alphaCell - alpha) / h;
    }

    /**
     * The local cell spacing at α: the spacings of the grid's intervals, interpolated linearly
     * between their midpoints (constant beyond the outer ones), so the kernel follows a grid that is
     * uniform in τ rather than α without the kinks of a nearest-cells window.
     */
    private double spacing(double alpha) {
        int n = alphas.length;
        double first = 0.5 * (alphas[0] + alphas[1]);
        if (alpha <= first) return alphas[1] - alphas[0];
        for (int i = 1; i < n - 1; i++) {
            double mid = 0.5 * (alphas[i] + alphas[i + 1]), prev = 0.5 * (alphas[i - 1] + alphas[i]);
            if (alpha <= mid) {
                double f = (alpha - prev) / (mid - prev);
                return (1 - f) * (alphas[i] - alphas[i - 1]) + f * (alphas[i + 1] - alphas[i]);
            }
        }
        return alphas[n - 1] - alphas[n - 2];
    }

    /**
     * α* minimising F̂(α) − shellSlope·α over the sampled range, with the weights w_a(α*) left in
     * {@code weights}: a scan of the precomputed rows brackets the minimum, golden section polishes
     * it inside the neighbouring scan intervals; an end of the grid wins when it is lower.
     */
    double argmin(double[] g, double shellSlope, double[] weights) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int j = 0; j < scanAlpha.length; j++) {
            double[] row = scanWeights[j];
            double v = -shellSlope * scanAlpha[j];
            for (int a = 0; a < row.length; a++) v += row[a] * g[a];
            if (v < bestValue) {
                bestValue = v;
                best = j;
            }
        }
        double a = scanAlpha[Math.max(0, best - 1)], b = scanAlpha[Math.min(scanAlpha.length - 1, best + 1)];
        double x1 = b - GOLDEN * (b - a), x2 = a + GOLDEN * (b - a);
        double f1 = value(x1, g, shellSlope, weights), f2 = value(x2, g, shellSlope, weights);
        for (int i = 0; i < POLISH_STEPS; i++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = value(x1, g, shellSlope, weights);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = value(x2, g, shellSlope, weights);
            }
        }
        double star = f1 <= f2 ? x1 : x2, starValue = Math.min(f1, f2);
        if ((best == 0 || best == scanAlpha.length - 1) && bestValue <= starValue) {
            star = scanAlpha[best];
        } else {
            // golden section stops where F̂ is flat to rounding (~1e-8 in α); one parabola through
            // points PARABOLA apart puts α* to ~1e-12, so the gradient's weights are those of the minimum
            double h = PARABOLA * (scanAlpha[1] - scanAlpha[0]);
            double below = value(star - h, g, shellSlope, weights), above = value(star + h, g, shellSlope, weights);
            double curvature = below - 2 * starValue + above, step = -0.5 * h * (above - below) / curvature;
            if (curvature > 0 && Math.abs(step) < h) star += step;
        }
        weights(star, weights);
        return star;
    }

    /** F̂(α) − shellSlope·α, with the weights at α left in {@code scratch}. */
    private double value(double alpha, double[] g, double shellSlope, double[] scratch) {
        weights(alpha, scratch);
        double v = -shellSlope * alpha;
        for (int a = 0; a < g.length; a++) v += scratch[a] * g[a];
        return v;
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
