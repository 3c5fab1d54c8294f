package org.scoredos.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellFrameTest {

    private static DescriptorMoments moments(double[][] x) {
        DescriptorMoments m = new DescriptorMoments(x[0].length);
        for (double[] s : x) m.add(s);
        return m;
    }

    @Test
    void rotationDiagonalisesTheCovarianceWithAscendingEigenvalues() {
        DescriptorMoments m = moments(DescriptorMomentsTest.samples(2000, 5, 11));
        CellFrame f = CellFrame.of(m, 99, 0.5);
        double[][] c = m.covariance(), w = f.rotation();
        for (int k = 1; k < 5; k++) assertTrue(f.eigenvalues()[k] >= f.eigenvalues()[k - 1]);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double wtw = 0, wtcw = 0;
                for (int i = 0; i < 5; i++) {
                    wtw += w[i][a] * w[i][b];
                    for (int j = 0; j < 5; j++) wtcw += w[i][a] * c[i][j] * w[j][b];
                }
                assertEquals(a == b ? 1.0 : 0.0, wtw, 1e-12);
                assertEquals(a == b ? f.eigenvalues()[a] : 0.0, wtcw, 1e-9 * f.eigenvalues()[4]);
            }
        }
    }

    @Test
    void eigenvectorSignsAreFixed() {
        CellFrame f = CellFrame.of(moments(DescriptorMomentsTest.samples(500, 4, 12)), 10, 0.5);
        for (int k = 0; k < 4; k++) {
            int arg = 0;
            for (int i = 1; i < 4; i++) if (Math.abs(f.rotation()[i][k]) > Math.abs(f.rotation()[arg][k])) arg = i;
            assertTrue(f.rotation()[arg][k] > 0);
        }
    }

    @Test
    void edgesSpanTheGaussianPercentileRange() {
        CellFrame f = CellFrame.of(moments(DescriptorMomentsTest.samples(500, 3, 13)), 99, 0.5);
        assertEquals(99, f.bins());
        for (int k = 0; k < 3; k++) {
            double sigma = Math.sqrt(f.eigenvalues()[k]);
            double[] e = f.binEdges()[k];
            assertEquals(100, e.length);
            assertEquals(-2.5758293035489 * sigma, e[0], 1e-9 * sigma);
            assertEquals(2.5758293035489 * sigma, e[99], 1e-9 * sigma);
            for (int b = 1; b < e.length; b++) assertEquals(e[1] - e[0], e[b] - e[b - 1], 1e-9 * sigma);
        }
    }

    @Test
    void edgesAboutAnotherCentreShiftByTheRotatedOffset() {
        CellFrame f = CellFrame.of(moments(DescriptorMomentsTest.samples(300, 3, 14)), 5, 1.0);
        double[] moved = f.centre().clone();
        moved[1] += 0.25;
        double[] x = {1001.0, 1004.5, 1005.0};
        double[] y = new double[3];
        f.rotate(x, y);
        double[][] e = f.edgesAbout(moved);
        for (int k = 0; k < 3; k++) {
            double yMoved = y[k] - 0.25 * f.rotation()[1][k]; // y' = Wᵀ(x − μ')
            assertEquals(y[k] - f.binEdges()[k][0], yMoved - e[k][0], 1e-9);
        }
        assertArrayEquals(f.binEdges()[0], f.edgesAbout(f.centre())[0], 0.0);
    }

    @Test
    void directionsTheSamplesDoNotSpanStillCountEverySample() {
        // three samples in four dimensions: at least one eigenvalue is zero up to rounding
        double[][] x = {{1, 2, 3, 4}, {1.5, 2.1, 2.9, 4.2}, {0.7, 1.8, 3.3, 3.9}};
        DescriptorMoments m = new DescriptorMoments(4);
        for (double[] s : x) m.add(s);
        CellFrame f = CellFrame.of(m, 9, 0.5);
        assertTrue(Math.abs(f.eigenvalues()[0]) < 1e-14 * f.eigenvalues()[3]);
        RotatedHistogram h = new RotatedHistogram(4, 9);
        for (double[] s : x) h.add(f, s);
        long inNullDirection = 0;
        for (long c : h.counts()[0]) inNullDirection += c;
        assertEquals(3, inNullDirection);
        assertEquals(3, h.counts()[0][4], "at rounding level: the central bin");
    }
}
