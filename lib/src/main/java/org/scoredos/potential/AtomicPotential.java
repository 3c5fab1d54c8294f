package org.scoredos.potential;

import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * A potential that is a sum of atom energies, E = Σ_i E_i, each E_i depending only on atom
 * i's neighbours within the cutoff. Moving one atom then changes only the E_i of that atom
 * and of its neighbours, so the force change it causes (a Hessian column) needs those few
 * atom terms, not a whole-cell evaluation.
 */
public interface AtomicPotential extends Potential {

    /** The full neighbour list {@link #addAtomForces} reads, built within cutoff + {@code skin} Å. */
    NeighborList neighbors(Structure structure, double skin);

    /**
     * Adds the forces of atom i's own energy, −∂E_i/∂x (on atom i and its neighbours), to
     * {@code forces} (flat 3N). Summed over all atoms this is {@link #energyAndForces}'s force.
     */
    void addAtomForces(Structure structure, NeighborList list, int i, double[] forces);
}
