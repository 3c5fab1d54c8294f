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
    /** Each component's transform: the Legendre transforms of the fitted entropies, or (mode INTEGRAL) the finite-size integrals. */
    private final ComponentTransforms transforms;
    private final AlphaProfile profile;
    /** Per (a, k): power series of δS² in u (degree 2·deg), flattened with stride bandStride. */
    private final double[] band;
    private final int bandStride;
    /** Temperatures of one θ worth laying out side by side; fewer go one by one. */
    static final int MIN_LANES = 4;
    /**
     * (θ, T) of a block of members worth interpolating the transforms over: per table the
     * interpolants cost (degree + 1) root solves per piece, the exact lanes one each.
     */
    static final int MIN_FIT_LANES = 256;

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
        if (mode == Mode.INTEGRAL) {
            transforms = new FiniteSizeTransform(polynomial, lower, upper, phase.reference().atoms());
        } else {
            PolynomialConjugate entropy = new PolynomialConjugate(polynomial, lower, upper);
            transforms = new LegendreTransforms(entropy, LaneKernel.of(entropy, cells, new LaneKernel.TableSeries(band, bandStride), sampling()));
        }
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
        double[] scale = cells.scale, rotated = w.rotated, ustar = w.ustar, slopes = w.slopes;
        for (int t = 0; t < slopes.length; t++) slopes[t] = rotated[t] * beta * scale[t];
        transforms.transform(beta, cells, w);
        for (int a = 0; a < cells.cells; a++) {
            double q = 0;
            if (error) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    q += Math.sqrt(Math.abs(PolynomialConjugate.horner(band, t * bandStride, bandStride, ustar[t])));
                }
            }
            w.gPlus[a] = q;
        }
        join(kT, error, minimisers, w);
        if (gradient) gradient(w);
    }

    /**
     * The cells' βF_a in w.g (band sums in w.gPlus) joined into F, α* and the weights: the frame
     * term (which needs w.ustar), the α profile, and k_BT.
     */
    private void join(double kT, boolean error, boolean minimisers, IsosurfaceWorkspace w) {
        if (frame != null) frame.correct(w, minimisers);
        profile.minimise(w, cells.shellConstant(1.0 / kT), error);
        w.freeEnergy = kT * w.freeEnergy;
        w.error = error ? kT * w.error : Double.NaN;
    }

    /** The exact gradient into w.gradient from w.ustar, w.slopes and the weights of the last {@link #join}. */
    private void gradient(IsosurfaceWorkspace w) {
        int d = cells.d;
        double[] offset = cells.offset, scale = cells.scale, ustar = w.ustar, slopes = w.slopes;
        if (frame != null) transforms.curvatures(w);
        double[] v = w.slopes;
        for (int a = 0; a < cells.cells; a++) {
            double wa = w.weights[a];
            for (int k = 0, t = a * d; k < d; k++, t++) v[t] = wa * (offset[t] + scale[t] * ustar[t]);
        }
        if (frame != null) frame.addGradient(w.weights, w.curvature, w, v);
        backRotate(cells.d0, cells.column, v, w.gradient);
    }

    /**
     * grad = D_0 + Σ_t v_t R[:, t], each component summed one table after another (the order the lane
     * kernels' register tiles keep), four columns per sweep (a quarter of the loads and stores of grad).
     */
    static void backRotate(double[] d0, double[][] column, double[] v, double[] grad) {
        int d = d0.length;
        System.arraycopy(d0, 0, grad, 0, d);
        int t = 0;
        for (; t + 3 < v.length; t += 4) {
            double v0 = v[t], v1 = v[t + 1], v2 = v[t + 2], v3 = v[t + 3];
            double[] r0 = column[t], r1 = column[t + 1], r2 = column[t + 2], r3 = column[t + 3];
            for (int i = 0; i < d; i++) grad[i] = grad[i] + v0 * r0[i] + v1 * r1[i] + v2 * r2[i] + v3 * r3[i];
        }
        for (; t < v.length; t++) {
            double vt = v[t];
            double[] r = column[t];
            for (int i = 0; i < d; i++) grad[i] += vt * r[i];
        }
    }

    /**
     * The θ rotated in {@code w} at several temperatures, laid out side by side for the lane kernel
     * (SIMD where the JVM has the vector module): the transforms and the gradient's back-rotation
     * of all temperatures in one sweep over the tables and the rotations, and (reference model) the
     * α profile of all temperatures at once; under the calibrated model the frame term, the α
     * profile and the bar one temperature at a time. The results are those of one-by-one evaluation, bit
     * for bit. The order spread beside a calibrated bar re-evaluates the θ per temperature, so
     * that case goes one by one.
     */
    @Override
    void evaluateTemperatures(double[] temperatures, boolean gradient, boolean error, IsosurfaceWorkspace w, FreeEnergy[] out) {
        // the lanes hold Legendre transforms: INTEGRAL's finite-size ones go one by one
        if (!lanes(temperatures, w)) super.evaluateTemperatures(temperatures, gradient, error, w, out);
        else evaluateLanes(transforms.lanes(), temperatures, gradient, error, w, out, null);
    }

    /** Whether these temperatures go side by side: enough of them, transforms with a lane kernel, no order spread (it re-evaluates per T). */
    private boolean lanes(double[] temperatures, IsosurfaceWorkspace w) {
        return temperatures.length >= MIN_LANES && w.neighbourSpaces.length == 0 && transforms.lanes() != null;
    }

    /**
     * A block of members: with enough (θ, T), each table's u*(s') is interpolated over the slopes the
     * block reaches ({@link SlopeInterpolants}) and every member's lanes evaluate the interpolants, the
     * tables they do not cover by the exact solve; F and the gradient agree with one-by-one
     * evaluation to ~1e-13 (u* to ~1e-14, or where nothing reads u* to what F needs; F, stationary in
     * u*, to rounding).
     */
    @Override
    void evaluateMembers(double[][] rotated, int count, double[] temperatures, boolean gradient, boolean error, IsosurfaceWorkspace w,
            FreeEnergy[][] out, int first) {
        if (!lanes(temperatures, w) || count * temperatures.length < MIN_FIT_LANES) {
            super.evaluateMembers(rotated, count, temperatures, gradient, error, w, out, first);
            return;
        }
        double[] beta = new double[temperatures.length];
        for (int j = 0; j < beta.length; j++) {
            checkTemperature(temperatures[j]);
            beta[j] = 1.0 / (Units.KB * temperatures[j]);
        }
        // without gradient, error bar or frame term nothing reads u* itself: F, stationary in u*, sets the tolerance
        SlopeInterpolants fit = transforms.interpolants(cells.scale, rotated, count, beta, gradient || error || frame != null, w.fit);
        w.fit = fit;
        for (int i = 0; i < count; i++) {
            System.arraycopy(rotated[i], 0, w.rotated, 0, w.rotated.length);
            evaluateLanes(transforms.lanes(), temperatures, gradient, error, w, out[first + i], fit);
        }
    }

    /** The fitted entropies' Legendre transforms (tests; not in mode INTEGRAL). */
    PolynomialConjugate entropy() {
        return ((LegendreTransforms) transforms).entropy;
    }

    /** The interpolants of a block of members (tests check them against the root solve); {@code minimisers}: u* itself read. */
    SlopeInterpolants interpolants(double[][] rotated, int count, double[] beta, boolean minimisers) {
        return transforms.interpolants(cells.scale, rotated, count, beta, minimisers, null);
    }

    /** The kernel {@link #evaluateTemperatures} runs: SIMD where the JVM has the vector module (null in mode INTEGRAL). */
    LaneKernel kernel() {
        return transforms.lanes();
    }

    /** The plain-Java kernel, which a JVM without the vector module runs (tests; not in mode INTEGRAL). */
    LaneKernel scalarKernel() {
        return new ScalarLanes(entropy(), cells, new LaneKernel.TableSeries(band, bandStride), sampling());
    }

    /** The calibrated bar's per-table sampling variance, null under the reference model. */
    private LaneKernel.TableSeries sampling() {
        return calibrated == null ? null : new LaneKernel.TableSeries(calibrated.sampling, calibrated.stride);
    }

    /** {@link #evaluateTemperatures} with the given kernel (tests compare both kernels), u* from {@code fit} where it covers a table. */
    void evaluateLanes(LaneKernel lane, double[] temperatures, boolean gradient, boolean error, IsosurfaceWorkspace w, FreeEnergy[] out,
            SlopeInterpolants fit) {
        for (double temperature : temperatures) checkTemperature(temperature);
        boolean calibrate = error && calibrated != null;
        TemperatureLanes lanes = w.lanes(temperatures.length, lane.laneMultiple());
        lanes.temperatures(temperatures);
        lane.transforms(w.rotated, lanes, calibrate ? LaneKernel.CellSum.SAMPLING : error ? LaneKernel.CellSum.BAND : LaneKernel.CellSum.NONE, fit);
        if (frame != null) {
            // the frame term needs each lane's own u*, and the gradient its curvatures: one lane at a time
            for (int l = 0; l < lanes.count; l++) out[l] = joinLane(l, temperatures[l], gradient, error, calibrate, lanes, w);
            return;
        }
        joinLanes(temperatures, gradient, error, lanes, w, out);
        if (!gradient) return;
        lanes.backRotation();
        lane.backRotate(lanes);
        for (int l = 0; l < lanes.count; l++) {
            double[] grad = out[l].gradient();
            for (int i = 0; i < grad.length; i++) grad[i] = lanes.gradient[i * lanes.width + l];
        }
    }

    /**
     * Every lane's cells joined at once (no frame term): the α profile of all lanes, w_a(α*) into
     * lanes.weights where the gradient's sweep reads them; the results' gradients, when wanted, are
     * left for the sweep to fill.
     */
    private void joinLanes(double[] temperatures, boolean gradient, boolean error, TemperatureLanes lanes, IsosurfaceWorkspace w, FreeEnergy[] out) {
        AlphaLanes p = lanes.alpha;
        for (int l = 0; l < lanes.width; l++) p.shell[l] = cells.shellConstant(lanes.beta[l]);
        profile.minimiseLanes(lanes, w, error, gradient);
        for (int l = 0; l < lanes.count; l++) {
            double kT = Units.KB * temperatures[l];
            out[l] = new FreeEnergy(temperatures[l], kT * p.freeEnergy[l], error ? kT * p.error[l] : Double.NaN, p.alphaStar[l], p.solved[l],
                    gradient ? new double[cells.parameters] : null, Double.NaN, Double.NaN);
        }
    }

    /** Lane l joined on its own, as one temperature is (the frame term; the calibrated bar when asked). */
    private FreeEnergy joinLane(int l, double temperature, boolean gradient, boolean error, boolean calibrate, TemperatureLanes lanes,
            IsosurfaceWorkspace w) {
        int width = lanes.width;
        for (int a = 0; a < cells.cells; a++) {
            w.g[a] = lanes.g[a * width + l];
            w.gPlus[a] = calibrate ? 0 : lanes.band[a * width + l]; // the calibrated sums are the sampling variances
        }
        double beta = lanes.beta[l];
        for (int t = 0; t < cells.tables(); t++) {
            w.ustar[t] = lanes.ustar[t * width + l];
            w.slopes[t] = w.rotated[t] * beta * cells.scale[t];
        }
        w.temperature = temperature;
        w.hasGradient = gradient;
        join(Units.KB * temperature, error && !calibrate, calibrate, w);
        w.statistical = w.systematic = Double.NaN;
        if (calibrate) calibrated.apply(temperature, w, lanes.band, width, l);
        if (gradient) gradient(w);
        return w.result(gradient);
    }
}
