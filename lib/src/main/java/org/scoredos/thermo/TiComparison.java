package org.scoredos.thermo;

/**
 * A DDOS estimate against the TI ground truth at one temperature, all in eV/atom relative to
 * the lattice energy. The paper's claim is that the DDOS error bar bounds the true error; TI
 * knows the truth only to its own statistical error σ_TI, so the bar counts as covering the
 * difference when |F_DDOS − F_TI| ≤ δF_DDOS + 2σ_TI — a violation smaller than 2σ_TI could not
 * be told from TI noise.
 */
public record TiComparison(double temperature, double tiFreeEnergy, double tiError, double ddosFreeEnergy,
                           double ddosError) {
    /** How many TI standard errors the comparison allows on top of the DDOS error bar. */
    public static final double TI_SIGMAS = 2;

    public TiComparison {
        if (!(tiError >= 0) || !(ddosError >= 0)) throw new IllegalArgumentException("error bars must be ≥ 0");
    }

    /** Compares a DDOS estimate (F, error bar) with the TI result at its temperature. */
    public static TiComparison of(TiResult ti, double ddosFreeEnergy, double ddosError) {
        return new TiComparison(ti.temperature(), ti.freeEnergy(), ti.error(), ddosFreeEnergy, ddosError);
    }

    /** F_DDOS − F_TI, eV/atom. */
    public double difference() {
        return ddosFreeEnergy - tiFreeEnergy;
    }

    /** Whether the DDOS error bar covers the difference, given TI's own uncertainty. */
    public boolean covered() {
        return Math.abs(difference()) <= ddosError + TI_SIGMAS * tiError;
    }
}
