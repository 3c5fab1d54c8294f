package org.scoredos.cli.plot;

import org.scoredos.units.FreeEnergyConvention;

/** Every axis label of every plot, in one place, so units and convention wording agree across commands. */
public final class AxisLabels {
    public static final String TEMPERATURE = "T (K)";
    public static final String PRESSURE = "P (GPa)";
    /** F of one phase, relative to its lattice energy. */
    public static final String FREE_ENERGY = FreeEnergyConvention.AXIS_LABEL;
    /** F in meV/atom, as verify compares TI and DDOS. */
    public static final String FREE_ENERGY_MEV = "F − θ·D₀ (meV/atom, 3N modes)";
    /** A difference of two phases' θ·D₀ + F (or G at a pressure). */
    public static final String DELTA_F_MEV = "ΔF (meV/atom, 3N modes)";
    public static final String VOLUME = "V* (Å^3/atom)";
    public static final String TRANSITION_TEMPERATURE = "T_c (K)";
    public static final String DEFECT_FREE_ENERGY = "G_f (eV per defect, 3N modes per cell)";
    public static final String STEP = "step";
    public static final String MEMBERS = "members";

    private AxisLabels() {}
}
