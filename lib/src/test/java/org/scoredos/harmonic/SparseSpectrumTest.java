package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.TungstenFixtures;

/** The matrix-free constants and H^{-1/2} against the dense eigen-decomposition (tungsten SNAP). */
class SparseSpectrumTest {
    private static LinearSnapPotential snap;
    private static SparseHessian perfect;
    private static HarmonicModes perfectModes;

    @BeforeAll
    static void build() throws IOException {
        snap = TungstenFixtures.snap();
        perfect = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, TestCrystals.bcc(3.1803, 4, TestCrystals.W_MASS));
        perfectModes = HarmonicModes.of(perfect.toDense());
    }

    @Test
    void perfectLatticeConstantsAreExact() {
        SparseSpectrum s = SparseSpectrum.of(perfect);
        assertTrue(s.exact());
        assertEquals(perfectModes.stableModes(), s.stableModes());
        assertEquals(perfectModes.omegaBar(), s.omegaBar(), 1e-12 * perfectModes.omegaBar());
        assertEquals(perfectModes.meanLogNu(), s.meanLogNu(), 1e-8);
        double[] w = perfectModes.omegas();
        assertTrue(s.lowest() >= w[0] * (1 - 1e-9) && s.lowest() < w[0] * 1.01, s.lowest() + " vs " + w[0]);
        assertTrue(s.highest() <= w[w.length - 1] * (1 + 1e-9) && s.highest() > w[w.length - 1] * 0.999);
    }

    @Test
    void defectCellConstantsWithinTheirStatedError() {
        Structure vacancy = SparseHessianTest.vacancy(TestCrystals.bcc(3.1803, 4, TestCrystals.W_MASS), 0);
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, vacancy);
        HarmonicModes dense = HarmonicModes.of(h.toDense());
        SparseSpectrum s = SparseSpectrum.of(h);
        assertFalse(s.exact()); // 127 classes: random probes
        assertEquals(dense.omegaBar(), s.omegaBar(), 1e-12 * dense.omegaBar());
        assertTrue(s.meanLogNuError() > 0 && s.meanLogNuError() < 0.02, "error " + s.meanLogNuError()); // 32 probes, 127 atoms
        assertEquals(dense.meanLogNu(), s.meanLogNu(), 4 * s.meanLogNuError());
    }

    @Test
    void inverseSquareRootWithinItsTolerance() {
        SparseSpectrum s = SparseSpectrum.of(perfect);
        InverseSquareRoot p = s.inverseSquareRoot(1e-4);
        assertTrue(p.error() <= 1e-4 && p.degree() < 200, "degree " + p.degree() + ", error " + p.error());
        int n = perfect.dimension();
        SplittableRandom random = new SplittableRandom(2);
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = random.nextGaussian();
        SparseHessian.removeTranslation(g);
        double[] got = new double[n];
        p.apply(perfect, g, got);
        double[] want = new double[n];
        for (int l = 0; l < perfectModes.stableModes(); l++) {
            perfectModes.addMode(l, perfectModes.project(l, g) / Math.sqrt(perfectModes.omega(l)), want);
        }
        double err = 0, norm = 0;
        for (int k = 0; k < n; k++) {
            err += (got[k] - want[k]) * (got[k] - want[k]);
            norm += want[k] * want[k];
        }
        assertTrue(Math.sqrt(err / norm) < 1e-4, "relative error " + Math.sqrt(err / norm));
        // and the exact inverse square root is not the inverse
        assertTrue(Math.abs(Vectors.dot(got, g) - Vectors.dot(g, g) / perfectModes.omegaBar()) > 1e-3 * Vectors.dot(g, g) / perfectModes.omegaBar());
    }

    @Test
    void referenceWithExtraZeroModesIsRefused() {
        // atoms 10 Å apart, beyond the 4.7 Å cutoff: H = 0, every mode a zero mode
        Structure apart = TestCrystals.bcc(12.0, 1, TestCrystals.W_MASS);
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, false).compute(snap, apart);
        assertThrows(BadInputException.class, () -> HarmonicModes.of(h.toDense()));
        assertThrows(BadInputException.class, () -> SparseSpectrum.of(h));
    }
}
