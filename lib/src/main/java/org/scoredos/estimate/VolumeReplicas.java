package org.scoredos.estimate;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.scoredos.summary.PhaseSummary;

/**
 * Where a {@link MultiVolumePhase}'s jackknife replicas come from (a campaign output's shards).
 * Asked only when a Gibbs estimator whose bars use them is made: reading the phase, refusing it
 * (no pressure) or estimating under the reference error model never reads them, and each
 * replica costs as much as the phase to read and fit. Serializable, as the phase is.
 */
@FunctionalInterface
public interface VolumeReplicas extends Serializable {
    /** No replicas: the bars are propagated. */
    VolumeReplicas NONE = (volumes, progress) -> List.of();

    /**
     * The jackknife replicas of {@code volumes}: each the volumes' summaries (in their order)
     * without one part of the samples that all volumes share; none when they cannot be made, and
     * then why, as one line on {@code progress}.
     */
    List<List<PhaseSummary>> replicas(List<PhaseSummary> volumes, Consumer<String> progress);
}
