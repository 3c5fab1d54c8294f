package org.scoredos.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class PolynomialBasisTest {

    @Test
    void chebyshevBasisIsTheReferencesShiftedFamily() {
        // P = 3: φ_i = T_i + T_0 + T_1 + T_2, i = 1, 2
        PolynomialBasis b = PolynomialBasis.of("chebyshev", 3);
        assertEquals(2, b.size());
        double u = 0.37;
        double t0 = 1, t1 = u, t2 = 2 * u * u - 1, sum = t0 + t1 + t2;
        double[] v = new double[2], d1 = new double[2], d2 = new double[2];
        b.evaluate(u, v, d1, d2);
        assertArrayEquals(new double[] {t1 + sum, t2 + sum}, v, 1e-15);
        assertArrayEquals(new double[] {1 + 1 + 4 * u, 4 * u + 1 + 4 * u}, d1, 1e-15);
        assertArrayEquals(new double[] {4, 8}, d2, 1e-15);
    }

    @Test
    void hermiteAndMonomialValuesAndDerivatives() {
        PolynomialBasis h = PolynomialBasis.of("Hermite", 4);
        double u = -0.8;
        double h0 = 1, h1 = 2 * u, h2 = 4 * u * u - 2, h3 = 8 * u * u * u - 12 * u, sum = h0 + h1 + h2 + h3;
        double[] v = new double[3], d1 = new double[3], d2 = new double[3];
        h.evaluate(u, v, d1, d2);
        assertArrayEquals(new double[] {h1 + sum, h2 + sum, h3 + sum}, v, 1e-14);
        double dsum = 2 + 8 * u + 24 * u * u - 12;
        assertArrayEquals(new double[] {2 + dsum, 8 * u + dsum, 24 * u * u - 12 + dsum}, d1, 1e-13);
        assertArrayEquals(new double[] {8 + 48 * u, 8 + 8 + 48 * u, 48 * u + 8 + 48 * u}, d2, 1e-13);

        PolynomialBasis m = PolynomialBasis.of("monomial", 4);
        assertEquals(4, m.size());
        double[] mv = new double[4], md1 = new double[4], md2 = new double[4];
        m.evaluate(2, mv, md1, md2);
        assertArrayEquals(new double[] {2, 4, 8, 16}, mv, 0);
        assertArrayEquals(new double[] {1, 4, 12, 32}, md1, 0);
        assertArrayEquals(new double[] {0, 2, 12, 48}, md2, 0);
    }

    @Test
    void powerSeriesAndQuadraticFormAgreeWithPointwiseValues() {
        PolynomialBasis b = PolynomialBasis.of("chebyshev", 7);
        double[] c = {0.3, -1.2, 0.05, 0.7, -0.01, 0.2};
        double[][] cov = new double[6][6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) cov[i][j] = 1.0 / (1 + i + j);
        double[] p = b.powerSeries(c), q = b.quadraticForm(cov), phi = new double[6];
        for (double u = -1.7; u <= 1.7; u += 0.1) {
            b.evaluate(u, phi, null, null);
            double s = 0, form = 0;
            for (int i = 0; i < 6; i++) {
                s += c[i] * phi[i];
                for (int j = 0; j < 6; j++) form += phi[i] * cov[i][j] * phi[j];
            }
            assertEquals(s, horner(p, u), 1e-12 * (1 + Math.abs(s)));
            assertEquals(form, horner(q, u), 1e-11 * (1 + Math.abs(form)));
        }
    }

    @Test
    void unknownBasisOrBadOrderIsBadInput() {
        assertThrows(BadInputException.class, () -> PolynomialBasis.of("legendre", 5));
        assertThrows(BadInputException.class, () -> PolynomialBasis.of("chebyshev", 2));
        assertThrows(BadInputException.class, () -> PolynomialBasis.of("monomial", 13));
    }

    private static double horner(double[] c, double u) {
        double v = 0;
        for (int i = c.length - 1; i >= 0; i--) v = v * u + c[i];
        return v;
    }
}
