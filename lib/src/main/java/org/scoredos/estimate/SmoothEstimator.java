package org.scoredos.estimate;

import java.util.List;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * The smooth estimator: the fitted polynomial entropies minimised continuously over their
 * sampled range, and βF(α) between the cells (an {@link AlphaProfile}: the reference's quintic
 * over the whole grid in mode SMOOTH, a local quadratic in mode LOCAL) minimised continuously
 * over the sampled α range, so F is smooth in θ and the gradient is its exact derivative (envelope theorem):
 * ∂(θ·D_0 + F)/∂θ = D_0 + Σ_a w_a(α*) R_a (y*_a − y0_a), w_a the profile's weights. The reference
 * error bar is the first-order form of the reference's: k_B T |Σ_a w_a(α*) Σ_k δS_ak(y*_ak)|.
 * Under the calibrated model each cell's βF(α) carries the {@link FrameCorrection}, whose
 * gradient follows x* through d(x*)/dθ̃ = β scale²/S''(u*). In mode INTEGRAL each component's
 * transform is its finite-size integral ({@link FiniteSizeTransform}): its tilted mean ⟨u⟩ stands
 * where u* stands here (gradient, frame term, error bars) and −1/(N Var u) where S''(u*) does.
 */
public final class SmoothEstimator extends IsosurfaceEstimator {
    private final Mode mode;
    private final PolynomialConjugate entropy;
    /** The finite-size transforms of mode INTEGRAL; null in the other modes (the Legendre transforms of {@link #entropy}). */
    private final FiniteSizeTransform finite;
    private final AlphaProfile profile;
    /** Per (a, k): power series of δS² in u (degree 2·deg), flattened with stride bandStride. */
    private final double[] band;
    private final int bandStride;

    /** {@code mode}: SMOOTH (the quintic α profile), LOCAL (the local one) or INTEGRAL (the quintic, finite-size transforms). */
    SmoothEstimator(PhaseSummary phase, Mode mode, ErrorModel errorModel, boolean ownBar) {
        super(phase, mode, errorModel, ownBar);
        this.mode = mode;
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
        finite = mode == Mode.INTEGRAL ? new FiniteSizeTransform(polynomial, lower, upper, phase.reference().atoms()) : null;
        profile = mode == Mode.LOCAL ? new LocalAlphaFit(cells.alphas) : new GlobalAlphaFit(cells.alphas, ALPHA_DEGREE);
    }

    @Override
    public Mode mode() {
        return mode;
    }

    /** The minimisers u*_ak are always set here, so {@code minimisers} needs no extra work. */
    @Override
    void transform(double temperature, boolean gradient, boolean error, boolean minimisers, IsosurfaceWorkspace w) {
        double kT = Units.KB * temperature, beta = 1.0 / kT;
        int d = cells.d;
        double[] offset = cells.offset, scale = cells.scale;
        double[] rotated = w.rotated, ustar = w.ustar, slopes = w.slopes;
        for (int t = 0; t < slopes.length; t++) slopes[t] = rotated[t] * beta * scale[t];
        if (finite == null) entropy.argminAll(slopes, ustar, w.piece);
        else finite.transformAll(slopes, ustar, w.transformed, w.curvature);
        for (int a = 0; a < cells.cells; a++) {
            double g = 0, q = 0;
            if (finite == null) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    double u = ustar[t];
                    g += rotated[t] * beta * offset[t] + slopes[t] * u - entropy.value(t, u);
                }
            } else {
                for (int k = 0, t = a * d; k < d; k++, t++) g += rotated[t] * beta * offset[t] + w.transformed[t];
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
        profile.minimise(w, cells.shellConstant(beta), error);
        w.freeEnergy = kT * w.freeEnergy;
        w.error = error ? kT * w.error : Double.NaN;
        if (gradient) {
            if (frame != null && finite == null) {
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
}
