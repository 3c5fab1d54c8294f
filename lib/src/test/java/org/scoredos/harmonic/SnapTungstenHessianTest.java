package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.thermo.TungstenFixtures;
import org.scoredos.structure.AtomMasses;

/** The reference of the bundled tungsten SNAP example: 128 atoms of bcc W. */
class SnapTungstenHessianTest {
    static final Path W_SNAP = Path.of("src/test/resources/w-snap");
    private static LinearSnapPotential snap;
    private static Structure bcc;
    private static Hessian hessian;
    private static HarmonicModes modes;
    private static double seconds;

    @BeforeAll
    static void build() throws IOException {
        snap = TungstenFixtures.snap();
        bcc = StructureFiles.read(W_SNAP.resolve("W-bcc.dat")).withMassByType(new double[] {TestCrystals.W_MASS});
        long t = System.nanoTime();
        hessian = new HessianCalculator().compute(snap, bcc);
        modes = HarmonicModes.of(hessian);
        seconds = (System.nanoTime() - t) / 1e9;
    }

    @Test
    void symmetricWithThreeZeroModesWithinThirtySeconds() {
        assertEquals(128, hessian.atoms());
        assertTrue(hessian.rawAsymmetry() < 1e-8, "raw asymmetry " + hessian.rawAsymmetry());
        assertEquals(3, modes.zeroModes());
        assertEquals(381, modes.stableModes());
        assertTrue(seconds < 30, "Hessian and modes took " + seconds + " s");
    }

    @Test
    void referenceConstantsCarryTheLatticeDescriptor() throws IOException {
        HarmonicReference reference = new HarmonicReference(bcc, AtomMasses.of(bcc), 0, snap.energy(bcc), modes);
        ReferenceConstants c = reference.constants(snap.bispectrum());
        assertEquals(55, c.components());
        // linear SNAP: E_0 = N (β0 + β·D_0)
        SnapParameters p = SnapParameterReader.read(W_SNAP.resolve("D.snapparam"));
        double[] beta = SnapCoefficientReader.read(W_SNAP.resolve("X_W.snapcoeff"), p).elements().get(0).coefficients();
        double e = beta[0];
        for (int k = 0; k < 55; k++) e += beta[k + 1] * c.d0()[k];
        assertEquals(reference.latticeEnergy(), 128 * e, 1e-9);
        assertEquals(-544.12179, reference.latticeEnergy(), 1e-5); // the LAMMPS example's energy
        assertEquals(Math.pow(12.742537224023346, 3), c.volume(), 1e-9);
    }

    @Test
    void eigenvaluesAgreeWithEnergyDifferences() {
        for (int l : new int[] {0, 190, modes.stableModes() - 1}) {
            double fd = HessianTest.energyCurvature(snap, bcc, modes.mode(l), 1e-3);
            assertEquals(modes.omega(l), fd, 1e-4 * modes.omega(l), "mode " + l);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < 2; t++) {
            double[] v = new double[hessian.dimension()];
            double norm = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = random.nextDouble() - 0.5;
                norm += v[k] * v[k];
            }
            for (int k = 0; k < v.length; k++) v[k] /= Math.sqrt(norm);
            double fd = HessianTest.energyCurvature(snap, bcc, v, 1e-3);
            assertEquals(hessian.quadraticForm(v), fd, 1e-4 * fd);
        }
    }
}
