package org.scoredos.estimate;

import java.util.function.Consumer;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/**
 * A phase sampled at one volume on isosurfaces: one summary store or DescriptorDOS campaign. It
 * answers at fixed volume only; a pressure is refused.
 */
public record IsosurfacePhase(PhaseSummary summary) implements SingleStorePhase {
    @Override
    public IsosurfaceEstimator estimator(EstimatorSettings settings, Consumer<String> progress) {
        if (settings.pressure() != null) {
            throw new BadInputException(summary.name() + ": sampled at one volume (strain " + summary.reference().strain()
                    + "), so it has no pressure dependence: give a campaign with several strains for a pressure");
        }
        return IsosurfaceEstimator.of(settings.withScores(summary, progress), settings.mode(), settings.errorModel());
    }
}
