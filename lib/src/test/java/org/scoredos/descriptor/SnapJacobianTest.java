package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/** The descriptor Jacobian ∂D/∂x against finite differences and against the forces. */
class SnapJacobianTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void jacobianMatchesFiniteDifferencesOfTheAverage(boolean bnorm) throws IOException {
        SnapBispectrum b = SnapBispectrum.singleElement(
                new SnapParameters(4.7, 0.99363, 6, 0.0, true, true, true, false, bnorm), 0.5, 1);
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.15, 31);
        double[][] jac = b.averageJacobian(s);
        assertEquals(b.descriptorCount(), jac.length);
        JacobianCheck.matchesFiniteDifferences(b, s, jac, new Random(2), 4);
    }

    @Test
    void forcesAreMinusNThetaDotJacobian() throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        SnapCoefficients c = SnapLammpsReferenceTest.wCoefficients(p);
        LinearSnapPotential w = LinearSnapPotential.of(p, c);
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-bcc.dat"), 0.1, 32);
        double[] f = new double[3 * s.size()];
        w.energyAndForces(s, f);
        double[][] jac = w.bispectrum().averageJacobian(s);
        double[] theta = c.element(1).linear();
        for (int m = 0; m < f.length; m++) {
            double g = 0;
            for (int k = 0; k < theta.length; k++) g += theta[k] * jac[k][m];
            assertEquals(f[m], -s.size() * g, 1e-10);
        }
    }
}
