package org.scoredos.units;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one convention every free energy ScoreDOS reports is in (lib/docs/accuracy.md, "Free-energy
 * convention"): F per atom, eV, relative to the model's lattice energy, classical nuclei, with
 * 3 degrees of freedom per atom — the mean over the 3N − 3 vibrational modes counted 3N times,
 * so the 3 centre-of-mass modes count as 3 average modes. For a harmonic crystal
 * F = 3 k_B T ⟨ln(ħΩ_l / k_B T)⟩, the form the isosurface entropy S_0 of method.md §4 gives
 * (its 3/2 per atom) and the per-atom thermodynamic limit a phonon mesh approaches.
 *
 * <p>A simulation with the centre of mass fixed (TI with fixed momentum) integrates only the
 * M = 3N − 3 internal modes: F_fixed = (k_B T/N) Σ_l ln(ħΩ_l/k_B T). The two differ by exactly
 * the harmonic term of the 3 centre-of-mass modes, (3N/M − 1)·F_harm,fixed = (3/N) k_B T
 * ⟨ln(ħΩ_l/k_B T)⟩ = F_harm,fixed/(N − 1); the anharmonic part is the same in both.
 */
public final class FreeEnergyConvention {
    /** Degrees of freedom per atom the convention counts. */
    public static final String MODES = "3N";
    public static final String CENTRE_OF_MASS = "free: its 3 modes count as the mean vibrational mode";
    public static final String ENERGY_ZERO = "the model's lattice energy (theta.D_0 per atom)";
    public static final String UNITS = "eV/atom, K";
    /** The y-axis label of every free-energy plot. */
    public static final String AXIS_LABEL = "F − θ·D₀ (eV/atom, 3N modes)";

    private FreeEnergyConvention() {}

    /**
     * The harmonic term of the 3 centre-of-mass modes: what turns a free energy of the M
     * internal modes of N atoms (centre of mass fixed) into this convention, for a crystal whose
     * internal harmonic free energy is {@code harmonicFixed} eV/atom: (3N/M − 1)·F_harm,fixed.
     */
    public static double centreOfMassTerm(double harmonicFixed, int atoms, int stableModes) {
        if (atoms < 2 || stableModes < 1) throw new IllegalArgumentException("need at least 2 atoms and 1 mode, got " + atoms + ", " + stableModes);
        // F·(3N − M)/M written as F/(M/(3N − M)): for M = 3N − 3 exactly F/(N − 1)
        return harmonicFixed / ((double) stableModes / (3 * atoms - stableModes));
    }

    /** A free energy with the centre of mass fixed ({@code fixed}), in this convention. */
    public static double fromCentreOfMassFixed(double fixed, double harmonicFixed, int atoms, int stableModes) {
        return fixed + centreOfMassTerm(harmonicFixed, atoms, stableModes);
    }

    /** The convention as the JSON outputs declare it: {@code "convention": {...}}. */
    public static Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modes", MODES);
        m.put("centreOfMass", CENTRE_OF_MASS);
        m.put("energyZero", ENERGY_ZERO);
        m.put("nuclei", "classical");
        m.put("units", UNITS);
        return m;
    }

    /** The first line of every CSV and text output (CSV readers skip lines starting with #). */
    public static String csvComment() {
        return comment(UNITS);
    }

    /** The same line for an output in other units (a table in meV/atom). */
    public static String comment(String units) {
        return "# convention: F per atom relative to " + ENERGY_ZERO + ", classical, " + MODES
                + " modes (centre of mass " + CENTRE_OF_MASS + "); units " + units;
    }
}
