package org.scoredos.estimate;

import java.util.function.Consumer;
import org.scoredos.summary.StoreModel;

/**
 * A phase read from disk ({@link PhaseLoader}), before it is made an estimator: enough to check
 * a θ against it, and the way to its {@link PhaseFreeEnergy}. One implementation per kind of
 * phase (one volume on isosurfaces, several volumes, MD snapshots).
 */
public interface StoredPhase {
    String name();

    /** The model (element, SNAP descriptor) the phase was sampled for, or null when its files do not record it. */
    StoreModel model();

    /** d, the number of parameters θ. */
    int components();

    /** The phase's estimator; score refits and other slow steps are reported to {@code progress}. */
    PhaseFreeEnergy estimator(EstimatorSettings settings, Consumer<String> progress);
}
