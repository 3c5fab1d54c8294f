package org.scoredos.campaign;

import java.util.List;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.sample.EinsteinSampler;
import org.scoredos.sample.HessianSampler;
import org.scoredos.sample.IsosurfaceSampler;
import org.scoredos.sample.ShardKey;
import org.scoredos.sample.Snapshot;

/**
 * The campaign's descriptors: isosurface samples of each phase's reference, described by SNAP.
 * Sample i of cell K is snapshot i − start of shard (seed, K, i / samplesPerShard), so it depends
 * on the seed, the cell and the index only. Rejected snapshots (atoms too close) are dropped.
 * The SNAP engine and the samplers are built lazily, once per executor (this object is
 * broadcast); both are immutable and thread-safe.
 */
final class SampledDescriptors implements SnapshotDescriptors {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final CampaignConfig.Sampler kind;
    private final List<String> descriptorParams;
    private final List<String> referenceParams;
    private final List<String> coefficients;
    private final List<PhaseReference> phases;
    private final int components;
    private transient volatile Engines engines;

    /** The executor-side machinery, built from the broadcast description. */
    private record Engines(SnapBispectrum snap, List<HarmonicReference> references, List<IsosurfaceSampler> samplers) {}

    SampledDescriptors(long seed, CampaignConfig.Sampler kind, List<String> descriptorParams, List<String> referenceParams,
            List<String> coefficients, List<PhaseReference> phases, int components) {
        this.seed = seed;
        this.kind = kind;
        this.descriptorParams = List.copyOf(descriptorParams);
        this.referenceParams = List.copyOf(referenceParams);
        this.coefficients = List.copyOf(coefficients);
        this.phases = List.copyOf(phases);
        this.components = components;
    }

    @Override
    public int components() {
        return components;
    }

    @Override
    public double[][] descriptors(CampaignCell cell, Shard shard) {
        Engines e = engines();
        double alpha = e.references().get(cell.phase()).alphaOfTau(cell.tau());
        ShardKey key = new ShardKey(seed, cell.index(), shard.index());
        List<Snapshot> snapshots = e.samplers().get(cell.phase()).sample(alpha, key, 0, shard.size());
        return snapshots.stream().filter(Snapshot::accepted).map(s -> e.snap().average(s.structure())).toArray(double[][]::new);
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
        SnapBispectrum snap = bispectrum(SnapParameterReader.parse("descriptor", descriptorParams),
                SnapCoefficientReader.parse("reference.coeff", coefficients, SnapParameterReader.parse("reference.params", referenceParams)));
        List<HarmonicReference> refs = phases.stream().map(PhaseReference::rebuild).toList();
        List<IsosurfaceSampler> samplers = refs.stream().map(this::sampler).toList();
        return new Engines(snap, refs, samplers);
    }

    /** The descriptor's SNAP engine, with the element radii and weights of the reference coefficients. */
    static SnapBispectrum bispectrum(SnapParameters descriptor, SnapCoefficients reference) {
        return new SnapBispectrum(descriptor, reference.radii(), reference.weights());
    }

    private IsosurfaceSampler sampler(HarmonicReference r) {
        return switch (kind) {
            case HESSIAN -> new HessianSampler(r);
            case EINSTEIN -> new EinsteinSampler(r.structure(), r.omegaBar());
            case KINETIC -> throw new IllegalStateException("the kinetic sampler is refused when the campaign is set up");
        };
    }
}
