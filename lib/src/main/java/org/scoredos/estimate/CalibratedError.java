package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.SandwichCovariance;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * The calibrated error bar of an isosurface estimate ({@link ErrorModel#CALIBRATED}): a
 * statistical part, the sampling covariance of every score fit propagated to F to first order
 * (cells and components independent) in quadrature with the sampling noise of the
 * {@link FrameCorrection} that the calibrated F carries; and a systematic part, half the range
 * of F over the score orders p − 1, p and p + 1 (the phase refitted at the neighbouring orders,
 * frame-corrected too), reported beside the bar and not added to it: with the frame term in F,
 * the bar is the statistical part (lib/docs/accuracy.md has the measurements: the order range
 * added in quadrature made the bar 6–22 times the error of order 4 on the tungsten cases).
 *
 * <p>Why half the range: the three orders are equally admissible fits of the same histograms, so
 * F is known only to within their envelope, and p is not privileged inside it; the largest
 * distance from F_p (the former rule) counts the whole envelope whenever p sits at one end of it,
 * which on the tungsten accuracy cases is always (orders come in pairs, 3–4, 5–6, 7–8, so F_3 ≈ F_4
 * and the bar was |F_5 − F_4|). lib/docs/accuracy.md, "Calibrated error bars", has the measurements.
 *
 * <p>The neighbouring orders are refitted from the stored histograms on the first calibrated
 * evaluation, not when the phase is loaded: transitions and fine-tuning that never ask for an
 * error bar do not pay for them.
 */
final class CalibratedError {
    /** Workspaces per evaluation for the neighbouring orders, p − 1 and p + 1. */
    static final int NEIGHBOURS = 2;

    private final PhaseSummary phase;
    private final IsosurfaceEstimator.Mode mode;
    private final int cells, d;
    private final FrameCorrection frame;
    /**
     * Per (a, k): power series in u of Var S_ak(u) − its shift, i.e. gᵀ Σ_c g with
     * g = φ(u) − φ(u_max) and Σ_c the sandwich covariance; flattened with stride {@link #stride}.
     */
    final double[] sampling;
    final int stride;
    /**
     * Per (a, k): the sandwich covariance Σ_c of the score fit's coefficients and the bin u_max of the
     * entropy's maximum; per cell its basis. Kept for {@link #differenceError} (two estimates'
     * difference needs gᵀΣ_c g' of two minimisers, which the power series of one cannot give); the
     * per-evaluation bar never reads them.
     */
    private final double[][][] covariances;
    private final double[] uMax;
    private final PolynomialBasis[] bases;
    /** The phase refitted at orders p − 1 and p + 1 (those that fit), made on first use. */
    private volatile IsosurfaceEstimator[] neighbours;

    CalibratedError(PhaseSummary phase, IsosurfaceEstimator.Mode mode, IsosurfaceCells geometry, FrameCorrection frame) {
        this.phase = phase;
        this.frame = frame;
        this.mode = mode;
        this.cells = geometry.cells;
        this.d = geometry.d;
        List<CellSummary> list = phase.cells();
        int atoms = phase.reference().atoms();
        double[][] bands = new double[cells * d][];
        covariances = new double[cells * d][][];
        uMax = new double[cells * d];
        bases = new PolynomialBasis[cells];
        int longest = 0;
        for (int a = 0; a < cells; a++) {
            CellSummary cell = list.get(a);
            ScoreTable scores = cell.scores();
            PolynomialBasis basis = PolynomialBasis.of(scores.basis(), scores.order());
            bases[a] = basis;
            double[] phiMax = new double[basis.size()];
            for (int k = 0; k < d; k++) {
                BinnedEntropy binned = new BinnedEntropy(cell, k);
                double[][] sandwich = SandwichCovariance.of(basis, binned.centres, cell.counts()[k], atoms, scores.centre()[k],
                        scores.scale()[k], scores.coefficients()[k]);
                covariances[a * d + k] = sandwich;
                uMax[a * d + k] = binned.uMax;
                double[] band = shiftedVariance(basis, sandwich, binned.uMax, phiMax);
                bands[a * d + k] = band;
                longest = Math.max(longest, band.length);
            }
        }
        stride = longest;
        sampling = new double[bands.length * stride];
        for (int t = 0; t < bands.length; t++) System.arraycopy(bands[t], 0, sampling, t * stride, bands[t].length);
    }

    /**
     * The phase refitted at the neighbouring orders, once (an order that cannot be fitted, outside
     * the basis's range or refused as ill-conditioned, is left out of the range).
     */
    private IsosurfaceEstimator[] neighbours() {
        IsosurfaceEstimator[] near = neighbours;
        if (near != null) return near;
        synchronized (this) {
            if (neighbours == null) {
                ScoreTable stored = phase.cells().get(0).scores();
                List<IsosurfaceEstimator> fitted = new ArrayList<>(NEIGHBOURS);
                for (int order : new int[] {stored.order() - 1, stored.order() + 1}) {
                    try {
                        PhaseSummary refit = new ScoreMatcher(PolynomialBasis.of(stored.basis(), order)).fit(phase);
                        fitted.add(IsosurfaceEstimator.neighbour(refit, mode));
                    } catch (BadInputException e) {
                        // this order is outside the basis or too ill-conditioned for the histograms: no range from it
                    }
                }
                neighbours = fitted.toArray(new IsosurfaceEstimator[0]);
            }
            return neighbours;
        }
    }

    /**
     * Power series in u of gᵀ Σ g, g = φ(u) − φ(u_max): the variance of S(u) − S(u_max), the
     * entropy after the shift that puts its maximum (at the bin u_max) to 0.
     */
    private static double[] shiftedVariance(PolynomialBasis basis, double[][] cov, double uMax, double[] phiMax) {
        int m = basis.size();
        basis.evaluate(uMax, phiMax, null, null);
        double[] crossWeights = new double[m];
        double constant = 0;
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) crossWeights[i] -= 2 * cov[i][l] * phiMax[l];
            constant -= 0.5 * crossWeights[i] * phiMax[i];
        }
        double[] out = basis.quadraticForm(cov);
        double[] cross = basis.powerSeries(crossWeights);
        for (int i = 0; i < cross.length; i++) out[i] += cross[i];
        out[0] += constant;
        return out;
    }

    /**
     * The calibrated error bar of the evaluation in {@code w} (its minimisers u*_ak and the α-fit
     * weights w_a(α*) set by the estimator):
     * statistical σ² = (k_B T)² Σ_a w_a(α*)² Σ_k Var[S_ak(y*_ak) − shift_ak] (the minimisers over y
     * and α move F only to second order) + the frame term's noise², systematic = half the range of
     * F over the orders p − 1, p and p + 1 (NaN, not computed, in a workspace made without the order
     * spread); the error bar is the statistical part.
     */
    void apply(double temperature, IsosurfaceWorkspace w) {
        double var = 0;
        for (int a = 0; a < cells; a++) {
            double q = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                q += Math.max(0, PolynomialConjugate.horner(sampling, t * stride, stride, w.ustar[t]));
            }
            var += w.weights[a] * w.weights[a] * q;
        }
        apply(temperature, var, w);
    }

    /**
     * {@link #apply(double, IsosurfaceWorkspace)} with each cell's Σ_k Var[S_ak] already summed by a
     * {@link LaneKernel}: {@code sums[a · width + lane]}.
     */
    void apply(double temperature, IsosurfaceWorkspace w, double[] sums, int width, int lane) {
        double var = 0;
        for (int a = 0; a < cells; a++) var += w.weights[a] * w.weights[a] * sums[a * width + lane];
        apply(temperature, var, w);
    }

    private void apply(double temperature, double var, IsosurfaceWorkspace w) {
        double kT = Units.KB * temperature;
        w.statistical = Math.hypot(kT * Math.sqrt(var), frame.noise(kT, w.weights, w));
        w.error = w.statistical;
        w.systematic = w.neighbourSpaces.length == 0 ? Double.NaN : orderSpread(temperature, w);
    }

    /**
     * The statistical error of F_a − F_b, two evaluations of this phase at one temperature (their
     * workspaces {@code a} and {@code b}, evaluated with the error bar): both come from the same score
     * fits and frames, so the fits' errors enter through q = w_a(α*_a) g(u*_a) − w_b(α*_b) g(u*_b)
     * per (cell, component), σ² = (k_B T)² Σ qᵀ Σ_c q, and the frame term's through the difference of
     * its M matrices ({@link FrameCorrection#differenceNoise}); 0 when a and b are the same θ.
     */
    double differenceError(double temperature, IsosurfaceWorkspace a, IsosurfaceWorkspace b) {
        double kT = Units.KB * temperature;
        return Math.hypot(kT * Math.sqrt(samplingDifference(a, b)), frame.differenceNoise(kT, a, b));
    }

    /** Σ_(cell, component) qᵀ Σ_c q of {@link #differenceError}, (1/k_B T)² eV²/atom². */
    double samplingDifference(IsosurfaceWorkspace a, IsosurfaceWorkspace b) {
        double var = 0;
        for (int c = 0; c < cells; c++) {
            PolynomialBasis basis = bases[c];
            int m = basis.size();
            double[] phiA = new double[m], phiB = new double[m], phiMax = new double[m], q = new double[m];
            for (int k = 0, t = c * d; k < d; k++, t++) {
                basis.evaluate(uMax[t], phiMax, null, null);
                basis.evaluate(a.ustar[t], phiA, null, null);
                basis.evaluate(b.ustar[t], phiB, null, null);
                for (int i = 0; i < m; i++) q[i] = a.weights[c] * (phiA[i] - phiMax[i]) - b.weights[c] * (phiB[i] - phiMax[i]);
                var += Math.max(0, Vectors.quadratic(covariances[t], q));
            }
        }
        return var;
    }

    /** Half the range of F over the orders p − 1, p and p + 1, the θ rotated in {@code w} at T. */
    private double orderSpread(double temperature, IsosurfaceWorkspace w) {
        IsosurfaceEstimator[] near = neighbours();
        double lowest = w.freeEnergy, highest = w.freeEnergy;
        for (int i = 0; i < near.length; i++) {
            if (w.neighbourSpaces[i] == null) w.neighbourSpaces[i] = near[i].workspace();
            IsosurfaceWorkspace nw = w.neighbourSpaces[i];
            System.arraycopy(w.rotated, 0, nw.rotated, 0, w.rotated.length);
            near[i].evaluateRotated(temperature, false, false, nw);
            lowest = Math.min(lowest, nw.freeEnergy);
            highest = Math.max(highest, nw.freeEnergy);
        }
        return 0.5 * (highest - lowest);
    }
}
