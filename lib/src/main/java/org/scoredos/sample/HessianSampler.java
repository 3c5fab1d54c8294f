package org.scoredos.sample;

import java.util.SplittableRandom;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.InverseSquareRoot;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.potential.Potential;
import org.scoredos.summary.Conditioning;

/**
 * Uniform samples on the α hyper-ellipsoid uᵀHu = N e^α ω̄ of the reference Hessian
 * (method.md §2), two equivalent constructions:
 *
 * <ul>
 *   <li>dense (eigenbasis): g standard normal in the 3N Cartesian coordinates, c_l = v_l·g
 *       (standard normal in the M stable-mode coordinates), a_l = c_l/√ν_l · √(N e^α)/|c|,
 *       u = Σ_l a_l v_l;
 *   <li>sparse (matrix-free): g standard normal in the 3N − 3 dimensions orthogonal to the
 *       translations, z = p(H) g with p(λ) ≈ λ^{-1/2} ({@link InverseSquareRoot}), u = z ·
 *       √(N e^α ω̄ / zᵀHz).
 * </ul>
 *
 * Both are u = √(N e^α ω̄) H^{-1/2} g/|g| on the stable subspace (H^{-1/2} g = Σ_l g_l v_l/√ω_l),
 * so the direction of H^{1/2} u is uniform on the sphere and u uniform with respect to the
 * shell's measure; the sparse one rescales by the exact zᵀHz, so α(u) = α exactly whatever
 * the polynomial's error, which only bends the distribution by at most that relative error
 * per mode amplitude.
 *
 * <p>Both draw g in Cartesian coordinates, so u depends on H and g only, not on the basis an
 * eigensolver picks within a degenerate subspace: the same stream gives nearly the same
 * displacement pattern on the Hessians of neighbouring strains (common random numbers,
 * {@code CampaignCell#stream}).
 */
public final class HessianSampler implements IsosurfaceSampler {
    /** Largest relative error of p(λ)√λ over the spectrum for the matrix-free sampler. */
    public static final double INVERSE_SQRT_TOLERANCE = 1e-4;

    /** Uniform on the reference Hessian's isosurfaces: the estimator's constants are the Hessian's own. */
    public static final SamplerKind KIND = new SamplerKind() {
        private static final long serialVersionUID = 1L;

        @Override
        public String key() {
            return "hessian";
        }

        @Override
        public Conditioning conditioning() {
            return Conditioning.ISOSURFACE;
        }

        @Override
        public IsosurfaceSampler sampler(HarmonicReference reference, Potential potential, Dynamics md) {
            return new HessianSampler(reference);
        }
    };

    private final HarmonicReference reference;
    private final double[] invSqrtNu;           // dense
    private final InverseSquareRoot inverseSqrt; // sparse

    public HessianSampler(HarmonicReference reference) {
        this.reference = reference;
        if (reference.isSparse()) {
            invSqrtNu = null;
            inverseSqrt = reference.sparseSpectrum().inverseSquareRoot(INVERSE_SQRT_TOLERANCE);
        } else {
            HarmonicModes modes = reference.modes();
            invSqrtNu = new double[modes.stableModes()];
            for (int l = 0; l < invSqrtNu.length; l++) invSqrtNu[l] = 1.0 / StrictMath.sqrt(modes.nu(l));
            inverseSqrt = null;
        }
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
        return reference.isSparse() ? sparseDisplacement(alpha, random) : denseDisplacement(alpha, random);
    }

    private double[] denseDisplacement(double alpha, SplittableRandom random) {
        HarmonicModes modes = reference.modes();
        int m = modes.stableModes();
        double[] g = new double[modes.dimension()];
        SampleStreams.gaussians(random, g);
        double[] c = new double[m];
        double norm2 = 0;
        for (int l = 0; l < m; l++) {
            c[l] = modes.project(l, g);
            norm2 += c[l] * c[l];
        }
        double scale = StrictMath.sqrt(reference.atoms() * StrictMath.exp(alpha) / norm2);
        double[] u = new double[modes.dimension()];
        for (int l = 0; l < m; l++) {
            modes.addMode(l, c[l] * invSqrtNu[l] * scale, u);
        }
        return u;
    }

    private double[] sparseDisplacement(double alpha, SplittableRandom random) {
        SparseHessian h = reference.sparseHessian();
        double[] g = new double[h.dimension()];
        SampleStreams.gaussians(random, g);
        SparseHessian.removeTranslation(g);
        double[] u = new double[g.length];
        inverseSqrt.apply(h, g, u);
        double scale = StrictMath.sqrt(reference.atoms() * StrictMath.exp(alpha) * reference.omegaBar() / h.quadraticForm(u));
        for (int k = 0; k < u.length; k++) u[k] *= scale;
        return u;
    }

    /** α(u) = ln(Σ_l ν_l (v_l·u)² / N) = ln(uᵀHu / (ω̄ N)) of a displacement. */
    public double alphaOf(double[] u) {
        double weighted = reference.isSparse() ? reference.sparseHessian().quadraticForm(u) / reference.omegaBar()
                : reference.modes().weightedSquare(u);
        return StrictMath.log(weighted / reference.atoms());
    }
}
