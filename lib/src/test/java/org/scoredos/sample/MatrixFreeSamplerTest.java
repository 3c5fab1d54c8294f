package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.structure.AtomMasses;

/**
 * The matrix-free (sparse) isosurface sampler against the dense eigenbasis one, same bcc W
 * SNAP reference: both exact on the shell, and the same distribution — the mean squared
 * displacement |u|² (whose exact mean is N e^α ω̄ ⟨1/ω⟩) and the energy share of the softest
 * and stiffest modes (exact mean 1/M) agree within sampling error.
 */
class MatrixFreeSamplerTest {
    private static HarmonicReference dense;
    private static HarmonicReference sparse;

    @BeforeAll
    static void build() throws IOException {
        Path dir = Path.of("src/test/resources/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        Structure bcc = TestCrystals.bcc(3.1803, 3, TestCrystals.W_MASS);
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, bcc);
        double e0 = snap.energy(bcc);
        dense = new HarmonicReference(bcc, AtomMasses.uniform(bcc.size(), TestCrystals.W_MASS), 0, e0, HarmonicModes.of(h.toDense()));
        sparse = new HarmonicReference(bcc, AtomMasses.uniform(bcc.size(), TestCrystals.W_MASS), 0, e0, h, SparseSpectrum.of(h));
    }

    @Test
    void sameConstantsAndAlphaMapping() {
        assertEquals(dense.omegaBar(), sparse.omegaBar(), 1e-12 * dense.omegaBar());
        assertEquals(dense.meanLogNu(), sparse.meanLogNu(), 1e-8);
        assertEquals(dense.stableModes(), sparse.stableModes());
        assertEquals(dense.alphaOfTau(1.3), sparse.alphaOfTau(1.3), 1e-10);
        assertEquals(dense.harmonicFreeEnergy(800), sparse.harmonicFreeEnergy(800), 1e-9);
    }

    @Test
    void sameDistributionOnTheShell() {
        HarmonicModes modes = dense.modes();
        int m = modes.stableModes();
        double alpha = dense.alphaOfTau(1);
        double shell = dense.atoms() * Math.exp(alpha) * dense.omegaBar();
        double invOmega = 0;
        for (int l = 0; l < m; l++) invOmega += 1 / modes.omega(l);
        double expectedU2 = shell * invOmega / m;
        int n = 4000;
        for (HarmonicReference ref : new HarmonicReference[] {dense, sparse}) {
            HessianSampler sampler = new HessianSampler(ref);
            double u2 = 0, u4 = 0, soft = 0, stiff = 0;
            ShardKey shard = new ShardKey(7, 0, 0);
            for (int i = 0; i < n; i++) {
                Snapshot s = sampler.sample(alpha, shard, i);
                assertEquals(alpha, s.alpha(), 1e-12, "on the shell");
                double[] u = sampler.displacement(alpha, SampleStreams.random(shard, i));
                assertEquals(Math.exp(alpha), dense.modes().weightedSquare(u) / dense.atoms(), Math.exp(alpha) * 1e-9);
                double q = 0;
                for (double x : u) q += x * x;
                u2 += q;
                u4 += q * q;
                double a0 = modes.project(0, u), a1 = modes.project(m - 1, u);
                soft += modes.omega(0) * a0 * a0 / shell;
                stiff += modes.omega(m - 1) * a1 * a1 / shell;
            }
            double mean = u2 / n, sd = Math.sqrt(u4 / n - mean * mean) / Math.sqrt(n);
            assertEquals(expectedU2, mean, 4 * sd, (ref.isSparse() ? "sparse" : "dense") + " ⟨|u|²⟩");
            // ν_l a_l² / (N e^α) = g_l²/|g|² ~ Beta(1/2, (M−1)/2): mean 1/M, variance 2(M−1)/(M²(M+2))
            double shareSd = Math.sqrt(2.0 * (m - 1) / ((double) m * m * (m + 2)) / n);
            assertEquals(1.0 / m, soft / n, 4 * shareSd, "softest mode's share");
            assertEquals(1.0 / m, stiff / n, 4 * shareSd, "stiffest mode's share");
        }
    }
}
