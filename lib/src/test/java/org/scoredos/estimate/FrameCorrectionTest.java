package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.units.Units;

/**
 * The calibrated model's frame term: zero when the merged covariance is diagonal in the frame,
 * the exact Gaussian −(Nβ/2) θ̃ᵀC̃_offθ̃ for Gaussian components, an exact gradient, and a noise
 * that is the scatter of the term over replicate (Wishart) covariances.
 */
class FrameCorrectionTest {
    /** C̃ = WᵀCW of a cell. */
    private static double[][] framed(CellSummary c) {
        var w = MatrixUtils.createRealMatrix(c.rotation());
        return w.transpose().multiply(MatrixUtils.createRealMatrix(c.covariance())).multiply(w).getData();
    }

    /**
     * The phase with every cell's covariance replaced by W C̃' Wᵀ: C̃' keeps C̃'s diagonal (the
     * histograms' variances) and has off-diagonal ε ρ_kl sqrt(C̃_kk C̃_ll), ρ uniform in [−1, 1]
     * (ε = 0: diagonal in the frame); {@code samples} per cell.
     */
    private static PhaseSummary withFrameCovariance(PhaseSummary phase, double epsilon, long samples, Random rng) {
        List<CellSummary> cells = new ArrayList<>();
        for (CellSummary c : phase.cells()) {
            double[][] f = framed(c);
            int d = f.length;
            double[][] g = new double[d][d];
            for (int k = 0; k < d; k++) {
                g[k][k] = f[k][k];
                for (int l = 0; l < k; l++) {
                    g[k][l] = g[l][k] = epsilon * (2 * rng.nextDouble() - 1) * Math.sqrt(f[k][k] * f[l][l]);
                }
            }
            var w = MatrixUtils.createRealMatrix(c.rotation());
            double[][] cov = w.multiply(MatrixUtils.createRealMatrix(g)).multiply(w.transpose()).getData();
            for (int i = 0; i < d; i++) for (int j = 0; j < i; j++) cov[i][j] = cov[j][i] = 0.5 * (cov[i][j] + cov[j][i]);
            cells.add(new CellSummary(c.tau(), c.alpha(), samples, c.mean(), cov, c.eigenvalues(), c.rotation(), c.binEdges(),
                    c.counts(), c.scores()));
        }
        return new PhaseSummary(phase.name(), phase.reference(), cells, phase.conditioning());
    }

    /**
     * The phase with each component's histogram the expected counts (n = 10⁸) of a Gaussian of
     * variance C̃_kk in 99 bins over ±3.5σ, refitted at order 4.
     */
    private static PhaseSummary gaussianComponents(PhaseSummary phase) {
        List<CellSummary> cells = new ArrayList<>();
        NormalDistribution unit = new NormalDistribution(null, 0, 1);
        int bins = 99;
        for (CellSummary c : phase.cells()) {
            double[][] f = framed(c);
            long[][] counts = new long[c.components()][bins];
            double[][] edges = new double[c.components()][bins + 1];
            for (int k = 0; k < counts.length; k++) {
                double[] e = edges[k];
                double s = Math.sqrt(f[k][k]);
                for (int j = 0; j <= bins; j++) e[j] = s * (-3.5 + 7.0 * j / bins);
                for (int j = 0; j < bins; j++) {
                    counts[k][j] = Math.round(1e8 * (unit.cumulativeProbability(e[j + 1] / s) - unit.cumulativeProbability(e[j] / s)));
                }
            }
            cells.add(new CellSummary(c.tau(), c.alpha(), c.samples(), c.mean(), c.covariance(), c.eigenvalues(), c.rotation(),
                    edges, counts, null));
        }
        PhaseSummary redrawn = new PhaseSummary(phase.name(), phase.reference(), cells, phase.conditioning());
        return new ScoreMatcher(PolynomialBasis.of("chebyshev", 4)).fit(redrawn);
    }

