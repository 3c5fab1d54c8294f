package org.scoredos.estimate;

/**
 * The reference's α profile: one polynomial of degree {@link IsosurfaceEstimator#ALPHA_DEGREE}
 * in t (α mapped onto [−1, 1]) fitted by least squares to every cell's βF_a
 * ({@link AlphaFit}), minimised continuously over the sampled α range. α* at either end of the
 * range is unsolved.
 */
final class GlobalAlphaFit implements AlphaProfile {
    private final AlphaFit fit;

    GlobalAlphaFit(double[] alphas, int degree) {
        fit = new AlphaFit(alphas, degree);
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
        final int grid = 64;
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
