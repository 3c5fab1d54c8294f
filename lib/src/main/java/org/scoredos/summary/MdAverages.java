package org.scoredos.summary;

/**
 * What MD at one temperature adds to a cell of MD snapshots (method.md §6): the temperature,
 * the mean potential energy of the reference model and how many independent frames the
 * correlated trajectory is worth.
 *
 * @param temperature      K
 * @param energy           ⟨U⟩/N of θ_ref, eV/atom on the scale of θ_ref·D (no β0): the frames'
 *                         own energies less β0 when the files carry them, else θ_ref·⟨D⟩; NaN when
 *                         unknown (no θ_ref at ingestion, or a store written before it was recorded)
 * @param energyError      the standard error of {@code energy} by blocking (correlated frames), eV/atom; NaN when unknown
 * @param effectiveSamples the frames' count divided by their statistical inefficiency (from the
 *                         blocking of the energy series): the sample size of any mean over the
 *                         cell; NaN when unknown (then the frames count as independent)
 * @param fromFiles        whether {@code energy} came from the frames' own energies
 * @param mapped           whether {@code energy} is θ_ref's harmonically mapped average
 *                         ({@link org.scoredos.thermo.MappedEnergy}: U − U_0 + ½u·F per frame, far less noisy)
 */
public record MdAverages(double temperature, double energy, double energyError, double effectiveSamples, boolean fromFiles,
        boolean mapped) implements java.io.Serializable {

    /** A cell of a store written before ⟨U⟩ was recorded: its temperature only. */
    public static MdAverages temperatureOnly(double temperature) {
        return new MdAverages(temperature, Double.NaN, Double.NaN, Double.NaN, false, false);
    }

    /** Whether ⟨U⟩ and its blocked error are known. */
    public boolean hasEnergy() {
        return Double.isFinite(energy) && energyError >= 0;
    }
}
