package org.scoredos.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.Potential;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.ReferenceConstants;

/**
 * Snapshots of constant-energy MD with the model's own forces (method.md §2, "Kinetic"). The
 * cell's α sets the target total energy E_0 + N ω̄ e^α — twice the harmonic energy of the α
 * shell, as equipartition gives at T = H_e/(1.5 k_B). Each shard is one trajectory: it starts
 * on the α shell of the Hessian (stream index 0 of the shard), with random velocities (no
 * centre-of-mass motion) carrying the rest of the target energy, runs {@code equilibration}
 * steps, and snapshot j is the state {@code (j+1)·stride} steps later. Snapshots report the
 * Hessian α of their displacement, so they can be binned like isosurface samples.
 */
public final class KineticSampler implements IsosurfaceSampler {
    /**
     * Constant-energy MD on the reference potential (the one whose Hessian is H): cells are
     * labelled by their target energy, and snapshots, wandering off the shell that set it, have no α.
     */
    public static final SamplerKind KIND = new SamplerKind() {
        private static final long serialVersionUID = 1L;

        @Override
        public String key() {
            return "kinetic";
        }

        @Override
        public Conditioning conditioning() {
            return Conditioning.ENERGY;
        }

        @Override
        public boolean runsDynamics() {
            return true;
        }

        @Override
        public double alpha(ReferenceConstants constants, double tau) {
            return Double.NaN;
        }

        @Override
        public IsosurfaceSampler sampler(HarmonicReference reference, Potential potential, Dynamics md) {
            return new KineticSampler(reference, potential, md.timestep(), md.stride(), md.equilibration());
        }
    };

    private final HarmonicReference reference;
    private final Potential potential;
    private final HessianSampler start;
    private final double timestep;
    private final int stride;
    private final int equilibration;

    /**
     * @param timestep      ps
     * @param stride        k: steps between snapshots
     * @param equilibration steps run before snapshot 0's stride
     */
    public KineticSampler(HarmonicReference reference, Potential potential, double timestep, int stride, int equilibration) {
        if (!(timestep > 0) || stride < 1 || equilibration < 0) {
            throw new IllegalArgumentException("kinetic sampler needs timestep > 0, stride ≥ 1, equilibration ≥ 0");
        }
        if (!Double.isFinite(reference.latticeEnergy())) {
            throw new IllegalArgumentException("the kinetic sampler needs the reference's lattice energy under its potential"
                    + " (a reference imported from a dynamical matrix has none)");
        }
        this.reference = reference;
        this.potential = potential;
        this.start = new HessianSampler(reference);
        this.timestep = timestep;
        this.stride = stride;
        this.equilibration = equilibration;
    }

    /** Target total energy of the α cell, eV (whole cell). */
    public double targetEnergy(double alpha) {
        return reference.latticeEnergy() + 2 * reference.atoms() * reference.harmonicEnergy(alpha);
    }

    /** Snapshot {@code index}: runs the shard's trajectory from its start (use the range form for many). */
    @Override
    public Snapshot sample(double alpha, ShardKey shard, long index) {
        return sample(alpha, shard, index, 1).get(0);
    }

    @Override
    public List<Snapshot> sample(double alpha, ShardKey shard, long first, int count) {
        VelocityVerlet md = trajectory(alpha, shard);
        md.run(equilibration);
        List<Snapshot> out = new ArrayList<>(count);
        for (long j = 0; j < first + count; j++) {
            md.run(stride);
            if (j >= first) out.add(snapshot(j, md));
        }
        return out;
    }

    /** The shard's trajectory at time 0, on target energy {@link #targetEnergy(double)}. */
    public VelocityVerlet trajectory(double alpha, ShardKey shard) {
        SplittableRandom random = SampleStreams.random(shard, 0);
        Structure x0 = reference.structure();
        double[] u = start.displacement(alpha, random);
        double[] x = x0.positions();
        for (int k = 0; k < x.length; k++) x[k] += u[k];
        Structure s = x0.withPositions(x);
        double kinetic = targetEnergy(alpha) - potential.energy(Displacements.wrapped(s));
        if (!(kinetic > 0)) {
            throw new BadInputException(String.format("kinetic sampler: at α = %.4g the starting configuration's potential energy"
                    + " exceeds the target energy by %.4g eV; the shell is too anharmonic", alpha, -kinetic));
        }
        int n = reference.atoms();
        double[] v = new double[3 * n];
        SampleStreams.gaussians(random, v);
        AtomMasses masses = reference.masses();
        masses.projectWeighted(v); // the direction of thermal velocities: √m_i v_i isotropic, total momentum 0
        masses.unweight(v);
        double scale = StrictMath.sqrt(kinetic / masses.kineticEnergy(v));
        for (int k = 0; k < v.length; k++) v[k] *= scale;
        return new VelocityVerlet(potential, s, v, masses, timestep);
    }

    private Snapshot snapshot(long index, VelocityVerlet md) {
        double[] x = md.positions();
        double[] x0 = reference.structure().positions();
        for (int k = 0; k < x.length; k++) x[k] -= x0[k];
        return Snapshot.of(index, reference.structure(), x, start.alphaOf(x), reference.omegaBar());
    }
}
