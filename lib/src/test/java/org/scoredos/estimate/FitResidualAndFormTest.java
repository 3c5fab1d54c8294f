package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.units.Units;

/**
 * The A(V) fit's two parts of a fixed-pressure result on an exactly solvable equation of state
 * (third-order Birch–Murnaghan, which the degree-3 fit represents exactly): the residual's part
 * of the bar against per-volume noise that no replica sees, and the fit form's spread against a
 * quadratic fit done here by hand.
 */
class FitResidualAndFormTest {
    /** W-like: V_0 (Å³/atom), B_0 (350 GPa, in eV/Å³), B_0', E_0 (eV/atom); six volumes with V_0 near the low edge. */
    private static final double V0 = 16.29, B0 = 350 / Units.GPA_PER_EV_PER_A3, B1 = 4.5, E0 = -4.63;
    private static final double[] VOLUMES = new double[6];

    static {
        for (int i = 0; i < VOLUMES.length; i++) VOLUMES[i] = 16.08 * Math.pow(1.0015 + 0.004 * i, 3);
    }

    private static double energy(double v) {
        double eta = Math.pow(V0 / v, 2.0 / 3.0);
        return E0 + 9 * V0 * B0 / 16 * (Math.pow(eta - 1, 3) * B1 + Math.pow(eta - 1, 2) * (6 - 4 * eta));
    }

    /** The volumes' estimates at T − 1, T, T + 1 K: A_i + noise_i (the same at the three: a frame's bias), no statistical bar. */
    private static FreeEnergy[][] estimates(double[] noise) {
        int n = VOLUMES.length;
        FreeEnergy[][] f = new FreeEnergy[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) f[i][k] = new FreeEnergy(999 + k, energy(VOLUMES[i]) + noise[i], 0, 0, true, null, 0, 0);
        }
        return f;
    }

    private static GibbsFreeEnergy result(double[] noise, EquationOfState eos) {
        return GibbsEstimator.at(eos, VOLUMES, 0, estimates(noise), new double[VOLUMES.length], 0, 1, false);
    }

    @Test
    void theResidualsPartOfTheBarIsTheScatterOfNoiseEveryReplicaShares() {
        EquationOfState eos = new EquationOfState(VOLUMES);
        Random random = new Random(20261206);
        double sigma = 3e-5; // eV/atom: the W stores' fit residual at 1000 K
        int draws = 4000;
        double sv = 0, svv = 0, sb = 0, sbb = 0, barV = 0, barB = 0;
        for (int d = 0; d < draws; d++) {
            double[] noise = new double[VOLUMES.length];
            for (int i = 0; i < noise.length; i++) noise[i] = sigma * random.nextGaussian();
            GibbsFreeEnergy r = result(noise, eos);
            // replicas that all carry the same noise see none of it: the bar is the residual's part alone
            GibbsFreeEnergy jk = Jackknife.bars(r, java.util.List.of(r, r, r));
            double v = r.volume().value(), b = r.bulkModulus().value();
            sv += v;
            svv += v * v;
            sb += b;
            sbb += b * b;
            barV += jk.volume().error() * jk.volume().error();
            barB += jk.bulkModulus().error() * jk.bulkModulus().error();
            assertEquals(r.volume().fitResidual(), jk.volume().error(), 0.0);
        }
        double varV = (svv - sv * sv / draws) / (draws - 1), varB = (sbb - sb * sb / draws) / (draws - 1);
        // mean bar² against the scatter's variance: 1 within the draws' sampling error (≈ 3 %)
        assertEquals(1, barV / draws / varV, 0.1, "V*: mean bar² / variance");
        assertEquals(1, barB / draws / varB, 0.1, "B_T: mean bar² / variance");
        assertEquals(V0, sv / draws, 3 * Math.sqrt(varV / draws));
        assertTrue(Math.sqrt(varB) > 2, "the noise moves B_T by GPa, as between the W seeds: " + Math.sqrt(varB));
    }

    @Test
    void theFitFormSpreadIsHalfTheRangeOverTheDegreesBesideTheBar() {
        EquationOfState eos = new EquationOfState(VOLUMES);
        double[] none = new double[VOLUMES.length];
        GibbsFreeEnergy cubic = result(none, eos);
        java.util.List<GibbsValues> others = new java.util.ArrayList<>();
        for (EquationOfState form : eos.neighbours()) {
            GibbsValues values = GibbsValues.of(form, 0, estimates(none), none, 0, 1);
            GibbsFreeEnergy full = result(none, form);
            // the values alone, as the spread takes them, are the full result's to the bit
            assertArrayEquals(new double[] {full.gibbs().value(), full.volume().value(), full.expansion().value(),
                    full.bulkModulus().value(), full.entropy().value(), full.enthalpy().value(), full.heatCapacity().value()},
                    new double[] {values.gibbs(), values.volume(), values.expansion(), values.bulkModulus(), values.entropy(),
                            values.enthalpy(), values.heatCapacity()});
            others.add(values);
        }
        assertEquals(2, others.size(), "degrees 2 and 4 beside 3");
        GibbsFreeEnergy r = FitForms.spread(cubic, others);
        // degrees 3 and 4 reproduce the third-order form: V_0, B_0, E_0; the quadratic misses them. By hand:
        // least squares A = a + b x + c x², x = (V/V_c)^(−2/3), V_c the volumes' midpoint
        double vc = 0.5 * (VOLUMES[0] + VOLUMES[VOLUMES.length - 1]);
        double[][] m = new double[3][4];
        for (double v : VOLUMES) {
            double x = Math.pow(v / vc, -2.0 / 3.0), a = energy(v);
            double[] p = {1, x, x * x};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) m[i][j] += p[i] * p[j];
                m[i][3] += p[i] * a;
            }
        }
        double[] c = solve(m);
        double x = -c[1] / (2 * c[2]), v2 = vc * Math.pow(x, -1.5);
        double g2 = c[0] + c[1] * x + c[2] * x * x;
        double dx = -2.0 / 3.0 * x / v2, b2 = v2 * 2 * c[2] * dx * dx * Units.GPA_PER_EV_PER_A3;
        assertEquals(V0, cubic.volume().value(), 1e-9 * V0);
        assertEquals(B0 * Units.GPA_PER_EV_PER_A3, cubic.bulkModulus().value(), 1e-6 * 350);
        assertEquals(Math.abs(v2 - V0) / 2, r.volume().fitForm(), 1e-4 * Math.abs(v2 - V0), "V* " + v2);
        assertEquals(Math.abs(b2 - 350) / 2, r.bulkModulus().fitForm(), 1e-4 * Math.abs(b2 - 350), "B_T " + b2);
        assertEquals(Math.abs(g2 - E0) / 2, r.gibbs().fitForm(), 1e-4 * Math.abs(g2 - E0));
        assertTrue(r.volume().fitForm() > 1e-4, "the quadratic moves V* by " + (v2 - V0));
        assertEquals(cubic.volume().error(), r.volume().error(), 0.0, "beside the bar, not in it");
        assertEquals(0, r.volume().error(), 1e-12, "no noise, no residual: no bar");
    }

    /** Gaussian elimination of a 3×3 system [A | b]. */
    private static double[] solve(double[][] m) {
        int n = 3;
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                double f = m[i][k] / m[k][k];
                for (int j = k; j <= n; j++) m[i][j] -= f * m[k][j];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) s -= m[i][j] * x[j];
            x[i] = s / m[i][i];
        }
        return x;
    }
}
