package org.scoredos.ensemble;

import java.io.Serializable;
import java.util.function.Consumer;
import org.scoredos.estimate.EstimatorSettings;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.StoredPhase;

/**
 * What every evaluator of an ensemble is built from: the phases as read (one or two), the
 * estimator settings and the temperature grid. Serializable, so a Spark partition builds its
 * estimators from it once and reuses them for all its members.
 */
public record EnsemblePhases(StoredPhase[] phases, EstimatorSettings settings, double[] temperatures) implements Serializable {
    public EnsemblePhases {
        phases = phases.clone();
        temperatures = temperatures.clone();
    }

    /** A fresh evaluator: the estimators are prepared here (score refits, if any, told to {@code progress}). */
    public EnsembleEvaluator evaluator(Consumer<String> progress) {
        PhaseFreeEnergy[] estimators = new PhaseFreeEnergy[phases.length];
        for (int p = 0; p < phases.length; p++) estimators[p] = phases[p].estimator(settings, progress);
        return new EnsembleEvaluator(temperatures, estimators);
    }
}
