package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/** Analytic forces against central finite differences of the energy. */
class SnapForcesTest {
    private static final double H = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"/w-snap/W-bcc.dat", "/w-snap/W-a15.dat"})
    void forcesAreMinusTheEnergyGradient(String file) throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        LinearSnapPotential w = LinearSnapPotential.of(p, SnapLammpsReferenceTest.wCoefficients(p));
        Structure s = TestStructures.rattled(TestStructures.resource(file), 0.15, 7);
        assertFiniteDifferences(w, s, 12, 11);
    }

    @Test
    void quadraticForcesAreMinusTheEnergyGradient() throws IOException {
        SnapParameters p = new SnapParameters(4.7, 0.99363, 4, 0.0, true, true, true, false);
        double[] beta = new double[1 + p.descriptorCount()];
        Random rng = new Random(3);
        for (int k = 0; k < beta.length; k++) beta[k] = 0.05 * rng.nextGaussian();
        LinearSnapPotential q = new LinearSnapPotential(SnapBispectrum.singleElement(p, 0.5, 1.0), new double[][] {beta});
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.15, 8);
        assertFiniteDifferences(q, s, 8, 12);
    }

    @Test
    void switchingOffInnerRadiusAndBnormStillGiveConsistentForces() throws IOException {
        SnapParameters p = new SnapParameters(4.7, 0.95, 6, 0.3, false, false, false, false, true);
        double[] beta = new double[1 + p.descriptorCount()];
        Random rng = new Random(4);
        for (int k = 0; k < beta.length; k++) beta[k] = 0.05 * rng.nextGaussian();
        LinearSnapPotential q = new LinearSnapPotential(SnapBispectrum.singleElement(p, 0.5, 0.7), new double[][] {beta});
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.15, 9);
        assertFiniteDifferences(q, s, 8, 13);
    }

    @Test
    void forcesSumToZero() throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        LinearSnapPotential w = LinearSnapPotential.of(p, SnapLammpsReferenceTest.wCoefficients(p));
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.2, 5);
        double[] f = new double[3 * s.size()];
        w.energyAndForces(s, f);
        for (int d = 0; d < 3; d++) {
            double sum = 0, norm = 0;
            for (int i = 0; i < s.size(); i++) {
                sum += f[3 * i + d];
                norm += Math.abs(f[3 * i + d]);
            }
            assertTrue(norm > 1, "displaced atoms feel forces");
            assertEquals(0, sum, 1e-10);
        }
    }

    static void assertFiniteDifferences(LinearSnapPotential pot, Structure s, int checks, long seed) {
        double[] f = new double[3 * s.size()];
        double e = pot.energyAndForces(s, f);
        assertEquals(pot.energy(s), e, 1e-9);
        Random rng = new Random(seed);
        double[] x = s.positions();
        for (int c = 0; c < checks; c++) {
            int k = rng.nextInt(x.length);
            double[] plus = x.clone(), minus = x.clone();
            plus[k] += H;
            minus[k] -= H;
            double fd = -(pot.energy(s.withPositions(plus)) - pot.energy(s.withPositions(minus))) / (2 * H);
            assertEquals(fd, f[k], 1e-6, "force component " + k);
        }
    }
}
