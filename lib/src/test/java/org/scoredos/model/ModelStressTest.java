package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * The virial pressure tensor of every kind of model (linear and quadratic SNAP, one and two
 * elements, with and without ZBL) against central differences of the energy under homogeneous
 * strain, P_ab = −(1/V) ∂E/∂ε_ab; its forces against differences of the energy too, and the
 * linear form E = N c·Φ + E₀.
 */
class ModelStressTest {
    private static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};

    @ParameterizedTest
    @CsvSource({
        "Ta06A, false, 3.31, 1",             // SNAP + ZBL
        "WBe_Wood_PRB2019, false, 3.18, 2",  // two elements + ZBL (three type pairs)
        "InP_JCPA2020, true, 5.87, 2",       // explicit multi-element (chemflag) + ZBL
        "Cu_Zuo_JPCA2020.quadratic, true, 3.62, 1",
        "Mo_Chen_PRM2017, false, 3.16, 1",
    })
    void pressureTensorIsTheStrainDerivativeOfTheEnergy(String name, boolean fcc, double a, int types) throws IOException {
        LinearModel model = ModelFixtures.published(name).model();
        // compressed by 8 % and rattled, so that ZBL pairs fall inside its switching range and below it
        Structure s = ModelFixtures.crystal(fcc, 0.92 * a, 2, 0.25, types, 7);
        Evaluation e = model.evaluate(s, true, true);
        double[] p = e.pressureTensor(s.cell());
        double h = 1e-5;
        double scale = 0;
        for (double x : p) scale = Math.max(scale, Math.abs(x));
        assertTrue(scale > 1, name + ": a strained crystal is under GPa pressures, got " + scale);
        for (int k = 0; k < 6; k++) {
            int ia = VOIGT[k][0], ib = VOIGT[k][1];
            double dE = (model.energy(strained(s, ia, ib, h)) - model.energy(strained(s, ia, ib, -h))) / (2 * h);
            double expected = -dE / s.cell().volume() * Units.GPA_PER_EV_PER_A3;
            assertEquals(expected, p[k], 1e-6 * scale + 1e-6, name + " P[" + k + "]");
        }
        // forces with and without the virial pass are the same numbers
        assertArrayEquals(model.evaluate(s, true, false).forces(), e.forces(), 1e-10);
        assertEquals(model.energy(s), e.energy(), 1e-9);
        for (int k : new int[] {0, 4, 3 * s.size() - 1}) {
            double[] x = s.positions();
            x[k] += h;
            double up = model.energy(s.withPositions(x));
            x[k] -= 2 * h;
            double down = model.energy(s.withPositions(x));
            assertEquals(-(up - down) / (2 * h), e.forces()[k], 1e-6, name + " force " + k);
        }
        // linear in its features: E = N c·Φ + E₀, the fixed terms with coefficient 1
        double[] c = model.coefficients();
        double[] phi = model.features(s);
        double linear = model.offset(s);
        for (int k = 0; k < c.length; k++) linear += s.size() * c[k] * phi[k];
        assertEquals(e.energy(), linear, 1e-8 * Math.abs(e.energy()), name + " N c·Φ + E₀");
    }

    /** The structure under the symmetric strain ε_ab = ε_ba = eps/2 (ε_aa = eps on the diagonal). */
    private static Structure strained(Structure s, int a, int b, double eps) {
        double[][] f = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        if (a == b) {
            f[a][a] += eps;
        } else {
            f[a][b] += eps / 2;
            f[b][a] += eps / 2;
        }
        return ModelFixtures.deformed(s, f);
    }
}
