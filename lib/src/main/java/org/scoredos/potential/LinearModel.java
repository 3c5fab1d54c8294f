package org.scoredos.potential;

import org.scoredos.structure.Structure;

/**
 * A potential linear in its features: E = N c·Φ(x) + E₀, with Φ the per-structure features
 * (per-atom descriptors summed over the atoms of each element and divided by N, then one
 * feature per fixed term, E_term/N), c the coefficients (θ, then 1 for each fixed term) and
 * E₀ = Σ_i β0 of the atoms' elements. Adding a descriptor family means one new
 * implementation of this interface; everything else (energies, forces, stress, sampling,
 * estimation) reads the model through it.
 */
public interface LinearModel extends AtomicPotential {

    /** Number of features, fixed terms included. */
    int featureCount();

    /** c, a copy: one per feature, 1 for each fixed term. */
    double[] coefficients();

    /** Φ of a structure (length {@link #featureCount}). */
    double[] features(Structure structure);

    /** E₀ = Σ_i β0 of a structure, eV: the part of the energy that is no feature. */
    double offset(Structure structure);

    /** Energy, and on request forces and the virial, of a structure. */
    Evaluation evaluate(Structure structure, boolean forces, boolean virial);

    /**
     * Φ, the energy and the forces of a structure, for callers that need both (ingest's mapped
     * energies); a model whose forces are formed from its features overrides this with one pass.
     */
    default FeaturesAndForces featuresAndForces(Structure structure) {
        return new FeaturesAndForces(features(structure), evaluate(structure, true, false));
    }

    @Override
    default double energy(Structure structure) {
        return evaluate(structure, false, false).energy();
    }

    @Override
    default double energyAndForces(Structure structure, double[] forces) {
        if (forces.length != 3 * structure.size()) {
            throw new IllegalArgumentException("forces must have length 3N = " + 3 * structure.size());
        }
        Evaluation e = evaluate(structure, true, false);
        System.arraycopy(e.forces(), 0, forces, 0, forces.length);
        return e.energy();
    }
}
