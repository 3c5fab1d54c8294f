package org.scoredos.thermo;

/**
 * The pressure of one NVT Langevin run of a model (λ = 1 of the TI engine), GPa, LAMMPS sign
 * (positive is compressive): ⟨P⟩ = (3N − 3) k_B T / (3V) + ⟨W_xx + W_yy + W_zz⟩ / (3V).
 *
 * <p>The kinetic part counts 3N − 3 degrees of freedom, not 3N: the integrator holds the
 * centre of mass fixed ({@link LangevinIntegrator}), so the cell's configurations live on
 * 3N − 3 internal coordinates and −∂F/∂V of that ensemble has (N − 1) k_B T / V where a free
 * centre of mass would give N k_B T / V. It is the exact equipartition value, not the noisy
 * instantaneous 2K/(3V); the measured kinetic pressure is kept beside it as a thermostat check.
 *
 * @param temperature             K
 * @param atoms                   N
 * @param volume                  cell volume, Å³
 * @param pressure                ⟨P⟩, GPa: kinetic plus virial
 * @param error                   standard error of ⟨P⟩ from block means, GPa (the kinetic part is exact)
 * @param kineticPressure         (3N − 3) k_B T / (3V), GPa
 * @param measuredKineticPressure 2⟨K⟩/(3V) of the run, GPa, and its block error
 * @param staticPressure          virial pressure of the starting lattice, GPa (what `energy --stress` prints for it)
 * @param blocks                  blocks of the error bar
 * @param steps                   MD steps run, equilibration included
 */
public record MdPressure(double temperature, int atoms, double volume, double pressure, double error,
                         double kineticPressure, double measuredKineticPressure, double measuredKineticError,
                         double staticPressure, int blocks, long steps) {

    /** ⟨W⟩/(3V), GPa: the potential's part of ⟨P⟩. */
    public double virialPressure() {
        return pressure - kineticPressure;
    }

    /**
     * ⟨P⟩ in the free-energy convention's count of 3N modes (FreeEnergyConvention), GPa: the
     * convention adds the harmonic free energy of the 3 centre-of-mass modes, F_harm/(N − 1),
     * whose −∂/∂V is the quasi-harmonic thermal pressure over N − 1, here ⟨P⟩ − P_static
     * (exact for a harmonic crystal, its anharmonic part divided by N − 1 otherwise). This is
     * the pressure whose zero is the V* of `estimate --pressure 0` on the same cell.
     */
    public double pressureIn3NConvention() {
        return pressure + (pressure - staticPressure) / (atoms - 1);
    }

    /** The error of {@link #pressureIn3NConvention}, GPa. */
    public double errorIn3NConvention() {
        return error * atoms / (atoms - 1);
    }
}
