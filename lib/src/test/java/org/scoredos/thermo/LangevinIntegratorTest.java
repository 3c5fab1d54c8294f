package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.MorsePotential;
import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;
import org.scoredos.structure.AtomMasses;

class LangevinIntegratorTest {
    private static final Structure X0 = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static final MorsePotential MORSE = TestCrystals.morseCopper();
    private static final int DOF = 3 * X0.size() - 3;

    private static LangevinIntegrator md(Potential p, double t, double dt, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = LangevinIntegrator.thermalVelocities(AtomMasses.of(X0), t, r);
        return new LangevinIntegrator(p::energyAndForces, X0, v, AtomMasses.of(X0), dt, 5.0, t, r);
    }

    /** Block average of a quantity every 5 steps over {@code samples} samples. */
    private static BlockAverage average(LangevinIntegrator md, int samples, java.util.function.ToDoubleFunction<LangevinIntegrator> q) {
        double[] s = new double[samples];
        for (int k = 0; k < samples; k++) {
            md.run(5);
            s[k] = q.applyAsDouble(md);
        }
        return BlockAverage.of(s, samples, 20);
    }

    private static HarmonicPotential harmonic() {
        return new HarmonicPotential(X0, new HessianCalculator().compute(MORSE, X0), MORSE.energy(X0));
    }

    @Test
    void kineticEnergyIsEquipartitionOverTheInternalDegreesOfFreedom() {
        double t = 1000;
        double expected = 0.5 * DOF * Units.KB * t;
        LangevinIntegrator anharmonic = md(MORSE, t, 0.002, 11);
        anharmonic.run(300);
        BlockAverage k = average(anharmonic, 1000, LangevinIntegrator::kineticEnergy);
        assertTrue(Math.abs(k.mean() - expected) < 4 * k.error(), k + " vs " + expected);
        assertTrue(k.error() < 0.02 * expected, "error bar " + k.error());
        // a long run of the cheap harmonic model tells 3N − 3 from 3N: the centre of mass is fixed
        LangevinIntegrator quadratic = md(harmonic(), t, 0.002, 12);
        quadratic.run(500);
        BlockAverage kh = average(quadratic, 12000, LangevinIntegrator::kineticEnergy);
        assertTrue(Math.abs(kh.mean() - expected) < 4 * kh.error(), kh + " vs " + expected);
        assertTrue(Math.abs(kh.mean() - 0.5 * 3 * X0.size() * Units.KB * t) > 6 * kh.error(), kh + " is 3N/2 k_B T");
    }

    @Test
    void harmonicConfigurationsAreSampledExactlyEvenAtALargeStep() {
        // BAOAB's configurational distribution is exact for a harmonic system: ⟨U − E_0⟩ = (3N − 3) k_B T / 2
        double t = 2000;
        HarmonicPotential h = harmonic();
        LangevinIntegrator md = md(h, t, 0.008, 12);
        md.run(500);
        BlockAverage u = average(md, 8000, m -> m.potentialEnergy() - h.latticeEnergy());
        double expected = 0.5 * DOF * Units.KB * t;
        assertTrue(Math.abs(u.mean() - expected) < 4 * u.error(), u + " vs " + expected);
        assertTrue(u.error() < 0.02 * expected, "error bar " + u.error());
    }

    @Test
    void centreOfMassStaysFixedAndTotalMomentumZero() {
        LangevinIntegrator md = md(MORSE, 1500, 0.002, 13);
        double[] com0 = com(X0.positions());
        md.run(300);
        double[] com = com(md.positions());
        for (int d = 0; d < 3; d++) assertEquals(com0[d], com[d], 1e-10);
        double[] p = com(md.velocities());
        for (int d = 0; d < 3; d++) assertEquals(0, p[d], 1e-12);
    }

    @Test
    void sameStreamSameTrajectoryBitForBit() {
        LangevinIntegrator a = md(MORSE, 800, 0.002, 14);
        LangevinIntegrator b = md(MORSE, 800, 0.002, 14);
        a.run(100);
        b.run(100);
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.velocities(), b.velocities());
        assertEquals(100, a.steps());
    }

    private static double[] com(double[] x) {
        double[] c = new double[3];
        int n = x.length / 3;
        for (int i = 0; i < n; i++) for (int d = 0; d < 3; d++) c[d] += x[3 * i + d] / n;
        return c;
    }
}