    @Test
    void noTermWhenTheMergedCovarianceIsDiagonalInTheFrame() {
        PhaseSummary phase = withFrameCovariance(IronCampaigns.bcc(), 0, 4096, new Random(1));
        double[] theta = IronCampaigns.thetaRef();
        for (Mode mode : Mode.values()) {
            FreeEnergy calibrated = IsosurfaceEstimator.of(phase, mode, ErrorModel.CALIBRATED).estimate(theta, 1000);
            FreeEnergy reference = IsosurfaceEstimator.of(phase, mode).estimate(theta, 1000);
            assertEquals(reference.freeEnergy(), calibrated.freeEnergy(), 1e-12, mode.name());
            assertEquals(reference.alphaStar(), calibrated.alphaStar(), 1e-9, mode.name());
            for (int i = 0; i < theta.length; i++) {
                assertEquals(reference.gradient()[i], calibrated.gradient()[i], 1e-9 * Math.abs(reference.gradient()[i]), mode + " ∂/∂θ_" + i);
            }
        }
    }

    @Test
    void termIsTheGaussianOneForGaussianComponents() {
        PhaseSummary phase = withFrameCovariance(gaussianComponents(IronCampaigns.bcc()), 0.05, 4096, new Random(2));
        int n = phase.reference().atoms();
        double temperature = 1000, beta = 1 / (Units.KB * temperature);
        // θ small enough that every cell's tilt x* = −Nβ C̃_kk θ̃_k stays within one σ, inside the sampled range
        double[] theta = IronCampaigns.thetaRef();
        double largest = 0;
        for (CellSummary c : phase.cells()) {
            double[][] f = framed(c);
            for (int k = 0; k < f.length; k++) {
                double rotated = 0;
                for (int i = 0; i < theta.length; i++) rotated += c.rotation()[i][k] * theta[i];
                largest = Math.max(largest, n * beta * Math.sqrt(f[k][k]) * Math.abs(rotated));
            }
        }
        for (int i = 0; i < theta.length; i++) theta[i] /= largest;
        IsosurfaceEstimator calibrated = IsosurfaceEstimator.of(phase, Mode.SMOOTH, ErrorModel.CALIBRATED);
        IsosurfaceWorkspace w = calibrated.workspace();
        calibrated.evaluate(theta, temperature, false, false, w);
        double fReference = IsosurfaceEstimator.of(phase, Mode.SMOOTH).estimate(theta, new double[] {temperature}, false)[0].freeEnergy();
        // brute force, in the descriptor's own coordinates: −(Nβ/2) θᵀ (C − W diag(WᵀCW) Wᵀ) θ per cell, weighted at α*
        double[] weights = w.weights.clone();
        double expected = 0;
        for (int a = 0; a < weights.length; a++) {
            CellSummary c = phase.cells().get(a);
            double[][] f = framed(c), r = c.rotation();
            int d = f.length;
            double q = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double diagonal = 0;
                    for (int k = 0; k < d; k++) diagonal += r[i][k] * f[k][k] * r[j][k];
                    q += theta[i] * (c.covariance()[i][j] - diagonal) * theta[j];
                }
            }
            expected += weights[a] * (-n * beta / 2) * q;
        }
        double term = w.freeEnergy() - fReference;
        assertTrue(Math.abs(expected) > 1e-6, "the off-diagonal covariance must matter here: " + expected + " eV/atom");
        // the order-4 fits of the Gaussian histograms reproduce C̃_kk to about a percent
        assertEquals(expected, term, 0.03 * Math.abs(expected), "frame term (eV/atom)");
    }

    @Test
    void gradientStaysExactWithTheTerm() {
        PhaseSummary phase = withFrameCovariance(IronCampaigns.bcc(), 0.05, 4096, new Random(3));
        IsosurfaceEstimator calibrated = IsosurfaceEstimator.of(phase, Mode.SMOOTH, ErrorModel.CALIBRATED);
        IsosurfaceEstimator reference = IsosurfaceEstimator.of(phase, Mode.SMOOTH);
        double[] theta0 = IronCampaigns.thetaRef();
        Random rng = new Random(4);
        for (double temperature : new double[] {800, 1500}) {
            double[] theta = theta0.clone();
            for (int i = 0; i < theta.length; i++) theta[i] *= 1 + 0.02 * rng.nextGaussian();
            double[] gc = calibrated.estimate(theta, temperature).gradient(), gr = reference.estimate(theta, temperature).gradient();
            // the term's own gradient, ∂(F_calibrated − F_reference)/∂θ, against central differences of the term
            double[] exact = new double[theta.length];
            double total = 0;
            for (int i = 0; i < theta.length; i++) {
                exact[i] = gc[i] - gr[i];
                total = Math.max(total, Math.abs(gc[i]));
            }
            double at = temperature;
            double[] fd = CentralDifferences.of(x -> term(calibrated, reference, x, at), theta, 1e-6, 1e-12, 1);
            CentralDifferences.Mismatch mismatch = CentralDifferences.Mismatch.of(fd, exact);
            double worst = mismatch.worst(), scale = mismatch.scale();
            assertTrue(scale > 1e-4 * total, temperature + " K: the term's gradient must be visible, " + scale + " of " + total);
            assertTrue(worst <= 1e-4 * scale, temperature + " K: |FD − exact| = " + worst + " against max " + scale);
        }
    }

    private static double term(IsosurfaceEstimator calibrated, IsosurfaceEstimator reference, double[] theta, double t) {
        return calibrated.estimate(theta, new double[] {t}, false)[0].freeEnergy()
                - reference.estimate(theta, new double[] {t}, false)[0].freeEnergy();
    }

    @Test
    void noiseIsTheScatterOverReplicateCovariances() {
        int samples = 64, replicates = 80;
        PhaseSummary truth = withFrameCovariance(IronCampaigns.bcc(), 0.05, samples, new Random(5));
        IsosurfaceEstimator est = IsosurfaceEstimator.of(truth, Mode.SMOOTH, ErrorModel.CALIBRATED);
        double temperature = 1000, kT = Units.KB * temperature;
        // with the calibrated bar (the noise's products are formed with it), without the order spread beside it
        IsosurfaceWorkspace w = est.workspace(false);
        est.evaluate(IronCampaigns.thetaRef(), temperature, false, true, w);
        double[] weights = w.weights.clone();
        double predicted = est.frame.noise(kT, weights, w);
        // replicate covariances: each cell's from `samples` Gaussian draws of its true covariance, at the same minimisers
        int cells = truth.cells().size(), d = truth.reference().components();
        double[][][] chol = new double[cells][][];
        for (int a = 0; a < cells; a++) {
            chol[a] = new CholeskyDecomposition(MatrixUtils.createRealMatrix(truth.cells().get(a).covariance()), 1e-12, 1e-300)
                    .getL().getData();
        }
        Random rng = new Random(6);
        double sum = 0, sumSq = 0;
        for (int r = 0; r < replicates; r++) {
            List<CellSummary> drawn = new ArrayList<>();
            for (int a = 0; a < cells; a++) {
                double[][] x = new double[samples][d];
                double[] mean = new double[d];
                for (double[] row : x) {
                    double[] z = new double[d];
                    for (int i = 0; i < d; i++) z[i] = rng.nextGaussian();
                    for (int i = 0; i < d; i++) {
                        double s = 0;
                        for (int j = 0; j <= i; j++) s += chol[a][i][j] * z[j];
                        row[i] = s;
                        mean[i] += s / samples;
                    }
                }
                double[][] cov = new double[d][d];
                for (double[] row : x) {
                    for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (samples - 1);
                }
                for (int i = 0; i < d; i++) for (int j = 0; j < i; j++) cov[j][i] = cov[i][j];
                CellSummary c = truth.cells().get(a);
                drawn.add(new CellSummary(c.tau(), c.alpha(), samples, c.mean(), cov, c.eigenvalues(), c.rotation(), c.binEdges(),
                        c.counts(), c.scores()));
            }
            PhaseSummary replicate = new PhaseSummary(truth.name(), truth.reference(), drawn, truth.conditioning());
            java.util.Arrays.fill(w.g, 0);
            new FrameCorrection(replicate, est.cells).correct(w, false);
            double value = 0;
            for (int a = 0; a < cells; a++) value += weights[a] * kT * w.g[a];
            sum += value;
            sumSq += value * value;
        }
        double mean = sum / replicates, scatter = Math.sqrt((sumSq - replicates * mean * mean) / (replicates - 1));
        // 80 replicates give the scatter to ±8 % (1σ)
        assertEquals(1, predicted / scatter, 0.25, "predicted " + predicted + ", scatter " + scatter + " eV/atom");
    }
}
