package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuadratureAndBlocksTest {
    @Test
    void gaussLegendreIsExactToDegreeTwoNMinusOne() {
        for (int n = 1; n <= 8; n++) {
            LambdaPath path = new LambdaPath(n);
            double wsum = 0;
            for (int k = 0; k < n; k++) {
                wsum += path.weight(k);
                assertTrue(path.node(k) > 0 && path.node(k) < 1);
                if (k > 0) assertTrue(path.node(k) > path.node(k - 1));
            }
            assertEquals(1, wsum, 1e-14);
            for (int p = 0; p <= 2 * n - 1; p++) {
                double[] f = new double[n];
                for (int k = 0; k < n; k++) f[k] = Math.pow(path.node(k), p);
                assertEquals(1.0 / (p + 1), path.integrate(f), 1e-13, "n = " + n + ", λ^" + p);
            }
        }
        LambdaPath three = new LambdaPath(3);
        assertEquals(0.5, three.node(1), 1e-15);
        // sqrt(Σ w²) with w = 5/18, 8/18, 5/18
        assertEquals(Math.sqrt(25 + 64 + 25) / 18, three.propagate(new double[] {1, 1, 1}), 1e-14);
    }

    @Test
    void blockErrorOfIndependentSamplesIsSigmaOverRootN() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 40000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = 3 + 2 * r.nextGaussian();
        BlockAverage b = BlockAverage.of(x, n, 40);
        double expected = 2 / Math.sqrt(n);
        assertEquals(3, b.mean(), 4 * expected);
        assertEquals(expected, b.error(), 0.35 * expected); // the error of an error from 40 blocks is ~11 %
    }

    @Test
    void blocksSeeCorrelationThatANaiveErrorMisses() {
        // AR(1) with ρ = 0.95: the true error is sqrt((1 + ρ)/(1 − ρ)) ≈ 6.2 times the naive one
        SplittableRandom r = new SplittableRandom(5);
        int n = 100000;
        double[] x = new double[n];
        double rho = 0.95, y = 0, naive = 0;
        for (int k = 0; k < n; k++) {
            y = rho * y + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            x[k] = y;
            naive += y * y;
        }
        naive = Math.sqrt(naive / n / n);
        BlockAverage b = BlockAverage.of(x, n, 25);
        double ratio = b.error() / naive;
        assertTrue(ratio > 4 && ratio < 9, "block/naive error ratio " + ratio);
    }

    @Test
    void aRemainderAtTheStartIsDropped() {
        double[] x = {100, 1, 2, 3, 4};
        BlockAverage b = BlockAverage.of(x, 5, 2);
        assertEquals(2.5, b.mean(), 1e-15);
        assertEquals(1.0, b.error(), 1e-15); // block means 1.5 and 3.5
    }
}
