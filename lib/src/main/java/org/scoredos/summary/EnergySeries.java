package org.scoredos.summary;

import java.util.Arrays;
import org.scoredos.thermo.Blocking;

/**
 * The per-frame potential energies of one temperature's MD frames in time order, from which
 * ingestion makes the cell's {@link MdAverages}: ⟨U⟩/N from the frames' own energies when every
 * frame has one, else from θ_ref·D, with its error and the frames' effective count by
 * {@link Blocking} (MD frames are correlated).
 *
 * @param model θ_ref·D per frame, eV/atom, or null when θ_ref is unknown
 * @param files the frames' own energies per atom less β0 (the scale of θ_ref·D), eV/atom; NaN
 *              where a frame gives none; without θ_ref, per atom as given
 */
public record EnergySeries(double[] model, double[] files) implements java.io.Serializable {
    /** Per atom, the RMS disagreement of the frames' energies with θ_ref + β0 beyond which they are MD of another model. */
    public static final double CONSISTENT = 1e-6;

    public EnergySeries {
        if (model != null && model.length != files.length) throw new IllegalArgumentException("one model energy per frame");
    }

    /**
     * One file's series from its frames' descriptors and own energies (eV, whole cell; NaN: none)
     * for θ_ref (null: unknown) and its β0.
     */
    public static EnergySeries of(double[][] descriptors, double[] energies, int atoms, double[] thetaRef, double beta0) {
        double[] model = null;
        if (thetaRef != null) {
            model = new double[descriptors.length];
            for (int f = 0; f < model.length; f++) {
                for (int i = 0; i < thetaRef.length; i++) model[f] += thetaRef[i] * descriptors[f][i];
            }
        }
        double[] files = new double[energies.length];
        for (int f = 0; f < files.length; f++) files[f] = energies[f] / atoms - (thetaRef != null ? beta0 : 0);
        return new EnergySeries(model, files);
    }

    /** The series of several files, concatenated in the given order. */
    public static EnergySeries concat(java.util.List<EnergySeries> parts) {
        boolean known = parts.stream().allMatch(p -> p.model != null);
        return new EnergySeries(known ? parts.stream().map(EnergySeries::model).flatMapToDouble(Arrays::stream).toArray() : null,
                parts.stream().map(EnergySeries::files).flatMapToDouble(Arrays::stream).toArray());
    }

    /** Whether every frame has its own energy. */
    public boolean fromFiles() {
        return files.length > 0 && Arrays.stream(files).allMatch(Double::isFinite);
    }

    /** Whether some frames, but not all, have their own energy. */
    public boolean partial() {
        return !fromFiles() && Arrays.stream(files).anyMatch(Double::isFinite);
    }

    /** The RMS over frames of (own energy less β0) − θ_ref·D, eV/atom; NaN unless both are known. */
    public double disagreement() {
        if (model == null || !fromFiles()) return Double.NaN;
        double s = 0;
        for (int i = 0; i < files.length; i++) s += (files[i] - model[i]) * (files[i] - model[i]);
        return Math.sqrt(s / files.length);
    }

    /** The cell's MD averages at {@code temperature}: ⟨U⟩/N (NaN without θ_ref), its blocked error and the effective frames. */
    public MdAverages averages(double temperature) {
        int n = files.length;
        double[] series = fromFiles() ? files : model;
        if (series == null || n < 2) return new MdAverages(temperature, Double.NaN, Double.NaN, Double.NaN, false);
        Blocking b = Blocking.of(series);
        double effective = n / b.inefficiency();
        if (model == null) return new MdAverages(temperature, Double.NaN, Double.NaN, effective, false);
        return new MdAverages(temperature, b.mean(), b.error(), effective, fromFiles());
    }
}
