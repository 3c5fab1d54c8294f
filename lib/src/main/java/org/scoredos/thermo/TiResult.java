package org.scoredos.thermo;

import org.scoredos.units.FreeEnergyConvention;

/**
 * The free energy of the model at one temperature from thermodynamic integration: F per atom,
 * eV, relative to the model's lattice energy (classical nuclei, the 3N − 3 internal degrees
 * of freedom, the same ħ and mass convention as the harmonic reference), its standard error
 * (statistical, propagated from the block errors of the λ nodes), the classical harmonic free
 * energy of the reference Hessian and the integrand at each λ node.
 */
public record TiResult(double temperature, double freeEnergy, double error, double harmonicFreeEnergy,
                       double[] lambdas, double[] integrand, double[] integrandErrors) {
    /**
     * The same result in the reported convention ({@link FreeEnergyConvention}): the TI sampled the
     * 3N − 3 internal modes (centre of mass fixed), the convention counts 3N, so the harmonic term
     * of the 3 centre-of-mass modes, F_harm/(N − 1), is added; the anharmonic part and the error
     * are unchanged. This is what a DDOS estimate is compared with.
     */
    public TiResult inShellConvention(int atoms) {
        if (atoms < 2) throw new IllegalArgumentException("the convention needs at least 2 atoms, got " + atoms);
        double shift = FreeEnergyConvention.centreOfMassTerm(harmonicFreeEnergy, atoms, 3 * atoms - 3);
        return new TiResult(temperature, freeEnergy + shift, error, harmonicFreeEnergy + shift, lambdas, integrand, integrandErrors);
    }

    /** F − F_harm per atom, eV: the anharmonic free energy (relative to the reference Hessian). */
    public double anharmonic() {
        return freeEnergy - harmonicFreeEnergy;
    }
}
