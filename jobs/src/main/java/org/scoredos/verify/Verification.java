package org.scoredos.verify;

import org.scoredos.estimate.FreeEnergy;
import org.scoredos.thermo.TiComparison;
import org.scoredos.thermo.TiResult;

/**
 * One model at one temperature: F_TI ± σ against F_DDOS ± δ, eV/atom relative to the model's
 * lattice energy, F_TI in the estimator's 3N-degree-of-freedom convention
 * ({@link TiResult#inShellConvention}). Coverage is {@link TiComparison}'s; an estimate without
 * an error bar (NaN, too few samples to tell) covers nothing.
 */
public record Verification(int model, double temperature, double freeEnergyTi, double errorTi, double freeEnergy, double error,
        double statisticalError, double systematicError) {
    /** A row whose DDOS error bar is not split into parts (the reference error model). */
    public Verification(int model, double temperature, double freeEnergyTi, double errorTi, double freeEnergy, double error) {
        this(model, temperature, freeEnergyTi, errorTi, freeEnergy, error, Double.NaN, Double.NaN);
    }

    public static Verification of(int model, TiResult ti, int atoms, FreeEnergy ddos) {
        TiResult same = ti.inShellConvention(atoms);
        return of(model, same.freeEnergy(), same.error(), ddos);
    }

    /** A row from F_TI ± σ already in the estimator's convention (an earlier verify run's). */
    public static Verification of(int model, double freeEnergyTi, double errorTi, FreeEnergy ddos) {
        return new Verification(model, ddos.temperature(), freeEnergyTi, errorTi, ddos.freeEnergy(), ddos.error(),
                ddos.statisticalError(), ddos.systematicError());
    }

    /** F_DDOS − F_TI, eV/atom. */
    public double difference() {
        return freeEnergy - freeEnergyTi;
    }

    public boolean covered() {
        return error >= 0 && new TiComparison(temperature, freeEnergyTi, errorTi, freeEnergy, error).covered();
    }
}
