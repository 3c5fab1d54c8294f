package org.scoredos.sample;

import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * One sampled configuration and what was measured on it.
 *
 * @param index                    the sample index within its shard
 * @param structure                the displaced configuration, positions wrapped into the cell
 * @param alpha                    α of the displacement in the sampler's own metric, ln Å²
 * @param tau                      τ = H_e/U_0
 * @param harmonicEnergy           H_e = ½ ω̄ e^α, harmonic energy per atom, eV
 * @param equipartitionTemperature H_e/(1.5 k_B), K
 * @param maxDisplacement          largest single-atom displacement from the reference, Å
 * @param accepted                 false when two atoms came closer than
 *                                 {@link #MIN_SEPARATION} Å: the caller counts it and drops it
 */
public record Snapshot(
        long index,
        Structure structure,
        double alpha,
        double tau,
        double harmonicEnergy,
        double equipartitionTemperature,
        double maxDisplacement,
        boolean accepted) {

    /** Closest approach of two atoms, Å, below which a sample is rejected. */
    public static final double MIN_SEPARATION = 0.5;

    /**
     * Measures displacement {@code u} (flat 3N, unwrapped) of {@code reference} that lies on
     * shell {@code alpha} of a metric with mean stiffness {@code omegaBar} (eV/Å²).
     */
    static Snapshot of(long index, Structure reference, double[] u, double alpha, double omegaBar) {
        Structure displaced = Displacements.displace(reference, u);
        double he = 0.5 * omegaBar * StrictMath.exp(alpha);
        return new Snapshot(index, displaced, alpha, he / Units.U0, he, he / (1.5 * Units.KB),
                Displacements.maxAtomDisplacement(u), !Displacements.hasContactCloserThan(displaced, MIN_SEPARATION));
    }
}
