package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

class HarmonicReferenceTest {
    private static final Structure FCC = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static HarmonicReference reference;

    @BeforeAll
    static void build() {
        reference = HarmonicReference.compute(FCC, TestCrystals.morseCopper(), 0.0, Double.NaN, new HessianCalculator());
    }

    @Test
    void constantsOfThePerfectCrystal() {
        assertEquals(32, reference.atoms());
        assertEquals(TestCrystals.CU_MASS, reference.mass());
        assertEquals(93, reference.stableModes());
        assertEquals(3, reference.zeroModes());
        assertEquals(Math.pow(7.22, 3), reference.volume(), 1e-9);
        assertEquals(TestCrystals.morseCopper().energy(FCC), reference.latticeEnergy(), 1e-12);
        assertTrue(reference.meanLogNu() < 0, "⟨ln ν⟩ ≤ 0 by Jensen");
        ReferenceConstants c = reference.constants(new double[] {1.5, 2.5});
        assertEquals(32, c.atoms());
        assertEquals(reference.omegaBar(), c.omegaBar());
        assertEquals(reference.meanLogNu(), c.meanLogNu());
        assertEquals(93, c.stableModes());
        assertEquals(Units.U0, c.u0());
        assertArrayEquals(FCC.positions(), c.positions());
        assertArrayEquals(new double[] {1.5, 2.5}, c.d0());
    }

    @Test
    void alphaTauMappingAgreesWithTheSummaryRecord() {
        ReferenceConstants c = reference.constants(new double[0]);
        for (double tau : new double[] {0.1, 1, 4}) {
            double alpha = reference.alphaOfTau(tau);
            assertEquals(tau, reference.tauOfAlpha(alpha), 1e-12 * tau);
            assertEquals(c.alphaOfTau(tau), alpha, 1e-12);
            // τ = 1 is 1000 K of harmonic energy: H_e = 1.5 k_B · 1000 K.
            assertEquals(tau * 1.5 * Units.KB * 1000, reference.harmonicEnergy(alpha), 1e-15);
        }
    }

    @Test
    void harmonicFreeEnergyOfOneOscillatorFromSiConstants() {
        // ħΩ for ω = 1 eV/Å², m = 1 amu, from SI: Ω = sqrt(eV / (Å² amu)).
        double omegaSi = Math.sqrt(1.602176634e-19 / 1e-20 / 1.66053906660e-27);
        double hbarOmegaEv = 1.054571817e-34 * omegaSi / 1.602176634e-19;
        double kT = Units.KB * 300;
        double expected = kT * Math.log(hbarOmegaEv / kT);
        double perMode = kT * Math.log(Units.HBAR * Math.sqrt(Units.EV_PER_AMU_A2_IN_PS2) / kT);
        assertEquals(expected, perMode, 1e-9);
        // and the reference sums exactly that over its modes, per atom
        double sum = 0;
        for (double w : reference.modes().omegas()) sum += kT * Math.log(Units.HBAR * Math.sqrt(w * Units.EV_PER_AMU_A2_IN_PS2 / reference.mass()) / kT);
        assertEquals(sum / 32, reference.harmonicFreeEnergy(300), 1e-14);
    }

    @Test
    void isosurfaceEntropyReproducesTheHarmonicFreeEnergy() {
        // For the harmonic model itself, βF = min_α [β ½ ω̄ e^α − S_0(α, T)] = 3 ln(βħ sqrt(ω_geo/m)),
        // the free energy of 3N modes; F_harm counts M = 3N − 3 of them.
        for (double t : new double[] {100, 1000, 3000}) {
            double beta = 1 / (Units.KB * t);
            double best = Double.POSITIVE_INFINITY;
            double alphaStar = Math.log(3 / (beta * reference.omegaBar())); // stationary point
            for (double da = -0.01; da <= 0.01; da += 0.0005) {
                double a = alphaStar + da;
                best = Math.min(best, beta * 0.5 * reference.omegaBar() * Math.exp(a) - reference.isosurfaceEntropy(a, t));
            }
            double f = best / beta * reference.stableModes() / (3.0 * reference.atoms());
            assertEquals(reference.harmonicFreeEnergy(t), f, 1e-9, "T = " + t);
        }
    }

    @Test
    void strainScalesTheCellAndStiffensUnderCompression() {
        HarmonicReference compressed = HarmonicReference.compute(FCC, TestCrystals.morseCopper(), -0.01, Double.NaN, new HessianCalculator());
        assertEquals(reference.volume() * Math.pow(0.99, 3), compressed.volume(), 1e-9);
        assertEquals(-0.01, compressed.constants(new double[0]).strain());
        assertTrue(compressed.omegaBar() > reference.omegaBar());
        assertTrue(compressed.harmonicFreeEnergy(1000) > reference.harmonicFreeEnergy(1000));
    }

    @Test
    void massesMustBeKnownAndPositive() {
        Structure noMass = FCC.withCellAndPositions(FCC.cell(), FCC.positions());
        Structure unknown = new Structure(noMass.cell(), noMass.positions(), noMass.types(), new double[] {Double.NaN});
        BadInputException e = assertThrows(BadInputException.class, () -> HarmonicReference.resolveMasses(unknown, Double.NaN));
        assertTrue(e.getMessage().contains("--mass"), e.getMessage());
        assertEquals(183.84, HarmonicReference.resolveMasses(unknown, 183.84).of(FCC.size() - 1));
        assertEquals(183.84, HarmonicReference.resolveMasses(unknown, 183.84).effectiveMass());
        assertThrows(BadInputException.class, () -> HarmonicReference.resolveMasses(FCC, -1));
        Structure negative = new Structure(noMass.cell(), noMass.positions(), noMass.types(), new double[] {-2});
        assertThrows(BadInputException.class, () -> HarmonicReference.resolveMasses(negative, Double.NaN));
        assertThrows(BadInputException.class, () -> reference.harmonicFreeEnergy(0));
    }
}
