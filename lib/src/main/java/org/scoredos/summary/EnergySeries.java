package org.scoredos.summary;

import java.util.Arrays;
import org.scoredos.thermo.Blocking;
import org.scoredos.units.Units;

/**
 * The per-frame potential energies of one temperature's MD frames in time order, from which
 * ingestion makes the cell's {@link MdAverages}: ⟨U⟩/N from θ_ref's harmonically mapped energies
 * when every frame has one (a crystal of θ_ref about a known lattice,
 * {@link org.scoredos.thermo.MappedEnergy}), else the frames' own energies when every frame has
 * one, else θ_ref·D, with its error and the frames' effective count by {@link Blocking} (MD frames
 * are correlated).
 *
 * @param model         θ_ref·D per frame, eV/atom, or null when θ_ref is unknown
 * @param files         the frames' own energies per atom less β0 (the scale of θ_ref·D), eV/atom; NaN
 *                      where a frame gives none; without θ_ref, per atom as given
 * @param mapped        θ_ref·D_0 + A/N per frame (A = U − U_0 + ½u·F of θ_ref), eV/atom, whose mean
 *                      is ⟨U⟩/N − (M/2N) k_B T exactly; null when not mapped
 * @param equipartition M/(2N), the modes' share of k_B T per atom that ⟨U⟩/N adds to the mapped mean
 */
public record EnergySeries(double[] model, double[] files, double[] mapped, double equipartition) implements java.io.Serializable {
    /** Per atom, the RMS disagreement of the frames' energies with θ_ref + β0 beyond which they are MD of another model. */
    public static final double CONSISTENT = 1e-6;

    public EnergySeries {
        if (model != null && model.length != files.length) throw new IllegalArgumentException("one model energy per frame");
        if (mapped != null && mapped.length != files.length) throw new IllegalArgumentException("one mapped energy per frame");
    }

    /**
     * One file's series from its frames' descriptors and own energies (eV, whole cell; NaN: none)
     * for θ_ref (null: unknown) and its β0, unmapped.
     */
    public static EnergySeries of(double[][] descriptors, double[] energies, int atoms, double[] thetaRef, double beta0) {
        return of(descriptors, energies, atoms, thetaRef, beta0, null, Double.NaN);
    }

    /**
     * As {@link #of(double[][], double[], int, double[], double)}, with θ_ref's mapped energies A per
     * frame (eV, whole cell; null: none) about a lattice of θ_ref·D_0 = {@code latticeEnergy} per atom.
     */
    public static EnergySeries of(double[][] descriptors, double[] energies, int atoms, double[] thetaRef, double beta0,
            double[] mappedEnergies, double latticeEnergy) {
        double[] model = null;
        if (thetaRef != null) {
            model = new double[descriptors.length];
            for (int f = 0; f < model.length; f++) {
                for (int i = 0; i < thetaRef.length; i++) model[f] += thetaRef[i] * descriptors[f][i];
            }
        }
        double[] files = new double[energies.length];
        for (int f = 0; f < files.length; f++) files[f] = energies[f] / atoms - (thetaRef != null ? beta0 : 0);
        double[] mapped = null;
        if (mappedEnergies != null && thetaRef != null) {
            mapped = new double[mappedEnergies.length];
            for (int f = 0; f < mapped.length; f++) mapped[f] = latticeEnergy + mappedEnergies[f] / atoms;
        }
        return new EnergySeries(model, files, mapped, (3.0 * atoms - 3) / (2.0 * atoms));
    }

    /** The series of several files, concatenated in the given order. */
    public static EnergySeries concat(java.util.List<EnergySeries> parts) {
        boolean known = parts.stream().allMatch(p -> p.model != null);
        boolean mapped = !parts.isEmpty() && parts.stream().allMatch(p -> p.mapped != null);
        return new EnergySeries(known ? parts.stream().map(EnergySeries::model).flatMapToDouble(Arrays::stream).toArray() : null,
                parts.stream().map(EnergySeries::files).flatMapToDouble(Arrays::stream).toArray(),
                mapped ? parts.stream().map(EnergySeries::mapped).flatMapToDouble(Arrays::stream).toArray() : null,
                parts.isEmpty() ? Double.NaN : parts.get(0).equipartition);
    }

    /** Whether ⟨U⟩ comes from the mapped energies: every frame has one, and the frames are MD of θ_ref (as far as their energies say). */
    public boolean mappable() {
        return mapped != null && model != null && !(disagreement() > CONSISTENT);
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

    /**
     * The cell's MD averages at {@code temperature}: ⟨U⟩/N (NaN without θ_ref), its blocked error and
     * the effective frames (those of the plain energy series: U's inefficiency stands in for every
     * projection's).
     */
    public MdAverages averages(double temperature) {
        int n = files.length;
        double[] series = fromFiles() ? files : model;
        if (series == null || n < 2) return new MdAverages(temperature, Double.NaN, Double.NaN, Double.NaN, false, false);
        Blocking b = Blocking.of(series);
        double effective = n / b.inefficiency();
        if (model == null) return new MdAverages(temperature, Double.NaN, Double.NaN, effective, false, false);
        if (mappable()) {
            Blocking m = Blocking.of(mapped);
            return new MdAverages(temperature, m.mean() + equipartition * Units.KB * temperature, m.error(), effective, false, true);
        }
        return new MdAverages(temperature, b.mean(), b.error(), effective, fromFiles(), false);
    }
}
