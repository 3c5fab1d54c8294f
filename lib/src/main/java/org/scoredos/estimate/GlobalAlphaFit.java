package org.scoredos.estimate;

/**
 * The reference's α profile: one polynomial of degree {@link IsosurfaceEstimator#ALPHA_DEGREE}
 * in t (α mapped onto [−1, 1]) fitted by least squares to every cell's βF_a
 * ({@link AlphaFit}), minimised continuously over the sampled α range. α* at either end of the
 * range is unsolved.
 */
final class GlobalAlphaFit implements AlphaProfile {
    /** Intervals of the scan of p′ over t ∈ [−1, 1] that brackets its roots. */
    static final int GRID = 64;
    /** The scan's grid points, as {@link #minimiseOnUnitInterval} computes them. */
    private static final double[] GRID_POINTS = new double[GRID + 1];
    static {
        GRID_POINTS[0] = -1;
        for (int i = 1; i <= GRID; i++) GRID_POINTS[i] = i == GRID ? 1 : -1 + 2.0 * i / GRID;
    }
    private final AlphaFit fit;
    /** The lanes' fit and scan of p′: SIMD where the JVM has the vector module. */
    private final AlphaScan passes;

    GlobalAlphaFit(double[] alphas, int degree) {
        this(alphas, degree, AlphaScan.of());
    }

    /** With the given passes over lanes (tests compare both). */
    GlobalAlphaFit(double[] alphas, int degree, AlphaScan passes) {
        fit = new AlphaFit(alphas, degree);
        this.passes = passes;
    }

    @Override
    public void minimise(IsosurfaceWorkspace w, double shellConstant, boolean error) {
        double[] c = w.coef;
        fit.fit(w.g, c);
        c[0] += shellConstant - SHELL_SLOPE * fit.centre();
        c[1] -= SHELL_SLOPE * fit.halfWidth();
        double tStar = minimiseOnUnitInterval(c, w.slope);
        w.tStar = tStar;
        w.freeEnergy = AlphaFit.horner(c, tStar);
        if (error) fit.fit(w.gPlus, w.coefPlus);
        w.error = error ? Math.abs(AlphaFit.horner(w.coefPlus, tStar)) : Double.NaN;
        w.alphaStar = fit.alpha(tStar);
        w.solved = tStar > -1 && tStar < 1;
        fit.weights(tStar, w.weights);
    }

    /**
     * {@link #minimise} of every lane, the same operations per lane in the same order, so the same bits:
     * the fit, p′ on the scan's grid and the ends side by side over the lanes (the fit and the scan
     * by {@link AlphaScan}: SIMD where the JVM has the vector module), then the safeguarded Newton
     * polish, one lane at a time, of the intervals where p′ turns positive, and the weights only when
     * {@code weights} (the gradient's sweep reads them).
     */
    @Override
    public void minimiseLanes(TemperatureLanes lanes, IsosurfaceWorkspace w, boolean error, boolean weights) {
        AlphaLanes p = lanes.alpha;
        int width = lanes.width, n = fit.degree();
        double[] c = p.coef, dc = p.slope, scan = p.scan, shell = p.shell, best = p.tStar, bestValue = p.freeEnergy;
        passes.fit(fit.pseudoInverse(), lanes.g, width, c);
        double constant = SHELL_SLOPE * fit.centre(), linear = SHELL_SLOPE * fit.halfWidth();
        for (int l = 0; l < width; l++) c[l] += shell[l] - constant;
        for (int l = width; l < 2 * width; l++) c[l] -= linear;
        for (int i = 1; i <= n; i++) {
            for (int l = 0, o = i * width, to = (i - 1) * width; l < width; l++) dc[to + l] = i * c[o + l];
        }
        double[] right = p.scratch;
        hornerLanes(c, n, width, -1, bestValue);
        hornerLanes(c, n, width, 1, right);
        for (int l = 0; l < width; l++) {
            boolean end = right[l] < bestValue[l];
            best[l] = end ? 1 : -1;
            bestValue[l] = end ? right[l] : bestValue[l];
        }
        int changes = passes.scan(dc, n, width, lanes.count, GRID_POINTS, scan, p.changeLane, p.changeInterval);
        p.changes = changes;
        double[] laneSlope = p.laneSlope, laneCoef = p.laneCoef;
        for (int k = 0; k < changes; k++) {
            int l = p.changeLane[k], i = p.changeInterval[k];
            for (int j = 0; j < n; j++) laneSlope[j] = dc[j * width + l];
            for (int j = 0; j <= n; j++) laneCoef[j] = c[j * width + l];
            double t = derivativeRoot(laneSlope, n, GRID_POINTS[i - 1], GRID_POINTS[i], scan[(i - 1) * width + l], scan[i * width + l]);
            double v = AlphaFit.horner(laneCoef, t);
            if (v < bestValue[l]) {
                best[l] = t;
                bestValue[l] = v;
            }
        }
        if (error) {
            double[] cb = p.coefBand;
            passes.fit(fit.pseudoInverse(), lanes.band, width, cb);
            hornerLanes(cb, n, width, best, p.error);
            for (int l = 0; l < width; l++) p.error[l] = Math.abs(p.error[l]);
        }
        for (int l = 0; l < width; l++) {
            p.alphaStar[l] = fit.alpha(best[l]);
            p.solved[l] = best[l] > -1 && best[l] < 1;
        }
        if (weights) fit.weightsLanes(best, width, p.scratch, lanes.weights);
    }

