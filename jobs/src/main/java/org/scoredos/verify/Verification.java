package org.scoredos.verify;

import org.scoredos.thermo.TiComparison;
import org.scoredos.thermo.TiResult;

/**
 * One model at one temperature: F_TI ± σ against F_DDOS ± δ, eV/atom relative to the model's
 * lattice energy, F_TI in the estimator's 3N-degree-of-freedom convention
 * ({@link TiResult#inShellConvention}). Coverage is {@link TiComparison}'s; an estimate without
 * an error bar (NaN, too few samples to tell) covers nothing.
 */
public record Verification(int model, double temperature, double freeEnergyTi, double errorTi, double freeEnergy, double error) {
    public static Verification of(int model, TiResult ti, int atoms, double freeEnergy, double error) {
        TiResult same = ti.inShellConvention(atoms);
        return new Verification(model, same.temperature(), same.freeEnergy(), same.error(), freeEnergy, error);
    }

    /** F_DDOS − F_TI, eV/atom. */
    public double difference() {
        return freeEnergy - freeEnergyTi;
    }

    public boolean covered() {
        return error >= 0 && new TiComparison(temperature, freeEnergyTi, errorTi, freeEnergy, error).covered();
    }
}
