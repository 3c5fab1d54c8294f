package org.scoredos.campaign;

import java.util.List;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.SampledFeatures;
import org.scoredos.potential.LinearModel;
import org.scoredos.sample.IsosurfaceSampler;
import org.scoredos.sample.SamplerKind;
import org.scoredos.sample.SamplerKinds;
import org.scoredos.sample.ShardKey;
import org.scoredos.sample.Snapshot;
import org.scoredos.structure.Structure;

/**
 * The campaign's descriptors: isosurface samples of each phase's reference (or, for the kinetic
 * sampler, snapshots of one NVE trajectory per shard at the cell's target energy), described by
 * SNAP, followed by the reference model's fixed-term energies per atom ({@link SampledFeatures}). Sample i of cell K is snapshot i − start of shard (seed, K's stream, i / samplesPerShard),
 * so it depends on the seed, the cell's τ (its stream is the output's first cell at that τ: common
 * random numbers across strains) and the index only. Rejected snapshots (atoms too close) are dropped.
 * The SNAP engine and the samplers are built lazily, once per executor, from the model
 * description and descriptor settings this object carries as values (it is broadcast); both
 * are immutable and thread-safe.
 */
final class SampledDescriptors implements SnapshotDescriptors {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final String kind;
    private final SamplerKind.Dynamics md;
    private final SnapParameters descriptor;
    private final ModelDescription reference;
    private final List<PhaseReference> phases;
    private final int components;
    private transient volatile Engines engines;
    /**
     * The driver's own SNAP engine, when this object was made there: in local mode the executors
     * share the driver's JVM and a broadcast hands them this very object, so they use it instead of
     * building the same tables again. Not serialised: a remote executor builds its own. (The
     * references' modes are those {@link PhaseReference} carries, not the driver's reference's:
     * every output so far was sampled from them, and the driver's give samples that differ in their last bits.)
     */
    private final transient SampledFeatures driverFeatures;

    /** The executor-side machinery, built from the broadcast description. */
    private record Engines(SampledFeatures features, List<HarmonicReference> references, List<IsosurfaceSampler> samplers) {}

    /**
     * @param kind the sampler's registered name ({@link SamplerKinds})
     * @param md   the MD settings of a sampler that runs dynamics; null for the others
     * @param driverFeatures the engine the driver built from {@code reference} and {@code descriptor}; null: none
     */
    SampledDescriptors(long seed, String kind, SamplerKind.Dynamics md, SnapParameters descriptor,
            ModelDescription reference, List<PhaseReference> phases, int components, SampledFeatures driverFeatures) {
        SamplerKind sampler = SamplerKinds.named(kind);
        if (sampler == null) throw new IllegalArgumentException("no sampler named " + kind);
        if (sampler.runsDynamics() != (md != null)) throw new IllegalArgumentException("MD settings are for samplers that run dynamics");
        this.seed = seed;
        this.kind = kind;
        this.md = md;
        this.descriptor = descriptor;
        this.reference = reference;
        this.phases = List.copyOf(phases);
        this.components = components;
        this.driverFeatures = driverFeatures;
    }

    @Override
    public int components() {
        return components;
    }

    @Override
    public double[][] descriptors(CampaignCell cell, Shard shard) {
        return snapshots(cell, shard).stream().filter(Snapshot::accepted).map(s -> describe(s.structure())).toArray(double[][]::new);
    }

    /** The shard's snapshots in index order, rejected ones included (flagged): the sampling half of {@link #descriptors}. */
    List<Snapshot> snapshots(CampaignCell cell, Shard shard) {
        Engines e = engines();
        double alpha = e.references().get(cell.phase()).alphaOfTau(cell.tau());
        ShardKey key = new ShardKey(seed, cell.stream(), shard.index());
        return e.samplers().get(cell.phase()).sample(alpha, key, 0, shard.size());
    }

    /** The recorded vector of one snapshot: the describing half of {@link #descriptors}. */
    double[] describe(Structure snapshot) {
        return engines().features().of(snapshot);
    }

    private Engines engines() {
        Engines e = engines;
        if (e == null) {
            synchronized (this) {
                if (engines == null) engines = build();
                e = engines;
            }
        }
        return e;
    }

    private Engines build() {
        SampledFeatures features = driverFeatures != null ? driverFeatures : new SampledFeatures(reference, descriptor);
        List<HarmonicReference> refs = phases.stream().map(PhaseReference::rebuild).toList();
        SamplerKind sampler = SamplerKinds.named(kind);
        // the MD runs on the reference potential, the one whose Hessian is H
        LinearModel potential = sampler.runsDynamics() ? reference.model() : null;
        List<IsosurfaceSampler> samplers = refs.stream().map(r -> sampler.sampler(r, potential, md)).toList();
        return new Engines(features, refs, samplers);
    }
}
