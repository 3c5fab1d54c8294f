package org.scoredos.verify;

import org.scoredos.thermo.TiComparison;
import org.scoredos.thermo.TiResult;

/**
 * One model at one temperature: F_TI ± σ against F_DDOS ± δ, eV/atom relative to the model's
 * lattice energy. Coverage is {@link TiComparison}'s; an estimate without an error bar (NaN,
 * too few samples to tell) covers nothing.
 */
public record Verification(int model, double temperature, double freeEnergyTi, double errorTi, double freeEnergy, double error) {
    public static Verification of(int model, TiResult ti, double freeEnergy, double error) {
        return new Verification(model, ti.temperature(), ti.freeEnergy(), ti.error(), freeEnergy, error);
    }

    /** F_DDOS − F_TI, eV/atom. */
    public double difference() {
        return freeEnergy - freeEnergyTi;
    }

    public boolean covered() {
        return error >= 0 && new TiComparison(temperature, freeEnergyTi, errorTi, freeEnergy, error).covered();
    }
}
