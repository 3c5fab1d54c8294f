package org.scoredos.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.ScoreTable;

/** The sandwich covariance of score fits against the scatter of fits over independent synthetic histograms. */
class SandwichCovarianceTest {
    private static final int BINS = 99, ATOMS = 16, SAMPLES = 4000, REPEATS = 400;

    /** A one-component cell holding the histogram of SAMPLES draws from exp(N S(x)), S = −x²/2 − x⁴/20, N = 16 atoms. */
    private static CellSummary draw(double[] edges, double[] cumulative, SplittableRandom rng) {
        long[] counts = new long[BINS];
        for (int s = 0; s < SAMPLES; s++) {
            double u = rng.nextDouble();
            int lo = 0, hi = BINS - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) lo = mid + 1;
                else hi = mid;
            }
            counts[lo]++;
        }
        return new CellSummary(1, 0, SAMPLES, new double[] {0}, new double[][] {{1}}, new double[] {1}, new double[][] {{1}},
                new double[][] {edges}, new long[][] {counts}, null);
    }

    @Test
    void sandwichMatchesTheScatterOfFitsOverIndependentHistograms() {
        double[] edges = new double[BINS + 1], centres = new double[BINS], cumulative = new double[BINS];
        double half = 0.6, total = 0;
        for (int j = 0; j <= BINS; j++) edges[j] = -half + 2 * half * j / BINS;
        for (int j = 0; j < BINS; j++) {
            double x = 0.5 * (edges[j] + edges[j + 1]);
            centres[j] = x;
            total += Math.exp(ATOMS * (-0.5 * x * x * 10 - 5 * x * x * x * x));
            cumulative[j] = total;
        }
        for (int j = 0; j < BINS; j++) cumulative[j] /= total;
        PolynomialBasis basis = PolynomialBasis.of("chebyshev", 5);
        ScoreMatcher matcher = new ScoreMatcher(basis);
        int m = basis.size();
        SplittableRandom rng = new SplittableRandom(7);
        // functionals of the fit the estimator uses: S at two points relative to S at the centre
        double[][] probes = new double[2][m];
        double[] phi0 = new double[m];
        basis.evaluate(0, phi0, null, null);
        basis.evaluate(1.2, probes[0], null, null);
        basis.evaluate(-1.5, probes[1], null, null);
        for (double[] p : probes) for (int i = 0; i < m; i++) p[i] -= phi0[i];
        double[] sum = new double[2], sumSq = new double[2], predicted = new double[2];
        double[] coefSum = new double[m], coefSq = new double[m], coefPredicted = new double[m];
        double referenceVariance = 0;
        for (int r = 0; r < REPEATS; r++) {
            CellSummary cell = draw(edges, cumulative, rng);
            ScoreTable fit = matcher.fit(cell, ATOMS);
            double[] c = fit.coefficients()[0];
            double[][] cov = SandwichCovariance.of(basis, centres, cell.counts()[0], ATOMS, fit.centre()[0], fit.scale()[0], c);
            for (int i = 0; i < m; i++) {
                coefSum[i] += c[i];
                coefSq[i] += c[i] * c[i];
                coefPredicted[i] += cov[i][i] / REPEATS;
            }
            for (int p = 0; p < 2; p++) {
                double v = 0, var = 0;
                for (int i = 0; i < m; i++) {
                    v += probes[p][i] * c[i];
                    for (int l = 0; l < m; l++) var += probes[p][i] * cov[i][l] * probes[p][l];
                }
                sum[p] += v;
                sumSq[p] += v * v;
                predicted[p] += var / REPEATS;
                if (p == 0) {
                    double ref = 0;
                    for (int i = 0; i < m; i++) for (int l = 0; l < m; l++) ref += probes[0][i] * fit.covariance()[0][i][l] * probes[0][l];
                    referenceVariance += ref / REPEATS;
                }
            }
        }
        // 400 repeats: the empirical variance is known to ±7 % (1σ); allow 25 %
        for (int p = 0; p < 2; p++) {
            double mean = sum[p] / REPEATS, empirical = (sumSq[p] - REPEATS * mean * mean) / (REPEATS - 1);
            assertEquals(1.0, predicted[p] / empirical, 0.25, "probe " + p + ": predicted " + predicted[p] + ", scatter " + empirical);
        }
        for (int i = 0; i < m; i++) {
            double mean = coefSum[i] / REPEATS, empirical = (coefSq[i] - REPEATS * mean * mean) / (REPEATS - 1);
            assertEquals(1.0, coefPredicted[i] / empirical, 0.25, "coefficient " + i);
        }
        double mean = sum[0] / REPEATS, empirical = (sumSq[0] - REPEATS * mean * mean) / (REPEATS - 1);
        // the reference's covariance (A and b errors independent) is several times the real scatter
        assertTrue(referenceVariance > 3 * empirical, "reference " + referenceVariance + " vs scatter " + empirical);
    }
}
