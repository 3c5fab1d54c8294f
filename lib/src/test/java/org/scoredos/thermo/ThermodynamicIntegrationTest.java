package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.potential.MorsePotential;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;
import org.scoredos.structure.AtomMasses;

class ThermodynamicIntegrationTest {
    private static final Structure CU = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static final MorsePotential MORSE = TestCrystals.morseCopper();
    /** The same Morse copper cut at 4 Å (two neighbour shells): another stable Hessian at the same lattice. */
    private static final MorsePotential SHORT_MORSE = new MorsePotential(0.3429, 1.3588, 2.866, 4.0);
    private static final Hessian H = new HessianCalculator().compute(MORSE, CU);
    private static final Hessian H_SHORT = new HessianCalculator().compute(SHORT_MORSE, CU);

    @Test
    void theHarmonicModelItselfGivesFHarmExactly() {
        HarmonicPotential model = new HarmonicPotential(CU, H, MORSE.energy(CU));
        TiPlan plan = new TiPlan(model, CU, H, AtomMasses.of(CU), new double[] {300, 2000},
                new TiSettings(0.004, 5, 50, 500, 5, 10, 4), 1);
        for (TiResult r : ThermodynamicIntegration.run(plan, false)) {
            for (double du : r.integrand()) assertEquals(0, du, 1e-12);
            assertEquals(r.harmonicFreeEnergy(), r.freeEnergy(), 1e-12);
            assertEquals(plan.reference().harmonicFreeEnergy(r.temperature()), r.harmonicFreeEnergy());
        }
    }

    @Test
    void integratesFromOneHessianToAnotherToTheExactAnswer() {
        // model: the harmonic crystal of another Hessian, whose free energy is known exactly
        double t = 1000;
        HarmonicPotential model = new HarmonicPotential(CU, H_SHORT, SHORT_MORSE.energy(CU));
        TiPlan plan = new TiPlan(model, CU, H, AtomMasses.of(CU), new double[] {t},
                new TiSettings(0.008, 5, 200, 20000, 5, 20, 6), 2);
        TiResult r = ThermodynamicIntegration.run(plan, false).get(0);
        double exact = new HarmonicReference(CU, AtomMasses.of(CU), 0, model.latticeEnergy(), HarmonicModes.of(H_SHORT))
                .harmonicFreeEnergy(t);
        assertTrue(Math.abs(exact - r.harmonicFreeEnergy()) > 10 * r.error(), "the two Hessians must differ measurably");

        // the λ integrand at each node is the analytic (k_B T / 2N) tr[(H' − H) H_λ⁺]
        double[] analytic = new double[r.lambdas().length];
        for (int k = 0; k < analytic.length; k++) {
            analytic[k] = analyticIntegrand(r.lambdas()[k], t);
            assertTrue(Math.abs(r.integrand()[k] - analytic[k]) < 4 * r.integrandErrors()[k],
                    "node " + k + ": " + r.integrand()[k] + " ± " + r.integrandErrors()[k] + " vs " + analytic[k]);
        }
        // 6 Gauss–Legendre nodes integrate the analytic curve to far below the error bar
        assertEquals(exact, r.harmonicFreeEnergy() + plan.path().integrate(analytic), 0.05 * r.error());
        // and TI returns the exact free energy within its error bar
        assertTrue(Math.abs(r.freeEnergy() - exact) < 3 * r.error(), r.freeEnergy() + " ± " + r.error() + " vs " + exact);
        assertTrue(r.error() < 1e-4, "error bar " + r.error() + " eV/atom");
    }

    /** (k_B T / 2N) tr[(H' − H) H_λ⁺] on the internal (non-translation) subspace, eV/atom. */
    private static double analyticIntegrand(double lambda, double t) {
        int n = H.dimension();
        double[][] a = H.toArray();
        double[][] d = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int m = 0; m < n; m++) {
                d[k][m] = H_SHORT.get(k, m) - H.get(k, m);
                a[k][m] += lambda * d[k][m];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        RealMatrix delta = new Array2DRowRealMatrix(d, false);
        double trace = 0;
        for (int l = 0; l < n; l++) {
            double w = eig.getRealEigenvalue(l);
            if (Math.abs(w) < HarmonicModes.ZERO_MODE_THRESHOLD) continue;
            var v = eig.getEigenvector(l);
            trace += v.dotProduct(delta.operate(v)) / w;
        }
        return 0.5 * Units.KB * t * trace / CU.size();
    }

    @Test
    void tungstenSnapAt300KelvinIsHarmonicToHalfAMilliElectronVolt() throws IOException {
        LinearSnapPotential w = TungstenFixtures.snap();
        Structure bcc = TungstenFixtures.bcc(2);
        TiPlan plan = TiPlan.ownHessian(w, bcc, AtomMasses.uniform(bcc.size(), TungstenFixtures.MASS), new double[] {300},
                new TiSettings(0.004, 5, 100, 400, 4, 10, 2), 3);
        TiResult r = ThermodynamicIntegration.run(plan, true).get(0);
        assertEquals(plan.reference().harmonicFreeEnergy(300), r.harmonicFreeEnergy());
        assertTrue(Math.abs(r.anharmonic()) < 5e-4, "F_TI − F_harm = " + r.anharmonic() + " eV/atom");
        assertTrue(r.error() < 2e-4, "error bar " + r.error() + " eV/atom");
        // classical W at 300 K: k_B T ln(ħΩ/k_B T) per mode with ħΩ ≈ 20 meV, about −15 meV/atom
        assertTrue(r.harmonicFreeEnergy() < -0.010 && r.harmonicFreeEnergy() > -0.020, "F_harm " + r.harmonicFreeEnergy());
    }
}
