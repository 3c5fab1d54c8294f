package org.scoredos.estimate;

import java.util.List;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.units.Units;

/**
 * The reference (DescriptorDOS) estimator exactly: minima over the histogram bins, the α
 * polynomial minimised on a grid of {@link #ALPHA_REMESH} points per cell, the error from the
 * S ± δS tables, and as gradient the sampled mean descriptor interpolated at α* (from the
 * nearest cell), which is only an approximation of ∂F/∂θ.
 */
public final class ReferenceEstimator extends IsosurfaceEstimator {
    /** Dense α points per sampled cell (alpha_remesh). */
    public static final int ALPHA_REMESH = 2;

    private final AlphaFit fit;
    private final BinGridConjugate bins, binsPlus, binsMinus;
    private final double[] denseAlpha, denseT;

    ReferenceEstimator(PhaseSummary phase, ErrorModel errorModel, boolean ownBar) {
        super(phase, Mode.REFERENCE, errorModel, ownBar);
        fit = new AlphaFit(cells.alphas, ALPHA_DEGREE);
        List<CellSummary> list = phase.cells();
        int d = cells.d, tables = cells.tables();
        double[][] gridX = new double[tables][], gridS = new double[tables][], gridPlus = new double[tables][],
                gridMinus = new double[tables][];
        for (int a = 0; a < cells.cells; a++) {
            CellSummary cell = list.get(a);
            for (int k = 0; k < d; k++) {
                int t = a * d + k;
                BinnedEntropy binned = new BinnedEntropy(cell, k);
                double shift = cell.scores().shift()[k];
                int nb = binned.centres.length;
                gridX[t] = new double[nb];
                gridS[t] = new double[nb];
                gridPlus[t] = new double[nb];
                gridMinus[t] = new double[nb];
                for (int j = 0; j < nb; j++) {
                    gridX[t][j] = (binned.centres[j] + cells.rotatedMean[t]) - cells.rotatedD0[t];
                    gridS[t][j] = binned.value[j] - shift;
                    gridPlus[t][j] = binned.value[j] - shift + binned.sigma[j];
                    gridMinus[t][j] = binned.value[j] - shift - binned.sigma[j];
                }
            }
        }
        bins = new BinGridConjugate(gridX, gridS);
        binsPlus = new BinGridConjugate(gridX, gridPlus);
        binsMinus = new BinGridConjugate(gridX, gridMinus);
        int dense = ALPHA_REMESH * cells.cells;
        denseAlpha = linspace(cells.alphas[0], cells.alphas[cells.cells - 1], dense);
        denseT = new double[dense];
        for (int l = 0; l < dense; l++) denseT[l] = fit.t(denseAlpha[l]);
    }

    @Override
    public Mode mode() {
        return Mode.REFERENCE;
    }

    @Override
    void transform(double temperature, boolean gradient, boolean error, boolean minimisers, IsosurfaceWorkspace w) {
        double kT = Units.KB * temperature, beta = 1.0 / kT;
        int d = cells.d;
        double[] rotated = w.rotated;
        for (int a = 0; a < cells.cells; a++) {
            double g = 0, gp = 0, gm = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) g += bins.min(t, rotated[t] * beta);
            if (minimisers || frame != null) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    w.ustar[t] = (bins.argmin(t, rotated[t] * beta) - cells.offset[t]) / cells.scale[t];
                }
            }
            if (error) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    double s = rotated[t] * beta;
                    gp += binsPlus.min(t, s);
                    gm += binsMinus.min(t, s);
                }
            }
            w.g[a] = g;
            w.gPlus[a] = gp;
            w.gMinus[a] = gm;
        }
        if (frame != null) frame.correct(w, minimisers);
        fit.fit(w.g, w.coef);
        if (error) {
            fit.fit(w.gPlus, w.coefPlus);
            fit.fit(w.gMinus, w.coefMinus);
        }
        double c0 = cells.shellConstant(beta);
        int best = 0;
        double f = Double.POSITIVE_INFINITY, fPlus = Double.POSITIVE_INFINITY, fMinus = Double.POSITIVE_INFINITY;
        for (int l = 0; l < denseT.length; l++) {
            double g0 = c0 - 1.5 * denseAlpha[l];
            double v = kT * (AlphaFit.horner(w.coef, denseT[l]) + g0);
            if (v < f) {
                f = v;
                best = l;
            }
            if (error) {
                fPlus = Math.min(fPlus, kT * (AlphaFit.horner(w.coefPlus, denseT[l]) + g0));
                fMinus = Math.min(fMinus, kT * (AlphaFit.horner(w.coefMinus, denseT[l]) + g0));
            }
        }
        double alphaStar = denseAlpha[best];
        w.tStar = denseT[best];
        w.freeEnergy = f;
        w.error = error ? 0.5 * (Math.abs(fPlus - f) + Math.abs(fMinus - f)) : Double.NaN;
        w.alphaStar = alphaStar;
        w.solved = best > 1 && best < denseT.length - 1;
        fit.weights(w.tStar, w.weights);
        if (gradient) {
            double[] alphas = cells.alphas;
            double[][] means = cells.means;
            int near = 0;
            for (int a = 1; a < cells.cells; a++) if (Math.abs(alphas[a] - alphaStar) < Math.abs(alphas[near] - alphaStar)) near = a;
            int up = Math.min(near + 1, cells.cells - 1);
            double frac = up == near ? 0 : (alphaStar - alphas[near]) / (alphas[up] - alphas[near]);
            for (int i = 0; i < d; i++) w.gradient[i] = means[near][i] + frac * (means[up][i] - means[near][i]);
        }
    }

    /** numpy.linspace: start + i·step, the last point exactly stop. */
    private static double[] linspace(double start, double stop, int n) {
        double[] x = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) x[i] = start + i * step;
        x[n - 1] = stop;
        return x;
    }
}
