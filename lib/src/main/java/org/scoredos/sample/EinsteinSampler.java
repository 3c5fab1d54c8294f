package org.scoredos.sample;

import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.ReferenceConstants;

/**
 * Isotropic samples (ν_l = 1, no Hessian needed): u uniform on the sphere Σ_k u_k² = N e^α
 * within the 3N − 3 dimensional subspace orthogonal to rigid translations. Removing the
 * centre-of-mass translation keeps the lattice from drifting as a whole, which would change
 * nothing physical but would waste three of the shell's dimensions; it makes M = 3N − 3 and
 * ⟨ln ν⟩ = 0 for the isosurface entropy, exactly as a perfect crystal's Hessian reference.
 * The metric's ω̄ (eV/Å², an Einstein spring constant) only labels shells: H_e = ½ ω̄ e^α.
 */
public final class EinsteinSampler implements IsosurfaceSampler {
    /** Isotropic shells: ⟨ln ν⟩ = 0 over 3N − 3 modes, with the Hessian's ω̄ as spring constant. */
    public static final SamplerKind KIND = new SamplerKind() {
        private static final long serialVersionUID = 1L;

        @Override
        public String key() {
            return "einstein";
        }

        @Override
        public Conditioning conditioning() {
            return Conditioning.ISOSURFACE;
        }

        @Override
        public ReferenceConstants constants(HarmonicReference reference, double[] d0) {
            ReferenceConstants h = reference.constants(d0);
            return new ReferenceConstants(h.atoms(), h.mass(), h.volume(), h.d0(), h.omegaBar(), 0.0, 3 * h.atoms() - 3,
                    h.u0(), h.strain(), h.cell(), h.positions());
        }

        @Override
        public IsosurfaceSampler sampler(HarmonicReference reference, Potential potential, Dynamics md) {
            return new EinsteinSampler(reference.structure(), reference.omegaBar());
        }
    };

    private final Structure reference;
    private final double omegaBar;

    /**
     * @param reference the lattice X_0 (one mass for all atoms)
     * @param omegaBar  the Einstein spring constant that maps α to H_e and τ, eV/Å²
     */
    public EinsteinSampler(Structure reference, double omegaBar) {
        if (!(omegaBar > 0) || !Double.isFinite(omegaBar)) {
            throw new IllegalArgumentException("Einstein spring constant must be positive, got " + omegaBar);
        }
        if (reference.size() < 2) throw new IllegalArgumentException("the Einstein sampler needs at least 2 atoms");
        this.reference = reference;
        this.omegaBar = omegaBar;
    }

    @Override
    public Snapshot sample(double alpha, ShardKey shard, long index) {
        int n = reference.size();
        double[] u = new double[3 * n];
        SampleStreams.gaussians(SampleStreams.random(shard, index), u);
        // Project out the rigid translation: subtract the mean displacement along x, y and z.
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += u[3 * i + d];
            mean /= n;
            for (int i = 0; i < n; i++) u[3 * i + d] -= mean;
        }
        double norm2 = 0;
        for (double x : u) norm2 += x * x;
        double scale = StrictMath.sqrt(n * StrictMath.exp(alpha) / norm2);
        double sq = 0;
        for (int k = 0; k < u.length; k++) {
            u[k] *= scale;
            sq += u[k] * u[k];
        }
        return Snapshot.of(index, reference, u, StrictMath.log(sq / n), omegaBar);
    }
}
