package org.scoredos.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.ScoreTable;

class ScoreMatcherTest {

    /** One cell, one component: a Gaussian histogram of variance v over ±5σ. */
    private static CellSummary gaussianCell(double v, double mu, int bins, long samples) {
        double sd = Math.sqrt(v);
        double[] edges = new double[bins + 1];
        long[] counts = new long[bins];
        for (int j = 0; j <= bins; j++) edges[j] = mu - 5 * sd + 10 * sd * j / bins;
        for (int j = 0; j < bins; j++) {
            double x = 0.5 * (edges[j] + edges[j + 1]);
            counts[j] = Math.round(samples * (10 * sd / bins) * Math.exp(-(x - mu) * (x - mu) / (2 * v)) / Math.sqrt(2 * Math.PI * v));
        }
        return new CellSummary(1, 0, samples, new double[] {0}, new double[][] {{v}}, new double[] {v},
                new double[][] {{1}}, new double[][] {edges}, new long[][] {counts}, null);
    }

    @Test
    void gaussianHistogramGivesTheQuadraticLargeDeviationEntropy() {
        // p(x) ∝ exp(N S(x)) with S = −(x − μ)²/(2 N v): in u = (x − x̄)/s, S = −s² u² / (2 N v)
        int atoms = 128;
        double v = 2.5e-3, mu = 0.4;
        CellSummary cell = gaussianCell(v, mu, 99, 100_000_000L);
        ScoreTable t = new ScoreMatcher(PolynomialBasis.of("monomial", 2)).fit(cell, atoms);
        double s = t.scale()[0];
        assertEquals(mu, t.centre()[0], 1e-12);
        double expected = -s * s / (2 * atoms * v);
        assertEquals(expected, t.coefficients()[0][1], 1e-2 * Math.abs(expected));
        assertEquals(0, t.coefficients()[0][0], 1e-3 * Math.abs(expected));
        // S peaks at the central bin (u = 0), where the shift puts it at 0
        assertEquals(0, t.shift()[0], 1e-12);
    }

    @Test
    void moreSamplesShrinkTheCoefficientCovariance() {
        ScoreMatcher fit = new ScoreMatcher(PolynomialBasis.of("chebyshev", 5));
        CellSummary cell = gaussianCell(1e-2, 0, 60, 2_000);
        long[][] hundredfold = {cell.counts()[0].clone()};
        for (int j = 0; j < hundredfold[0].length; j++) hundredfold[0][j] *= 100;
        ScoreTable few = fit.fit(cell, 54);
        ScoreTable many = fit.fit(new CellSummary(1, 0, 200_000, cell.mean(), cell.covariance(), cell.eigenvalues(),
                cell.rotation(), cell.binEdges(), hundredfold, null), 54);
        // the same histogram shape: the same coefficients, a hundredth of the covariance
        assertEquals(few.coefficients()[0][0], many.coefficients()[0][0], 1e-12 * Math.abs(few.coefficients()[0][0]));
        for (int i = 0; i < 4; i++) {
            // both variance terms scale as 1/(counted samples); the reference's Σ_A term can make them negative
            assertEquals(100, few.covariance()[0][i][i] / many.covariance()[0][i][i], 1e-9);
        }
        assertEquals("chebyshev", few.basis());
        assertEquals(5, few.order());
        assertEquals(List.of(4), List.of(few.coefficients()[0].length));
    }
}
