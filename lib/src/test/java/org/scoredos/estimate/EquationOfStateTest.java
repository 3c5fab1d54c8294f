package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

/** The A(V) fit against the third-order Birch–Murnaghan equation of state, which it represents exactly. */
class EquationOfStateTest {
    private static final double E0 = -8.0, V0 = 11.2, B0 = 1.0, B1 = 4.5; // eV, Å³, eV/Å³ (160 GPa), B0'
    private static final double[] VOLUMES = {10.0, 10.5, 11.0, 11.6, 12.3};

    private static double energy(double v) {
        double eta = Math.pow(V0 / v, 2.0 / 3.0);
        return E0 + 9 * V0 * B0 / 16 * (Math.pow(eta - 1, 3) * B1 + Math.pow(eta - 1, 2) * (6 - 4 * eta));
    }

    /** P(V) = −dE/dV of the third-order form. */
    private static double pressure(double v) {
        double r = V0 / v;
        return 1.5 * B0 * (Math.pow(r, 7.0 / 3) - Math.pow(r, 5.0 / 3)) * (1 + 0.75 * (B1 - 4) * (Math.pow(r, 2.0 / 3) - 1));
    }

    private static double[] sampled() {
        double[] e = new double[VOLUMES.length];
        for (int i = 0; i < e.length; i++) e[i] = energy(VOLUMES[i]);
        return e;
    }

    @Test
    void reproducesBirchMurnaghanAndItsMinimumUnderPressure() {
        EquationOfState eos = new EquationOfState(VOLUMES);
        assertEquals(3, eos.degree());
        double[] a = sampled(), c = eos.fit(a);
        assertEquals(0, eos.residual(c, a), 1e-12);
        assertEquals(V0, eos.minimum(c, 0), 1e-9 * V0);
        assertEquals(B0, V0 * eos.curvature(c, V0), 1e-8);
        for (double v : new double[] {10.2, 10.8, 12.1}) {
            double p = pressure(v);
            assertEquals(v, eos.minimum(c, p), 1e-9 * v, "V* at P = " + p + " eV/Å³");
            assertEquals(-p, eos.slope(c, v), 1e-9);
            assertEquals(energy(v), eos.value(c, v), 1e-12);
        }
    }

    @Test
    void weightsGiveTheValueAndItsDerivatives() {
        EquationOfState eos = new EquationOfState(VOLUMES);
        double[] a = sampled(), c = eos.fit(a);
        int n = VOLUMES.length;
        double[] w = new double[n], dw = new double[n], ddw = new double[n];
        double v = 10.9;
        eos.weights(v, w, dw, ddw);
        double value = 0, slope = 0, curvature = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            value += w[i] * a[i];
            slope += dw[i] * a[i];
            curvature += ddw[i] * a[i];
            sum += w[i];
        }
        assertEquals(1, sum, 1e-12); // a constant shift of every volume shifts A by the same
        assertEquals(eos.value(c, v), value, 1e-12);
        assertEquals(eos.slope(c, v), slope, 1e-10);
        assertEquals(eos.curvature(c, v), curvature, 1e-9);
    }

    @Test
    void aMinimumBeyondTheSampledVolumesStaysOnTheEdge() {
        EquationOfState eos = new EquationOfState(VOLUMES);
        double[] c = eos.fit(sampled());
        assertEquals(VOLUMES[0], eos.minimum(c, 10 * pressure(VOLUMES[0])), 0);
        assertEquals(VOLUMES[VOLUMES.length - 1], eos.minimum(c, -10 * Math.abs(pressure(VOLUMES[VOLUMES.length - 1]))), 0);
        assertThrows(BadInputException.class, () -> new EquationOfState(new double[] {10, 11, 12}));
        assertThrows(BadInputException.class, () -> new EquationOfState(new double[] {10, 11, 11, 12}));
    }
}
