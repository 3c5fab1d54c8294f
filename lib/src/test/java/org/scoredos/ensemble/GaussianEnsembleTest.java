package org.scoredos.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

/** Gaussian ensembles: the draws have the mean and covariance asked for, and member m does not depend on the ensemble. */
class GaussianEnsembleTest {
    private static final double[] MU = {1.0, -2.0, 0.5};
    /** A correlated, positive-definite covariance. */
    private static final double[][] SIGMA = {{0.04, 0.01, -0.006}, {0.01, 0.09, 0.0}, {-0.006, 0.0, 0.0025}};

    @Test
    void sampleMomentsMatchTheMeanAndCovariance() {
        int n = 40_000;
        GaussianEnsemble g = GaussianEnsemble.of(MU, SIGMA, "sigma.csv", n, 7);
        double[] sum = new double[3];
        double[][] cross = new double[3][3];
        double[] x = new double[3];
        for (int m = 0; m < n; m++) {
            g.theta(m, x);
            for (int i = 0; i < 3; i++) {
                sum[i] += x[i];
                for (int j = 0; j < 3; j++) cross[i][j] += (x[i] - MU[i]) * (x[j] - MU[j]);
            }
        }
        for (int i = 0; i < 3; i++) {
            // standard error of the mean sqrt(Σ_ii/n); of a covariance entry about sqrt((Σ_ii Σ_jj + Σ_ij²)/n)
            assertEquals(MU[i], sum[i] / n, 5 * Math.sqrt(SIGMA[i][i] / n));
            for (int j = 0; j < 3; j++) {
                double se = Math.sqrt((SIGMA[i][i] * SIGMA[j][j] + SIGMA[i][j] * SIGMA[i][j]) / n);
                assertEquals(SIGMA[i][j], cross[i][j] / n, 5 * se, "Σ_" + i + j);
            }
        }
    }

    @Test
    void memberMIsThePureFunctionOfTheSeedAndM() {
        double[] a = new double[3], b = new double[3];
        GaussianEnsemble.of(MU, SIGMA, "s", 10, 3).theta(7, a);
        GaussianEnsemble.of(MU, SIGMA, "s", 1000, 3).theta(7, b);
        assertArrayEquals(a, b, 0.0);
        GaussianEnsemble.of(MU, SIGMA, "s", 1000, 4).theta(7, b);
        assertTrue(a[0] != b[0]);
        double[][] rows = GaussianEnsemble.of(MU, SIGMA, "s", 10, 3).rows(6, 8);
        assertArrayEquals(a, rows[1], 0.0);
    }

    @Test
    void relativeSpreadScalesEachComponentByItsMagnitude() {
        GaussianEnsemble g = GaussianEnsemble.relative(MU, 0.01, 20_000, 1);
        double[] x = new double[3], sq = new double[3];
        for (int m = 0; m < g.size(); m++) {
            g.theta(m, x);
            for (int i = 0; i < 3; i++) sq[i] += (x[i] - MU[i]) * (x[i] - MU[i]);
        }
        for (int i = 0; i < 3; i++) assertEquals(0.01 * Math.abs(MU[i]), Math.sqrt(sq[i] / g.size()), 0.03 * 0.01 * Math.abs(MU[i]));
    }

    @Test
    void aSingularCovarianceDrawsInItsSubspace() {
        // rank 1: every draw lies on μ + t·(1, 1, 0)
        double[][] flat = {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}};
        GaussianEnsemble g = GaussianEnsemble.of(MU, flat, "flat", 100, 2);
        double[] x = new double[3];
        for (int m = 0; m < 100; m++) {
            g.theta(m, x);
            assertEquals(x[0] - MU[0], x[1] - MU[1], 1e-12);
            assertEquals(MU[2], x[2], 1e-12);
        }
    }

    @Test
    void aCovarianceThatIsNoneIsRefused() {
        double[][] asymmetric = {{1, 0.5, 0}, {0.4, 1, 0}, {0, 0, 1}};
        assertTrue(assertThrows(BadInputException.class, () -> GaussianEnsemble.of(MU, asymmetric, "c.csv", 5, 1)).getMessage()
                .startsWith("c.csv: not symmetric: entry (2, 1)"));
        double[][] indefinite = {{1, 2, 0}, {2, 1, 0}, {0, 0, 1}};
        assertTrue(assertThrows(BadInputException.class, () -> GaussianEnsemble.of(MU, indefinite, "c.csv", 5, 1)).getMessage()
                .startsWith("c.csv: not positive semi-definite"));
        assertTrue(assertThrows(BadInputException.class, () -> GaussianEnsemble.of(MU, new double[][] {{1}}, "c.csv", 5, 1)).getMessage()
                .contains("3 × 3"));
        assertThrows(BadInputException.class, () -> GaussianEnsemble.relative(MU, -0.1, 5, 1));
        assertThrows(BadInputException.class, () -> GaussianEnsemble.relative(MU, 0.1, 0, 1));
    }
}
