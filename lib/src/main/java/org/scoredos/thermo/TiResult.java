package org.scoredos.thermo;

/**
 * The free energy of the model at one temperature from thermodynamic integration: F per atom,
 * eV, relative to the model's lattice energy (classical nuclei, the 3N − 3 internal degrees
 * of freedom, the same ħ and mass convention as the harmonic reference), its standard error
 * (statistical, propagated from the block errors of the λ nodes), the classical harmonic free
 * energy of the reference Hessian and the integrand at each λ node.
 */
public record TiResult(double temperature, double freeEnergy, double error, double harmonicFreeEnergy,
                       double[] lambdas, double[] integrand, double[] integrandErrors) {
    /** F − F_harm per atom, eV: the anharmonic free energy (relative to the reference Hessian). */
    public double anharmonic() {
        return freeEnergy - harmonicFreeEnergy;
    }
}
