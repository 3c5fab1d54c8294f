package org.scoredos.sample;

import java.util.SplittableRandom;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;

/**
 * Uniform samples on the α hyper-ellipsoid of the reference Hessian (method.md §2): g drawn
 * from a standard normal in the M stable-mode coordinates and normalised, a_l = g_l/√ν_l ·
 * √(N e^α)/|g|, u = Σ_l a_l v_l. Then Σ_l ν_l (v_l·u)² = N e^α exactly, and the direction
 * g/|g| is uniform on the sphere, so u is uniform with respect to the shell's measure.
 */
public final class HessianSampler implements IsosurfaceSampler {
    private final HarmonicReference reference;
    private final double[] invSqrtNu;

    public HessianSampler(HarmonicReference reference) {
        this.reference = reference;
        HarmonicModes modes = reference.modes();
        invSqrtNu = new double[modes.stableModes()];
        for (int l = 0; l < invSqrtNu.length; l++) invSqrtNu[l] = 1.0 / StrictMath.sqrt(modes.nu(l));
    }

    public HarmonicReference reference() {
        return reference;
    }

    @Override
    public Snapshot sample(double alpha, ShardKey shard, long index) {
        double[] u = displacement(alpha, SampleStreams.random(shard, index));
        return Snapshot.of(index, reference.structure(), u, alphaOf(u), reference.omegaBar());
    }

    /** A displacement u (flat 3N, Å) on the α shell drawn from {@code random}. */
    double[] displacement(double alpha, SplittableRandom random) {
        HarmonicModes modes = reference.modes();
        int m = modes.stableModes();
        double[] g = new double[m];
        SampleStreams.gaussians(random, g);
        double norm2 = 0;
        for (double x : g) norm2 += x * x;
        double scale = StrictMath.sqrt(reference.atoms() * StrictMath.exp(alpha) / norm2);
        double[] u = new double[modes.dimension()];
        for (int l = 0; l < m; l++) {
            modes.addMode(l, g[l] * invSqrtNu[l] * scale, u);
        }
        return u;
    }

    /** α(u) = ln(Σ_l ν_l (v_l·u)² / N) of a displacement. */
    public double alphaOf(double[] u) {
        return StrictMath.log(reference.modes().weightedSquare(u) / reference.atoms());
    }
}
