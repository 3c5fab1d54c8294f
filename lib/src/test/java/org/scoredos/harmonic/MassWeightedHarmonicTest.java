package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.TungstenFixtures;
import org.scoredos.units.Units;

/**
 * A crystal of two masses: bcc W (the bundled tungsten SNAP, 16 atoms) with every other atom given another mass (a B2
 * "isotope" crystal). Its harmonic free energy must be the one of the eigenvalues of the
 * mass-weighted Hessian M^{-1/2} H M^{-1/2}, computed here independently by a dense
 * eigen-decomposition; scaling every mass by λ must shift F by exactly −(3/2) k_B T ln λ per
 * atom (3N convention: every mode's Ω scales by λ^{-1/2}).
 */
class MassWeightedHarmonicTest {
    private static final double LIGHT = 50.0;
    private static final Structure BCC = TestCrystals.bcc(12.742537224023346 / 4, 2, TestCrystals.W_MASS);
    /** The same atoms with types for their masses only (the one-element SNAP sees BCC). */
    private static final Structure B2 = twoMasses(BCC, TestCrystals.W_MASS, LIGHT);
    private static LinearSnapPotential w;
    private static Hessian h;

    @BeforeAll
    static void hessian() throws IOException {
        w = TungstenFixtures.snap();
        h = new HessianCalculator().compute(w, BCC);
    }

    /** The crystal with type 2 (mass {@code b}) on the body-centre sites. */
    private static Structure twoMasses(Structure bcc, double a, double b) {
        int[] types = new int[bcc.size()];
        for (int i = 0; i < types.length; i++) types[i] = 1 + i % 2; // the builder alternates corner and centre
        return new Structure(bcc.cell(), bcc.positions(), types, new double[] {a, b});
    }

    private static HarmonicReference reference(AtomMasses masses) {
        return new HarmonicReference(BCC, masses, 0, w.energy(BCC), HarmonicModes.of(h));
    }

    /** (k_B T/N) Σ_l ln(ħΩ_l/k_B T) over the 3N − 3 largest eigenvalues Ω_l² of M^{-1/2} H M^{-1/2}. */
    private static double denseMassWeighted(AtomMasses masses, double t) {
        int dim = 3 * B2.size();
        double[][] hessian = h.toArray();
        double[][] d = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) d[i][j] = hessian[i][j] / Math.sqrt(masses.of(i / 3) * masses.of(j / 3));
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(d, false)).getRealEigenvalues();
        Arrays.sort(ev);
        assertTrue(Math.abs(ev[2]) < 1e-8 * ev[dim - 1] && ev[3] > 1e-3 * ev[dim - 1], "three translations, then stable modes");
        double kT = Units.KB * t, s = 0;
        for (int l = 3; l < dim; l++) s += Math.log(Units.HBAR * Math.sqrt(ev[l] * Units.EV_PER_AMU_A2_IN_PS2) / kT);
        return kT * s / B2.size();
    }

    @Test
    void harmonicFreeEnergyIsThatOfTheMassWeightedHessian() {
        AtomMasses masses = AtomMasses.of(B2);
        assertTrue(!masses.isUniform());
        HarmonicReference ref = reference(masses);
        for (double t : new double[] {300, 1500}) {
            double dense = denseMassWeighted(masses, t);
            assertEquals(dense, ref.harmonicFreeEnergy(t), 1e-10 * Math.abs(dense), "T = " + t);
            // a single mass (either one, or their mean) would be measurably wrong
            for (double m : new double[] {TestCrystals.W_MASS, LIGHT, (TestCrystals.W_MASS + LIGHT) / 2}) {
                double single = reference(AtomMasses.uniform(B2.size(), m)).harmonicFreeEnergy(t);
                assertTrue(Math.abs(single - dense) > 1e-4, "mass " + m + " gives " + single + " vs " + dense);
            }
        }
    }

    @Test
    void scalingEveryMassByLambdaShiftsFByMinusThreeHalvesKTLnLambda() {
        double t = 800, lambda = 2.7;
        AtomMasses base = AtomMasses.of(B2);
        AtomMasses scaled = AtomMasses.of(B2.withMassByType(new double[] {lambda * TestCrystals.W_MASS, lambda * LIGHT}));
        double shift = reference(scaled).freeEnergy(t) - reference(base).freeEnergy(t);
        assertEquals(-1.5 * Units.KB * t * Math.log(lambda), shift, 1e-12);
        // with the centre of mass fixed, the 3N − 3 modes of N atoms
        double fixedShift = reference(scaled).harmonicFreeEnergy(t) - reference(base).harmonicFreeEnergy(t);
        assertEquals(-(3.0 * B2.size() - 3) / (2.0 * B2.size()) * Units.KB * t * Math.log(lambda), fixedShift, 1e-12);
    }

    @Test
    void theIsosurfaceEntropyGivesTheMassWeightedFreeEnergyOfAHarmonicCrystal() {
        // min over α of H_e − T S_0 is at H_e = 3/2 k_B T, and must be F = 3 k_B T ⟨ln(ħΩ_l/k_B T)⟩ (3N convention)
        HarmonicReference ref = reference(AtomMasses.of(B2));
        double t = 1200, kT = Units.KB * t;
        double alpha = Math.log(3 * kT / ref.omegaBar());
        double f = ref.harmonicEnergy(alpha) - kT * ref.isosurfaceEntropy(alpha, t);
        assertEquals(ref.freeEnergy(t), f, 1e-12);
        double dense = denseMassWeighted(AtomMasses.of(B2), t);
        assertEquals(dense * 3 * B2.size() / (3.0 * B2.size() - 3), f, 1e-10 * Math.abs(f));
        assertEquals(ref.mass(), ref.constants(new double[] {1.0}).mass(), "the estimator's ħ²/m uses the effective mass");
    }

    @Test
    void oneMassIsItsOwnEffectiveMassBitForBit() {
        for (double m : new double[] {TestCrystals.W_MASS, TestCrystals.CU_MASS, 1.00794, 238.02891}) {
            AtomMasses uniform = AtomMasses.uniform(128, m);
            assertEquals(m, uniform.effectiveMass(), 0.0);
            double[] v = {0.3, -1.2, 2.5, 0.7, 0.1, -0.4};
            double s = 0;
            for (double w : v) s += w * w;
            assertEquals(0.5 * m * s / Units.EV_PER_AMU_A2_IN_PS2, AtomMasses.uniform(2, m).kineticEnergy(v), 0.0);
        }
    }

    @Test
    void momentumRemovalAndWeightedProjectionLeaveZeroTotalMomentum() {
        AtomMasses masses = AtomMasses.of(B2);
        double[] v = new double[3 * B2.size()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < v.length; k++) v[k] = r.nextGaussian();
        double[] u = v.clone();
        masses.removeMomentum(v);
        masses.projectWeighted(u);
        masses.unweight(u);
        for (double[] w : new double[][] {v, u}) {
            for (int d = 0; d < 3; d++) {
                double p = 0, scale = 0;
                for (int i = 0; i < B2.size(); i++) {
                    p += masses.of(i) * w[3 * i + d];
                    scale += masses.of(i) * Math.abs(w[3 * i + d]);
                }
                assertEquals(0, p, 1e-13 * scale);
            }
        }
    }
}
