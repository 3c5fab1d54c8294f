package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.EstimatorSettings;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.PhaseLoader;
import org.scoredos.estimate.StoredPhase;
import org.scoredos.io.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options every estimation command shares: the estimator mode, the error model and the
 * score models' basis and order (refitting at estimation time is cheap). Reading a phase and
 * making its estimator is lib's {@link PhaseLoader} and {@link StoredPhase}.
 */
final class PhaseModelOptions {
    static final String DEFAULT_BASIS = EstimatorSettings.DEFAULT_BASIS;
    static final int DEFAULT_ORDER = EstimatorSettings.DEFAULT_ORDER;

    @Option(names = "--mode", defaultValue = "smooth", paramLabel = "MODE",
            description = "smooth (continuous minimisation, exact gradient; default) or reference "
                    + "(the DescriptorDOS estimator exactly: bin grids, α grid, interpolated mean descriptor)")
    IsosurfaceEstimator.Mode mode;

    @Option(names = "--error-model", defaultValue = "calibrated", paramLabel = "MODEL",
            description = "calibrated (default: statistical error from the score fits' sampling covariance ⊕ systematic "
                    + "error from the spread over score orders p ± 1) or reference (the DescriptorDOS S ± δS bands)")
    ErrorModel errorModel;

    @Option(names = "--basis", paramLabel = "BASIS",
            description = "refit the score models in this basis: chebyshev, hermite or monomial (default: the stored fits, or chebyshev)")
    String basis;

    @Option(names = "--order", paramLabel = "N",
            description = "refit the score models with this polynomial order (default: the stored fits, or 7)")
    Integer order;

    /** The phase at {@code path}: a summary store directory, or a DescriptorDOS campaign exported to JSON (.json or .json.gz). */
    static StoredPhase read(Path path, String what) throws IOException {
        return PhaseLoader.read(path, what);
    }

    EstimatorSettings settings() {
        return new EstimatorSettings(mode, errorModel, basis, order);
    }

    /** The estimator of the phase at fixed volume, its score refits reported on stderr. */
    PhaseFreeEnergy estimator(StoredPhase phase, PrintWriter err) {
        return estimator(phase, err, null);
    }

    /** The estimator of the phase at pressure P (GPa; null: fixed volume), its score refits reported on stderr. */
    PhaseFreeEnergy estimator(StoredPhase phase, PrintWriter err, Double pressure) {
        try {
            return phase.estimator(settings().atPressure(pressure), line -> {
                err.println(line);
                err.flush();
            });
        } catch (BadInputException e) {
            // the refit's basis and order are these options: name them as the user typed them
            if (e.getMessage().startsWith("basis:") || e.getMessage().startsWith("order:")) throw new BadInputException("--" + e.getMessage());
            throw e;
        }
    }
}
