package org.scoredos.potential;

/**
 * Φ of a structure with its energy and forces under a {@link LinearModel}, from one pass over its
 * atoms where the model allows it (SNAP computes each atom's descriptor once for both).
 *
 * @param features   Φ, as {@link LinearModel#features}
 * @param evaluation energy and forces (no virial), as {@link LinearModel#evaluate}
 */
public record FeaturesAndForces(double[] features, Evaluation evaluation) {}