    /** Each lane's polynomial of degree n (c[i·width + l]) at t into out[l]: {@link AlphaFit#horner}'s operations, lanes side by side. */
    private static void hornerLanes(double[] c, int n, int width, double t, double[] out) {
        System.arraycopy(c, n * width, out, 0, width);
        for (int i = n - 1; i >= 0; i--) {
            for (int l = 0, ci = i * width; l < width; l++) out[l] = out[l] * t + c[ci + l];
        }
    }

    /** {@link #hornerLanes(double[], int, int, double, double[])} at each lane's own t[l]. */
    private static void hornerLanes(double[] c, int n, int width, double[] t, double[] out) {
        System.arraycopy(c, n * width, out, 0, width);
        for (int i = n - 1; i >= 0; i--) {
            for (int l = 0, ci = i * width; l < width; l++) out[l] = out[l] * t[l] + c[ci + l];
        }
    }

    /**
     * The minimiser over t ∈ [−1, 1] (the sampled α range) of the polynomial c: the ends and
     * every interior local minimum, located by sign changes of p' on a grid and polished by
     * safeguarded Newton.
     */
    private static double minimiseOnUnitInterval(double[] c, double[] dc) {
        int n = c.length - 1;
        for (int i = 1; i <= n; i++) dc[i - 1] = i * c[i];
        double best = -1, bestValue = AlphaFit.horner(c, -1);
        double right = AlphaFit.horner(c, 1);
        if (right < bestValue) {
            best = 1;
            bestValue = right;
        }
        final int grid = GRID;
        double a = -1, fa = hornerN(dc, n, a);
        for (int i = 1; i <= grid; i++) {
            double b = i == grid ? 1 : -1 + 2.0 * i / grid;
            double fb = hornerN(dc, n, b);
            if (fa < 0 && fb >= 0) {
                double t = derivativeRoot(dc, n, a, b, fa, fb);
                double v = AlphaFit.horner(c, t);
                if (v < bestValue) {
                    best = t;
                    bestValue = v;
                }
            }
            a = b;
            fa = fb;
        }
        return best;
    }

    /** Root of p' (increasing through it) in [a, b], fa < 0 ≤ fb. */
    private static double derivativeRoot(double[] dc, int n, double a, double b, double fa, double fb) {
        if (fb == 0) return b;
        double t = a - fa * (b - a) / (fb - fa);
        for (int it = 0; it < 100; it++) {
            double f = hornerN(dc, n, t);
            if (f == 0) return t;
            if (f < 0) a = t;
            else b = t;
            double fp = 0;
            for (int i = n - 1; i >= 1; i--) fp = fp * t + i * dc[i];
            double next = t - f / fp;
            if (!(fp > 0) || !(next > a && next < b)) next = 0.5 * (a + b);
            double step = Math.abs(next - t);
            t = next;
            if (step <= 1e-15 || b - a <= 1e-15) break;
        }
        return t;
    }

    private static double hornerN(double[] c, int n, double t) {
        double v = c[n - 1];
        for (int i = n - 2; i >= 0; i--) v = v * t + c[i];
        return v;
    }
}
