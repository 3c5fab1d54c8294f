package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scoredos.estimate.FreeEnergyEstimator;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;
import picocli.CommandLine.Option;

/**
 * The options every estimation command shares: the estimator mode and the score models'
 * basis and order (refitting at estimation time is cheap), and how a phase is loaded.
 */
final class PhaseModelOptions {
    @Option(names = "--mode", defaultValue = "smooth", paramLabel = "MODE",
            description = "smooth (continuous minimisation, exact gradient; default) or reference "
                    + "(the DescriptorDOS estimator exactly: bin grids, α grid, interpolated mean descriptor)")
    FreeEnergyEstimator.Mode mode;

    @Option(names = "--error-model", defaultValue = "calibrated", paramLabel = "MODEL",
            description = "calibrated (default: statistical error from the score fits' sampling covariance ⊕ systematic "
                    + "error from the spread over score orders p ± 1) or reference (the DescriptorDOS S ± δS bands)")
    FreeEnergyEstimator.ErrorModel errorModel;

    @Option(names = "--basis", paramLabel = "BASIS",
            description = "refit the score models in this basis: chebyshev, hermite or monomial (default: the stored fits, or "
                    + CompressionSettings.DEFAULT_BASIS + ")")
    String basis;

    @Option(names = "--order", paramLabel = "N",
            description = "refit the score models with this polynomial order (default: the stored fits, or "
                    + CompressionSettings.DEFAULT_ORDER + ")")
    Integer order;

    /**
     * The phase at {@code path}: a summary store directory, or a DescriptorDOS campaign exported
     * to JSON (.json or .json.gz).
     */
    static PhaseSummary read(Path path, String what) throws IOException {
        PhaseSummary phase = readWithMd(path, what);
        if (phase.conditioning() == Conditioning.TEMPERATURE) {
            throw new BadInputException(what + ": " + path + ": a temperature-conditioned store (from scoredos ingest); "
                    + "only estimate reads it so far (with --reference-coeff)");
        }
        return phase;
    }

    /** As {@link #read}, also accepting a temperature-conditioned store (MD snapshots, scoredos ingest). */
    static PhaseSummary readWithMd(Path path, String what) throws IOException {
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isRegularFile(path) && (file.endsWith(".json") || file.endsWith(".json.gz"))) {
            return DescriptorDosReader.read(path);
        }
        if (!Files.exists(path)) throw new BadInputException(what + ": " + path + ": no such summary store");
        PhaseSummary phase = SummaryStore.read(path);
        if (phase.conditioning() == Conditioning.ENERGY) {
            // its cells are labelled by trajectory energy, not α or a temperature: see the README on kinetic campaigns
            throw new BadInputException(what + ": " + path + ": an energy-conditioned store (from a kinetic campaign) is for "
                    + "inspection only; the free-energy estimators need isosurface- or temperature-conditioned summaries");
        }
        return phase;
    }

    /** The estimator of the phase, its score models refitted when asked for or missing. */
    FreeEnergyEstimator estimator(PhaseSummary phase, PrintWriter err) {
        return FreeEnergyEstimator.of(withScores(phase, err), mode, errorModel);
    }

    /** The phase, its score models refitted when asked for or missing. */
    PhaseSummary withScores(PhaseSummary phase, PrintWriter err) {
        boolean fitted = phase.cells().stream().map(CellSummary::scores).allMatch(s -> s != null);
        if (basis == null && order == null && fitted) return phase;
        String b = basis != null ? basis : fitted ? phase.cells().get(0).scores().basis() : CompressionSettings.DEFAULT_BASIS;
        int o = order != null ? order : fitted && basis == null ? phase.cells().get(0).scores().order() : CompressionSettings.DEFAULT_ORDER;
        PolynomialBasis chosen;
        try {
            chosen = PolynomialBasis.of(b, o);
        } catch (BadInputException e) {
            throw new BadInputException("--" + e.getMessage());
        }
        err.printf("%s: fitting %s order %d score models (%d cells × %d components)%n", phase.name(), chosen.name(), o,
                phase.cells().size(), phase.reference().components());
        err.flush();
        return new ScoreMatcher(chosen).fit(phase);
    }
}
