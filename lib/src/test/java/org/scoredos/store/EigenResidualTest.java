package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.summary.CellSummary;

class EigenResidualTest {

    @Test
    void ironCovariancesComeBackBitForBitFromSmallResiduals() throws IOException {
        CellSummary c = StoreFixtures.firstCells(StoreFixtures.bcc(), 1).cells().get(0);
        long[] r = EigenResidual.encode(c.covariance(), c.rotation(), c.eigenvalues());
        assertEquals(55 * 56 / 2, r.length);
        long largest = 0;
        for (long x : r) largest = Math.max(largest, Math.abs(x));
        // numpy's eigh reproduces the covariance to a few thousand ulps at worst: ~12-bit residuals
        assertTrue(largest < 1L << 30, "largest residual " + largest);
        assertBitwise(c.covariance(), EigenResidual.decode(r, c.rotation(), c.eigenvalues()));
    }

    @Test
    void anyMatrixSurvivesEvenWithAnUnrelatedDecomposition() {
        SplittableRandom random = new SplittableRandom(5);
        int d = 7;
        double[][] c = new double[d][d], rotation = new double[d][d];
        double[] eigenvalues = new double[d];
        for (int i = 0; i < d; i++) {
            eigenvalues[i] = random.nextGaussian();
            for (int j = 0; j < d; j++) {
                c[i][j] = random.nextGaussian() * 1e3;
                rotation[i][j] = random.nextGaussian();
            }
        }
        c[2][3] = Double.NaN;
        c[4][1] = -0.0;
        c[5][5] = Double.POSITIVE_INFINITY;
        long[] r = EigenResidual.encode(c, rotation, eigenvalues);
        assertEquals(d * d, r.length, "an asymmetric matrix keeps all its entries");
        assertBitwise(c, EigenResidual.decode(r, rotation, eigenvalues));
    }

    private static void assertBitwise(double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(actual[i][j]), "[" + i + "][" + j + "]");
            }
        }
    }
}
