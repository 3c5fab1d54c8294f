package org.scoredos.estimate;

import org.scoredos.compression.CompressionSettings;
import java.util.function.Consumer;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;

/**
 * How stored summaries become an estimator: the isosurface estimator's mode, the error model,
 * the score models' basis and order when they are to be refitted (refitting at estimation
 * time is cheap), and the pressure for a phase sampled at several volumes.
 *
 * @param basis    refit in this basis (null: the stored fits' basis, or {@link #DEFAULT_BASIS})
 * @param order    refit with this order (null: the stored fits' order, or {@link #DEFAULT_ORDER})
 * @param pressure P in GPa: the Gibbs free energy G(P, T) of a multi-volume phase; null: the
 *                 Helmholtz free energy at the phase's one volume
 * @param md       θ_ref and anchors for stores of MD snapshots ({@link MdReference#NONE}: the stores' own)
 */
public record EstimatorSettings(IsosurfaceEstimator.Mode mode, ErrorModel errorModel, String basis, Integer order, Double pressure,
        MdReference md) implements java.io.Serializable {
    public static final String DEFAULT_BASIS = CompressionSettings.DEFAULT_BASIS;
    public static final int DEFAULT_ORDER = CompressionSettings.DEFAULT_ORDER;

    public EstimatorSettings {
        if (pressure != null && !Double.isFinite(pressure)) throw new BadInputException("pressure: must be finite, got " + pressure);
        if (md == null) md = MdReference.NONE;
    }

    /** At fixed volume. */
    public EstimatorSettings(IsosurfaceEstimator.Mode mode, ErrorModel errorModel, String basis, Integer order) {
        this(mode, errorModel, basis, order, null, MdReference.NONE);
    }

    /** At pressure P (GPa; null: fixed volume), the MD stores' own reference. */
    public EstimatorSettings(IsosurfaceEstimator.Mode mode, ErrorModel errorModel, String basis, Integer order, Double pressure) {
        this(mode, errorModel, basis, order, pressure, MdReference.NONE);
    }

    /** The same settings with what the user said about MD stores' reference model. */
    public EstimatorSettings withMd(MdReference reference) {
        return new EstimatorSettings(mode, errorModel, basis, order, pressure, reference);
    }

    /** Smooth mode, calibrated error model, the stored score fits, fixed volume. */
    public static EstimatorSettings defaults() {
        return new EstimatorSettings(IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.CALIBRATED, null, null, null);
    }

    /** The same settings at pressure P (GPa; null: fixed volume). */
    public EstimatorSettings atPressure(Double gigapascal) {
        return new EstimatorSettings(mode, errorModel, basis, order, gigapascal, md);
    }

    /**
     * The phase with its score models refitted when a basis or order is asked for or the store
     * has none, reporting the fit to {@code progress}; else the phase as stored.
     */
    public PhaseSummary withScores(PhaseSummary phase, Consumer<String> progress) {
        boolean fitted = phase.cells().stream().map(CellSummary::scores).allMatch(s -> s != null);
        if (basis == null && order == null && fitted) return phase;
        String b = basis != null ? basis : fitted ? phase.cells().get(0).scores().basis() : DEFAULT_BASIS;
        int o = order != null ? order : fitted && basis == null ? phase.cells().get(0).scores().order() : DEFAULT_ORDER;
        PolynomialBasis chosen = PolynomialBasis.of(b, o);
        progress.accept(String.format("%s: fitting %s order %d score models (%d cells × %d components)", phase.name(), chosen.name(), o,
                phase.cells().size(), phase.reference().components()));
        return new ScoreMatcher(chosen).fit(phase);
    }
}
