package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.StoreModel;

/**
 * A phase sampled at several volumes: the summary stores of a campaign's strains, read as one
 * object. It answers at a pressure ({@link GibbsEstimator}); without one it is refused, since it
 * has no single volume.
 */
public final class MultiVolumePhase implements StoredPhase {
    private final String name;
    private final List<PhaseSummary> volumes;
    private final VolumeReplicas replicas;

    /** {@code stores}: one isosurface summary per volume, in any order; the same element and descriptor. */
    public MultiVolumePhase(String name, List<PhaseSummary> stores) {
        this(name, stores, VolumeReplicas.NONE);
    }

    private MultiVolumePhase(String name, List<PhaseSummary> stores, VolumeReplicas replicas) {
        if (stores.size() < 2) throw new IllegalArgumentException("a multi-volume phase needs several volumes");
        List<PhaseSummary> sorted = new ArrayList<>(stores);
        sorted.sort(Comparator.comparingDouble(MultiVolumePhase::volumePerAtom));
        PhaseSummary first = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            PhaseSummary p = sorted.get(i);
            if (p.reference().components() != first.reference().components()) {
                throw new BadInputException(name + ": " + p.name() + " has " + p.reference().components() + " descriptor components, "
                        + first.name() + " " + first.reference().components());
            }
            if (p.model() != null && first.model() != null && !p.model().equals(first.model())) {
                throw new BadInputException(name + ": " + p.name() + " and " + first.name() + " were sampled for different models");
            }
            if (!(volumePerAtom(p) > volumePerAtom(sorted.get(i - 1)))) {
                throw new BadInputException(name + ": " + p.name() + " and " + sorted.get(i - 1).name() + " have the same volume");
            }
        }
        this.name = name;
        this.volumes = List.copyOf(sorted);
        this.replicas = replicas;
    }

    /**
     * The same phase with jackknife replicas of its volumes, read from {@code source} when an
     * estimator that uses them is made: the statistical error bars of G(P, T) and what follows
     * from it are then the replicas' spread, which counts the correlation between volumes
     * ({@link GibbsEstimator}).
     */
    public MultiVolumePhase withJackknife(VolumeReplicas source) {
        return new MultiVolumePhase(name, volumes, source);
    }

    /** V_0/N of a store's reference cell, Å³/atom. */
    static double volumePerAtom(PhaseSummary p) {
        return p.reference().volume() / p.reference().atoms();
    }

    /** The per-volume summaries, in increasing volume. */
    public List<PhaseSummary> volumes() {
        return volumes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StoreModel model() {
        return volumes.get(0).model();
    }

    @Override
    public int components() {
        return volumes.get(0).parameters();
    }

    @Override
    public GibbsEstimator estimator(EstimatorSettings settings, Consumer<String> progress) {
        if (settings.pressure() == null) {
            throw new BadInputException(name + ": sampled at " + volumes.size() + " volumes: give a pressure for G(P, T), "
                    + "or one strain's store for F at fixed volume");
        }
        if (volumes.size() < EquationOfState.MIN_VOLUMES) {
            throw new BadInputException(name + ": " + volumes.size() + " volumes; G(P, T) needs at least " + EquationOfState.MIN_VOLUMES
                    + " sampled strains (an equation of state with its fit residual)");
        }
        double[] perAtom = new double[volumes.size()];
        int reference = 0;
        for (int i = 0; i < volumes.size(); i++) {
            PhaseSummary p = volumes.get(i);
            perAtom[i] = volumePerAtom(p);
            if (Math.abs(p.reference().strain()) < Math.abs(volumes.get(reference).reference().strain())) reference = i;
        }
        List<IsosurfaceEstimator> estimators = estimators(volumes, settings, progress);
        List<List<IsosurfaceEstimator>> jackknife = new ArrayList<>();
        if (GibbsEstimator.usesReplicas(settings.errorModel())) {
            for (List<PhaseSummary> r : replicas(progress)) jackknife.add(estimators(r, settings, line -> { }));
        }
        return new GibbsEstimator(name, estimators, perAtom, reference, settings.pressure(), jackknife);
    }

    /** The source's replicas, each checked to hold every volume in {@link #volumes()}' order. */
    private List<List<PhaseSummary>> replicas(Consumer<String> progress) {
        List<List<PhaseSummary>> out = replicas.replicas(volumes, line -> progress.accept("warning: " + name + ": " + line));
        for (List<PhaseSummary> r : out) {
            if (r.size() != volumes.size()) throw new IllegalArgumentException("a replica of every volume");
            for (int i = 0; i < r.size(); i++) {
                if (volumePerAtom(r.get(i)) != volumePerAtom(volumes.get(i))) throw new IllegalArgumentException("replicas in the volumes' order");
            }
        }
        return out;
    }

    private static List<IsosurfaceEstimator> estimators(List<PhaseSummary> stores, EstimatorSettings settings, Consumer<String> progress) {
        List<IsosurfaceEstimator> out = new ArrayList<>(stores.size());
        for (PhaseSummary p : stores) out.add(new IsosurfacePhase(p).estimator(settings.atPressure(null), progress));
        return out;
    }
}
