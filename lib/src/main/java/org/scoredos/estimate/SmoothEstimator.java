package org.scoredos.estimate;

import java.util.List;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * The smooth estimator: the fitted polynomial entropies minimised continuously over their
 * sampled range and the α polynomial minimised continuously over the sampled α range, so F is
 * smooth in θ and the gradient is its exact derivative (envelope theorem):
 * ∂(θ·D_0 + F)/∂θ = D_0 + Σ_a w_a(α*) R_a (y*_a − y0_a), w_a the α-fit weights. The reference
 * error bar is the first-order form of the reference's: k_B T |Σ_a w_a(α*) Σ_k δS_ak(y*_ak)|.
 * Under the calibrated model each cell's βF(α) carries the {@link FrameCorrection}, whose
 * gradient follows x* through d(x*)/dθ̃ = β scale²/S''(u*).
 */
public final class SmoothEstimator extends IsosurfaceEstimator {
    private final PolynomialConjugate entropy;
    /** Per (a, k): power series of δS² in u (degree 2·deg), flattened with stride bandStride. */
    private final double[] band;
    private final int bandStride;

    SmoothEstimator(PhaseSummary phase, ErrorModel errorModel, boolean ownBar) {
        super(phase, Mode.SMOOTH, errorModel, ownBar);
        List<CellSummary> list = phase.cells();
        int d = cells.d, tables = cells.tables();
        double[][] polynomial = new double[tables][], bands = new double[tables][];
        double[] lower = new double[tables], upper = new double[tables];
        for (int a = 0; a < cells.cells; a++) {
            CellSummary cell = list.get(a);
            ScoreTable scores = cell.scores();
            PolynomialBasis basis = PolynomialBasis.of(scores.basis(), scores.order());
            for (int k = 0; k < d; k++) {
                int t = a * d + k;
                double centre = scores.centre()[k], s = scores.scale()[k];
                double[] edges = cell.binEdges()[k];
                int nb = edges.length - 1;
                polynomial[t] = basis.powerSeries(scores.coefficients()[k]);
                polynomial[t][0] -= scores.shift()[k];
                lower[t] = (0.5 * (edges[0] + edges[1]) - centre) / s;
                upper[t] = (0.5 * (edges[nb - 1] + edges[nb]) - centre) / s;
                bands[t] = basis.quadraticForm(scores.covariance()[k]);
            }
        }
        int stride = 0;
        for (double[] b : bands) stride = Math.max(stride, b.length);
        bandStride = stride;
        band = new double[tables * stride];
        for (int t = 0; t < tables; t++) System.arraycopy(bands[t], 0, band, t * stride, bands[t].length);
        entropy = new PolynomialConjugate(polynomial, lower, upper);
    }

    @Override
    public Mode mode() {
        return Mode.SMOOTH;
    }

    /** The minimisers u*_ak are always set here, so {@code minimisers} needs no extra work. */
    @Override
    void transform(double temperature, boolean gradient, boolean error, boolean minimisers, IsosurfaceWorkspace w) {
        double kT = Units.KB * temperature, beta = 1.0 / kT;
        int d = cells.d;
        double[] offset = cells.offset, scale = cells.scale;
        double[] rotated = w.rotated, ustar = w.ustar, slopes = w.slopes;
        for (int t = 0; t < slopes.length; t++) slopes[t] = rotated[t] * beta * scale[t];
        entropy.argminAll(slopes, ustar, w.piece);
        for (int a = 0; a < cells.cells; a++) {
            double g = 0, q = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double u = ustar[t];
                g += rotated[t] * beta * offset[t] + slopes[t] * u - entropy.value(t, u);
            }
            if (error) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    q += Math.sqrt(Math.abs(PolynomialConjugate.horner(band, t * bandStride, bandStride, ustar[t])));
                }
            }
            w.g[a] = g;
            w.gPlus[a] = q;
        }
        if (frame != null) frame.correct(w, minimisers);
        double[] c = w.coef;
        fit.fit(w.g, c);
        double c0 = cells.shellConstant(beta);
        c[0] += c0 - 1.5 * fit.centre();
        c[1] -= 1.5 * fit.halfWidth();
        double tStar = minimiseOnUnitInterval(c, w.slope);
        w.tStar = tStar;
        w.freeEnergy = kT * AlphaFit.horner(c, tStar);
        if (error) fit.fit(w.gPlus, w.coefPlus);
        w.error = error ? kT * Math.abs(AlphaFit.horner(w.coefPlus, tStar)) : Double.NaN;
        w.alphaStar = fit.alpha(tStar);
        w.solved = tStar > -1 && tStar < 1;
        if (gradient) {
            fit.weights(tStar, w.weights);
            if (frame != null) {
                for (int t = 0; t < slopes.length; t++) w.curvature[t] = entropy.interiorCurvature(t, ustar[t], slopes[t]);
            }
            double[] grad = w.gradient, v = w.slopes;
            for (int a = 0; a < cells.cells; a++) {
                double wa = w.weights[a];
                for (int k = 0, t = a * d; k < d; k++, t++) v[t] = wa * (offset[t] + scale[t] * ustar[t]);
            }
            if (frame != null) frame.addGradient(w.weights, w.curvature, w, v);
            System.arraycopy(cells.d0, 0, grad, 0, d);
            // four columns per sweep: a quarter of the loads and stores of grad
            double[][] column = cells.column;
            int t = 0;
            for (; t + 3 < v.length; t += 4) {
                double v0 = v[t], v1 = v[t + 1], v2 = v[t + 2], v3 = v[t + 3];
                double[] r0 = column[t], r1 = column[t + 1], r2 = column[t + 2], r3 = column[t + 3];
                for (int i = 0; i < d; i++) grad[i] += v0 * r0[i] + v1 * r1[i] + v2 * r2[i] + v3 * r3[i];
            }
            for (; t < v.length; t++) {
                double vt = v[t];
                double[] r = column[t];
                for (int i = 0; i < d; i++) grad[i] += vt * r[i];
            }
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
