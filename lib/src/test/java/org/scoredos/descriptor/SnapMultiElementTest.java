package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.FeaturesAndForces;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/** Explicit multi-element bispectra (chemflag): reductions, forces and Jacobian against finite differences. */
class SnapMultiElementTest {
    private static final double[] RADII = {0.5, 0.42};
    private static final double[] WEIGHTS = {1.0, 0.7};

    private static SnapParameters chem(boolean wselfAll, boolean bnorm, boolean quadratic) {
        return new SnapParameters(4.7, 0.99363, 4, 0.0, true, quadratic, true, wselfAll, bnorm, true);
    }

    /** The 64-atom A15 cell, every third atom made type 2, rattled. */
    private static Structure binary(long seed) throws IOException {
        Structure a15 = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.15, seed);
        int[] types = new int[a15.size()];
        for (int i = 0; i < types.length; i++) types[i] = i % 3 == 0 ? 2 : 1;
        return new Structure(a15.cell(), a15.positions(), types, new double[] {183.84, 9.012});
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withOneSpeciesPresentTheOwnBlockIsThePlainBispectrum(boolean bnorm) throws IOException {
        Structure w = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.15, 41);
        SnapBispectrum plain = new SnapBispectrum(new SnapParameters(4.7, 0.99363, 4, 0.0, true, false, true, false, bnorm),
                RADII, WEIGHTS);
        SnapBispectrum multi = new SnapBispectrum(chem(false, bnorm, false), RADII, WEIGHTS);
        int nb = plain.bispectrumCount();
        assertEquals(8 * nb, multi.bispectrumCount());
        double[][] p = plain.perAtom(w), m = multi.perAtom(w);
        for (int i = 0; i < w.size(); i++) {
            for (int k = 0; k < nb; k++) assertEquals(p[i][k], m[i][k], 1e-12, "block 000, component " + k);
            // no type-2 neighbours and no self term on density 2: every other block vanishes
            for (int k = nb; k < 8 * nb; k++) assertEquals(0, m[i][k], 1e-12, "component " + k);
        }
    }

    @Test
    void likeAndUnlikeBlocksDifferInABinary() throws IOException {
        Structure s = binary(42);
        double[] d = new SnapBispectrum(chem(true, true, false), RADII, WEIGHTS).average(s);
        int nb = d.length / 8;
        double diff = 0;
        for (int k = 0; k < nb; k++) diff = Math.max(diff, Math.abs(d[k] - d[7 * nb + k]));
        assertTrue(diff > 1e-3, "the In-In-In and P-P-P blocks carry different information");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wselfall+bnorm", "own-self", "quadratic"})
    void forcesAreMinusTheEnergyGradient(String variant) throws IOException {
        SnapParameters p = chem(!variant.equals("own-self"), !variant.equals("own-self"), variant.equals("quadratic"));
        Random rng = new Random(variant.hashCode());
        double[][] beta = new double[2][1 + p.descriptorCount(2)];
        for (double[] b : beta) for (int k = 0; k < b.length; k++) b[k] = 0.05 * rng.nextGaussian();
        LinearSnapPotential pot = new LinearSnapPotential(new SnapBispectrum(p, RADII, WEIGHTS), beta);
        SnapForcesTest.assertFiniteDifferences(pot, binary(43), 8, 44);
    }

    /** One pass for Φ and the forces (ingest's mapped energies) gives what the two passes give, to the bit. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void featuresAndForcesFromOnePassAreTheFeaturesAndTheEvaluation(boolean quadratic) throws IOException {
        SnapParameters p = chem(true, true, quadratic);
        Random rng = new Random(quadratic ? 7 : 8);
        double[][] beta = new double[2][1 + p.descriptorCount(2)];
        for (double[] b : beta) for (int k = 0; k < b.length; k++) b[k] = 0.05 * rng.nextGaussian();
        LinearSnapPotential pot = new LinearSnapPotential(new SnapBispectrum(p, RADII, WEIGHTS), beta);
        Structure s = binary(45);
        FeaturesAndForces one = pot.featuresAndForces(s);
        Evaluation two = pot.evaluate(s, true, false);
        assertArrayEquals(pot.features(s), one.features(), 0.0);
        assertEquals(two.energy(), one.evaluation().energy(), 0.0);
        assertArrayEquals(two.forces(), one.evaluation().forces(), 0.0);
        assertTrue(one.evaluation().virial() == null, "no virial asked for");
        // and Φ is what the energy is linear in: E = N c·Φ + E₀
        double e = pot.offset(s);
        double[] c = pot.coefficients();
        for (int k = 0; k < c.length; k++) e += s.size() * c[k] * one.features()[k];
        assertEquals(two.energy(), e, 1e-9 * Math.abs(e));
    }

    @Test
    void jacobianMatchesFiniteDifferencesAndTheForces() throws IOException {
        SnapBispectrum b = new SnapBispectrum(chem(true, true, false), RADII, WEIGHTS);
        Structure s = binary(45);
        double[][] jac = b.averageJacobian(s);
        assertEquals(b.descriptorCount(), jac.length);
        Random rng = new Random(46);
        JacobianCheck.matchesFiniteDifferences(b, s, jac, rng, 3);
        // one θ for both elements: F = −N θ·∂D/∂x
        double[] theta = new double[b.descriptorCount() + 1];
        for (int k = 1; k < theta.length; k++) theta[k] = 0.05 * rng.nextGaussian();
        double[] f = new double[3 * s.size()];
        new LinearSnapPotential(b, new double[][] {theta, theta}).energyAndForces(s, f);
        for (int m = 0; m < f.length; m++) {
            double g = 0;
            for (int k = 0; k < jac.length; k++) g += theta[k + 1] * jac[k][m];
            assertEquals(f[m], -s.size() * g, 1e-10);
        }
    }
}
