package org.scoredos.thermo;

/**
 * What one TI task returns: the block-averaged integrand ⟨U_model − U_harm⟩_λ per atom (eV)
 * with its standard error, at one temperature and λ node, and the kinetic temperature of the
 * trajectory (2⟨K⟩/((3N − 3) k_B), a thermostat check).
 */
public record LambdaSample(int index, int temperatureIndex, int node, double temperature, double lambda,
                           double meanDifference, double error, double kineticTemperature) {}
