package org.scoredos.model;

import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.Evaluation;
import org.scoredos.structure.Structure;

/**
 * A parameter-free energy term a published model adds to its fitted part (ZBL's screened
 * nuclear repulsion): it enters a {@link org.scoredos.potential.LinearModel} as one feature
 * E_term/N with coefficient 1, so θ ranges over the fitted coefficients only.
 */
public interface FixedTerm {

    /** What the term is, for messages and feature names. */
    String name();

    /** Beyond this pair distance the term vanishes, Å. */
    double cutoff();

    /** Energy, and on request forces and virial, from a full neighbour list of at least {@link #cutoff}. */
    Evaluation evaluate(Structure structure, NeighborList list, boolean forces, boolean virial);

    /** Adds the forces of atom i's share of the energy to {@code forces} (flat 3N); summed over i, the term's forces. */
    void addAtomForces(Structure structure, NeighborList list, int i, double[] forces);
}
