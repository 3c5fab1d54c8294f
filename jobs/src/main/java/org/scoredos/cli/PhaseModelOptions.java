package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.List;
import org.scoredos.campaign.ShardJackknife;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.MdReference;
import org.scoredos.estimate.MultiVolumePhase;
import org.scoredos.estimate.EstimatorSettings;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.IsosurfacePhase;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.PhaseLoader;
import org.scoredos.estimate.StoredPhase;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;
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
            description = "smooth (continuous minimisation, exact gradient; default), local (smooth, with βF(α) a local "
                    + "quadratic through the cells near α* instead of one quintic over all cells: for defect formation "
                    + "free energies, see lib/docs/accuracy.md), integral (smooth, with each component's transform the 1-D "
                    + "integral of its fitted density at the store's N atoms instead of its large-N limit: for cells whose "
                    + "energy spreads over many k_BT on the shell, see lib/docs/models.md) or reference "
                    + "(the DescriptorDOS estimator exactly: bin grids, α grid, interpolated mean descriptor)")
    IsosurfaceEstimator.Mode mode;

    @Option(names = "--error-model", defaultValue = "calibrated", paramLabel = "MODEL",
            description = "calibrated (default: F corrected for the covariance the cells' fixed frames leave off the diagonal; "
                    + "error bar = statistical, the score fits' sampling covariance ⊕ that correction's noise; the systematic "
                    + "part, half the range of F over score orders p − 1, p, p + 1, reported beside it) or reference "
                    + "(the DescriptorDOS F and S ± δS bands)")
    ErrorModel errorModel;

    @Option(names = "--basis", paramLabel = "BASIS",
            description = "refit the score models in this basis: chebyshev, hermite or monomial (default: the stored fits, or chebyshev)")
    String basis;

    @Option(names = "--order", paramLabel = "N",
            description = "refit the score models with this polynomial order (default: the stored fits, or 7)")
    Integer order;

    @Option(names = "--reference-coeff", paramLabel = "FILE",
            description = "stores of MD snapshots (scoredos ingest): θ_ref, the model the MD ran with, as a single-element "
                    + ".snapcoeff or a list of the d numbers (default: the θ_ref ingest recorded from its --coeff); "
                    + "other stores ignore it")
    Path referenceCoeff;

    @Option(names = "--anchor", paramLabel = "[PHASE:]T0=F0",
            description = "stores of MD snapshots: the reference model's free energy F0 (eV/atom, relative to θ_ref·D_0, "
                    + "3N convention; absolute on the θ·D scale for a store without a lattice, e.g. a liquid) at T0 (K), from TI "
                    + "or a coexistence calculation. Default: a crystal's harmonic limit T → 0; a liquid without an anchor "
                    + "gives only F_θ − F_ref (difference mode). PHASE: the phase name of the store it anchors (ingest --name; repeatable)")
    List<String> anchors;

    @Option(names = "--hessian-cache", paramLabel = "DIR",
            description = "where model Hessians are kept, computed once: θ_ref's at a crystal MD store's lattice, verify's "
                    + "models' (default: ~/.cache/scoredos/hessians, as campaign)")
    Path hessianCache;

    /** --hessian-cache, or the default one campaigns share. */
    Path hessianCache() {
        return hessianCache != null ? hessianCache : CampaignCommand.defaultHessianCache();
    }

    /**
     * The phase at {@code path}: a summary store directory, or a DescriptorDOS campaign exported to
     * JSON (.json or .json.gz). A campaign output of several strains also brings its
     * leave-one-shard-out replicas, for error bars that count the correlation between volumes:
     * its shards are read when a Gibbs estimator under the calibrated error model is made
     * ({@link MultiVolumePhase#estimator}), not here.
     */
    StoredPhase read(Path path, String what) throws IOException {
        StoredPhase phase = PhaseLoader.read(path, what);
        return phase instanceof MultiVolumePhase several ? several.withJackknife(ShardJackknife.at(path)) : phase;
    }

    EstimatorSettings settings() {
        return new EstimatorSettings(mode, errorModel, basis, order);
    }

    /** The estimator of the phase at fixed volume, its score refits reported on stderr. */
    PhaseFreeEnergy estimator(StoredPhase phase, PrintWriter err) throws IOException {
        return estimator(phase, err, null);
    }

    /** The estimator of the phase at pressure P (GPa; null: fixed volume), its score refits reported on stderr. */
    PhaseFreeEnergy estimator(StoredPhase phase, PrintWriter err, Double pressure) throws IOException {
        EstimatorSettings settings = settings().atPressure(pressure).withMd(md(phase));
        return asOptions(() -> phase.estimator(settings, progress(err)));
    }

    /** --reference-coeff (read against the phase's descriptor) and --anchor. */
    private MdReference md(StoredPhase phase) throws IOException {
        double[] theta = referenceCoeff == null ? null : CoefficientFile.read(referenceCoeff, phase.components()).theta();
        List<MdReference.Anchor> parsed = anchors == null ? List.of() : anchors.stream().map(MdReference::parseAnchor).toList();
        return new MdReference(theta, parsed, hessianCache().toString());
    }

    /** The summaries of a one-volume phase with score models (stored, or refitted as these options ask), refits reported on stderr. */
    PhaseSummary withScores(IsosurfacePhase phase, PrintWriter err) {
        return asOptions(() -> settings().withScores(phase.summary(), progress(err)));
    }

    private static Consumer<String> progress(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** The refit's basis and order are these options: their errors name them as the user typed them. */
    private static <T> T asOptions(Supplier<T> work) {
        try {
            return work.get();
        } catch (BadInputException e) {
            if (e.getMessage().startsWith("basis:") || e.getMessage().startsWith("order:")) throw new BadInputException("--" + e.getMessage());
            throw e;
        }
    }

    /** The Gibbs free energy G(P, T) of a phase sampled at several volumes, at P (GPa). */
    GibbsEstimator gibbs(StoredPhase phase, PrintWriter err, double pressure) throws IOException {
        if (estimator(phase, err, pressure) instanceof GibbsEstimator g) return g;
        throw new BadInputException(phase.name() + ": has no Gibbs free energy at a pressure");
    }
}
