package org.scoredos.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quantiles, moments and the T_c distribution against values computed by hand. */
class EnsembleStatisticsTest {
    private static MemberResult twoPhase(int m, double[] delta, double tc, boolean extrapolated, boolean solved) {
        int nt = delta.length;
        double[][] zero = new double[2][nt];
        boolean[][] s = new boolean[2][nt];
        for (boolean[] row : s) java.util.Arrays.fill(row, solved);
        double[] error = new double[nt];
        java.util.Arrays.fill(error, 0.001 * (m + 1));
        return new MemberResult(m, new double[2], zero, zero, zero, s, delta, error, tc, 10.0 * (m + 1), extrapolated);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatisticsLikeNumpy() {
        double[] sorted = {1, 2, 4, 8};
        // numpy.quantile([1, 2, 4, 8], [0, 0.1, 0.5, 0.9, 1]) = [1, 1.3, 3, 6.8, 8]
        assertArrayEquals(new double[] {1, 1.3, 3, 6.8, 8}, EnsembleStatistics.quantiles(sorted, new double[] {0, 0.1, 0.5, 0.9, 1}), 1e-12);
        assertEquals(5.0, EnsembleStatistics.quantiles(new double[] {5}, new double[] {0.3})[0]);
    }

    @Test
    void perTemperatureMomentsFractionsAndErrors() {
        MemberResult[] members = {
            twoPhase(0, new double[] {0.03, 0.01}, Double.NaN, false, true),
            twoPhase(1, new double[] {0.01, -0.02}, 1500, false, true),
            twoPhase(2, new double[] {0.02, -0.05}, 1200, true, false),
        };
        EnsembleStatistics.AtTemperature[] rows = EnsembleStatistics.perTemperature(members, new double[] {1000, 2000}, new double[] {0.5});
        assertEquals(0.02, rows[0].mean(), 1e-15);
        assertEquals(0.01, rows[0].std(), 1e-15); // sample std of 0.01, 0.02, 0.03
        assertEquals(0.02, rows[0].quantiles()[0], 1e-15);
        assertEquals(2.0 / 3, rows[1].solvedFraction(), 1e-15);
        assertEquals(0.002, rows[1].meanError(), 1e-15);
        EnsembleStatistics.TcDistribution tc = EnsembleStatistics.tc(members, new double[] {0, 0.5, 1}, 3);
        assertEquals(3, tc.members());
        assertEquals(2, tc.withTransition());
        assertEquals(1, tc.extrapolated());
        assertEquals(0.5, tc.extrapolatedFraction());
        assertEquals(1350, tc.mean(), 1e-12);
        assertEquals(Math.sqrt(2 * 150.0 * 150.0), tc.std(), 1e-9);
        assertArrayEquals(new double[] {1200, 1350, 1500}, tc.quantiles(), 1e-12);
        assertEquals(25, tc.meanError(), 1e-12); // members 1 and 2: δT_c 20 and 30 K
        assertArrayEquals(new double[] {1200, 1300, 1400, 1500}, tc.edges(), 1e-9);
        assertArrayEquals(new int[] {1, 0, 1}, tc.counts());
        assertArrayEquals(new int[] {1, 0, 0}, tc.extrapolatedCounts());
    }
}
