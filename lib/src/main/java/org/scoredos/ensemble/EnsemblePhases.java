package org.scoredos.ensemble;

import java.io.Serializable;
import org.scoredos.estimate.FreeEnergyEstimator;
import org.scoredos.summary.PhaseSummary;

/**
 * What every evaluator of an ensemble is built from: the phases' fitted summaries (one or two),
 * the estimator's mode and error model, and the temperature grid. Small and serializable, so a
 * Spark partition builds its estimators from it once and reuses them for all its members.
 */
public record EnsemblePhases(PhaseSummary[] phases, FreeEnergyEstimator.Mode mode, FreeEnergyEstimator.ErrorModel errorModel,
        double[] temperatures) implements Serializable {

    /** The phases without their model records (checked on the driver; executors only estimate). */
    public EnsemblePhases {
        phases = phases.clone();
        for (int p = 0; p < phases.length; p++) phases[p] = phases[p].withModel(null);
        temperatures = temperatures.clone();
    }

    /** A fresh evaluator: the estimators are prepared here (tens of ms per phase). */
    public EnsembleEvaluator evaluator() {
        FreeEnergyEstimator[] estimators = new FreeEnergyEstimator[phases.length];
        for (int p = 0; p < phases.length; p++) estimators[p] = FreeEnergyEstimator.of(phases[p], mode, errorModel);
        return new EnsembleEvaluator(temperatures, estimators);
    }
}
