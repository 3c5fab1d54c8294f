package org.scoredos.estimate;

import java.util.List;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.SandwichCovariance;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * The calibrated error bar of an isosurface estimate ({@link ErrorModel#CALIBRATED}): a
 * statistical part, the sampling covariance of every score fit propagated to F to first order
 * (cells and components independent), and a systematic part, the spread of F over the same
 * phase with its score models refitted at the neighbouring orders p ± 1; the error is their
 * quadrature sum.
 */
final class CalibratedError {
    private final int cells, d;
    private final AlphaFit fit;
    /**
     * Per (a, k): power series in u of Var S_ak(u) − its shift, i.e. gᵀ Σ_c g with
     * g = φ(u) − φ(u_max) and Σ_c the sandwich covariance; flattened with stride {@link #stride}.
     */
    private final double[] sampling;
    private final int stride;
    /** The same phase with its score models refitted at orders p − 1 and p + 1 (those that fit). */
    private final IsosurfaceEstimator[] neighbours;

    CalibratedError(PhaseSummary phase, IsosurfaceCells geometry, AlphaFit fit, IsosurfaceEstimator[] neighbours) {
        this.cells = geometry.cells;
        this.d = geometry.d;
        this.fit = fit;
        this.neighbours = neighbours.clone();
        List<CellSummary> list = phase.cells();
        int atoms = phase.reference().atoms();
        double[][] bands = new double[cells * d][];
        int longest = 0;
        for (int a = 0; a < cells; a++) {
            CellSummary cell = list.get(a);
            ScoreTable scores = cell.scores();
            PolynomialBasis basis = PolynomialBasis.of(scores.basis(), scores.order());
            double[] phiMax = new double[basis.size()];
            for (int k = 0; k < d; k++) {
                BinnedEntropy binned = new BinnedEntropy(cell, k);
                double[][] sandwich = SandwichCovariance.of(basis, binned.centres, cell.counts()[k], atoms, scores.centre()[k],
                        scores.scale()[k], scores.coefficients()[k]);
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

    int neighbours() {
        return neighbours.length;
    }

    /**
     * The calibrated error bar of the evaluation in {@code w} (its minimisers u*_ak and t* set):
     * statistical σ² = (k_B T)² Σ_a w_a(α*)² Σ_k Var[S_ak(y*_ak) − shift_ak] (the minimisers over y
     * and α move F only to second order), systematic = max |F_q − F_p| over the neighbouring
     * orders q = p ± 1.
     */
    void apply(double temperature, IsosurfaceWorkspace w) {
        double kT = Units.KB * temperature;
        fit.weights(w.tStar, w.weights);
        double var = 0;
        for (int a = 0; a < cells; a++) {
            double q = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                q += Math.max(0, PolynomialConjugate.horner(sampling, t * stride, stride, w.ustar[t]));
            }
            var += w.weights[a] * w.weights[a] * q;
        }
        w.statistical = kT * Math.sqrt(var);
        double spread = 0;
        for (int i = 0; i < neighbours.length; i++) {
            if (w.neighbourSpaces[i] == null) w.neighbourSpaces[i] = neighbours[i].workspace();
            IsosurfaceWorkspace nw = w.neighbourSpaces[i];
            System.arraycopy(w.rotated, 0, nw.rotated, 0, w.rotated.length);
            neighbours[i].evaluateRotated(temperature, false, false, nw);
            spread = Math.max(spread, Math.abs(nw.freeEnergy - w.freeEnergy));
        }
        w.systematic = spread;
        w.error = Math.hypot(w.statistical, w.systematic);
    }
}
