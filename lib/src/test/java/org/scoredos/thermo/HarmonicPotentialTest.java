package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.MorsePotential;
import org.scoredos.structure.Structure;

class HarmonicPotentialTest {
    private static final Structure X0 = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static final MorsePotential MORSE = TestCrystals.morseCopper();
    private static final Hessian H = new HessianCalculator().compute(MORSE, X0);
    private static final HarmonicPotential HARMONIC = new HarmonicPotential(X0, H, MORSE.energy(X0));

    private static Structure displaced(double[] u) {
        double[] x = X0.positions();
        for (int k = 0; k < x.length; k++) x[k] += u[k];
        return X0.withPositions(x);
    }

    private static double[] random(long seed, double amplitude) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[3 * X0.size()];
        for (int k = 0; k < u.length; k++) u[k] = amplitude * (2 * r.nextDouble() - 1);
        return u;
    }

    @Test
    void latticeEnergyAtTheReferenceAndZeroForce() {
        double[] f = new double[3 * X0.size()];
        assertEquals(MORSE.energy(X0), HARMONIC.energyAndForces(X0, f), 1e-12);
        for (double v : f) assertEquals(0, v, 1e-15);
    }

    @Test
    void energyIsTheQuadraticFormAndForcesItsGradient() {
        double[] u = random(3, 0.05);
        Structure s = displaced(u);
        double[] f = new double[u.length];
        double e = HARMONIC.energyAndForces(s, f);
        assertEquals(HARMONIC.latticeEnergy() + 0.5 * H.quadraticForm(u), e, 1e-10);
        double step = 1e-5;
        for (int k : new int[] {0, 7, 20, 47}) {
            double[] up = u.clone(), um = u.clone();
            up[k] += step;
            um[k] -= step;
            double fd = -(HARMONIC.energy(displaced(up)) - HARMONIC.energy(displaced(um))) / (2 * step);
            assertEquals(fd, f[k], 1e-7);
        }
    }

    @Test
    void matchesTheMorseModelToSecondOrder() {
        double[] u = random(5, 1e-3);
        double exact = MORSE.energy(displaced(u)) - MORSE.energy(X0);
        double quadratic = HARMONIC.energy(displaced(u)) - HARMONIC.latticeEnergy();
        assertEquals(exact, quadratic, 1e-3 * Math.abs(exact));
    }

    @Test
    void rigidTranslationsAndPeriodicImagesCostNothing() {
        double[] u = random(7, 0.05);
        double e = HARMONIC.energy(displaced(u));
        double[] shifted = u.clone();
        for (int k = 0; k < shifted.length; k++) shifted[k] += 0.3 * (k % 3 + 1);
        assertEquals(e, HARMONIC.energy(displaced(shifted)), 1e-9);
        double[] imaged = u.clone();
        imaged[0] += X0.cell().matrix()[0][0]; // atom 0 one cell over: the same configuration
        assertEquals(e, HARMONIC.energy(displaced(imaged)), 1e-9);
        double[] f = new double[u.length];
        HARMONIC.energyAndForces(displaced(u), f);
        for (int d = 0; d < 3; d++) {
            double total = 0;
            for (int i = 0; i < X0.size(); i++) total += f[3 * i + d];
            assertEquals(0, total, 1e-12, "total force");
        }
    }

    @Test
    void cutoffIsTheRangeOfTheCouplings() {
        // the sum rule couples every pair a little, so the range is the farthest nearest image in the cell
        assertTrue(HARMONIC.cutoff() > 2.5 && HARMONIC.cutoff() <= Math.sqrt(3) * 3.61 + 1e-9, "cutoff " + HARMONIC.cutoff());
    }
}
