package org.scoredos.units;

/**
 * LAMMPS "metal" units (eV, Å, amu, K, ps) and the physical constants the estimator uses.
 * The values are scipy's CODATA constants, as the reference implementation uses them, so that
 * free energies agree digit for digit.
 */
public final class Units {
    private Units() {}

    /** Boltzmann constant, eV/K. */
    public static final double KB = 8.617333262145179e-5;
    /** Reduced Planck constant, eV·ps. */
    public static final double HBAR = 6.582119569509067e-4;
    /** 1 eV/(amu·Å²) expressed in ps⁻²: converts force constants over masses to squared angular frequencies. */
    public static final double EV_PER_AMU_A2_IN_PS2 = 9648.533202185006;
    /** 1 eV/Å³ in GPa (exact from the SI elementary charge): turns virials over volumes into pressures. */
    public static final double GPA_PER_EV_PER_A3 = 160.2176634;
    /** Isosurface energy scale of the reference implementation: 1.5 k_B · 1000 K, eV. */
    public static final double U0 = 1.5 * KB * 1000.0;
}
