package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.TiResult;
import org.scoredos.units.FreeEnergyConvention;
import org.scoredos.units.Units;

/** The reported 3N convention against the estimator's isosurface entropy and the centre-of-mass-fixed mode sum. */
class FreeEnergyConventionTest {
    private static final Structure FCC = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static HarmonicReference reference;

    @BeforeAll
    static void build() {
        reference = HarmonicReference.compute(FCC, TestCrystals.morseCopper(), 0.0, Double.NaN, new HessianCalculator());
    }

    /** ⟨ln(ħΩ_l/k_B T)⟩ over the stable modes, computed mode by mode. */
    private static double meanLog(double t) {
        double kT = Units.KB * t, s = 0;
        HarmonicModes m = reference.modes();
        for (int l = 0; l < m.stableModes(); l++) {
            s += Math.log(Units.HBAR * Math.sqrt(m.omega(l) * Units.EV_PER_AMU_A2_IN_PS2 / reference.mass()) / kT);
        }
        return s / m.stableModes();
    }

    @Test
    void harmonicFreeEnergyIsThreeModeMeansPerAtom() {
        assertEquals(32, reference.atoms());
        assertEquals(93, reference.stableModes());
        for (double t : new double[] {50, 300, 1000, 3000}) {
            double kT = Units.KB * t;
            assertEquals(3 * kT * meanLog(t), reference.freeEnergy(t), 1e-13);
            // centre of mass fixed: the 93 internal modes per 32 atoms
            assertEquals(93.0 / 32 * kT * meanLog(t), reference.harmonicFreeEnergy(t), 1e-13);
        }
    }

    @Test
    void theCentreOfMassTermIsTheThreeModesExactly() {
        for (double t : new double[] {100, 1000}) {
            double kT = Units.KB * t, fixed = reference.harmonicFreeEnergy(t);
            double term = FreeEnergyConvention.centreOfMassTerm(fixed, 32, 93);
            // (3/N) k_B T ⟨ln(ħΩ/k_B T)⟩ = F_fixed/(N − 1)
            assertEquals(3.0 / 32 * kT * meanLog(t), term, 1e-14);
            assertEquals(fixed / 31, term, 1e-15);
            assertEquals(reference.freeEnergy(t), FreeEnergyConvention.fromCentreOfMassFixed(fixed, fixed, 32, 93), 1e-15);
            // TI with the centre of mass fixed is converted by the same term, its anharmonic part untouched
            TiResult ti = new TiResult(t, fixed - 0.002, 1e-4, fixed, new double[0], new double[0], new double[0]);
            TiResult same = ti.inShellConvention(32);
            assertEquals(reference.freeEnergy(t) - 0.002, same.freeEnergy(), 1e-15);
            assertEquals(ti.anharmonic(), same.anharmonic(), 1e-15);
        }
    }

    @Test
    void theEstimatorsShellEntropyGivesTheConventionForAHarmonicCrystal() {
        // harmonic crystal: θ·(D − D_0) on the α shell is ½ ω̄ e^α per atom with S(D|α) = 0, so the
        // estimator's βF = min_α [β ½ ω̄ e^α − S_0(α, T)]: minimised here on a fine α grid, independently
        for (double t : new double[] {60, 600}) {
            double beta = 1 / (Units.KB * t), best = Double.POSITIVE_INFINITY;
            for (double alpha = -12; alpha < 2; alpha += 1e-5) {
                best = Math.min(best, beta * reference.harmonicEnergy(alpha) - reference.isosurfaceEntropy(alpha, t));
            }
            assertEquals(reference.freeEnergy(t), best / beta, 1e-9);
            assertTrue(Math.abs(reference.harmonicFreeEnergy(t) - best / beta) > 1e-4, "the 3N − 3 sum is another convention");
        }
    }

    @Test
    void metadataDeclaresOneConvention() {
        assertEquals("3N", FreeEnergyConvention.metadata().get("modes"));
        assertTrue(FreeEnergyConvention.csvComment().startsWith("# convention: "));
        assertTrue(FreeEnergyConvention.csvComment().contains("3N modes"));
    }
}
