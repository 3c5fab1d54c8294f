package org.scoredos.potential;

import org.scoredos.structure.Structure;

/**
 * An interatomic potential with analytic forces. Implementations are thread-safe: one
 * instance may serve every Spark task of an executor.
 */
public interface Potential {

    /** Total potential energy of the structure, eV. */
    double energy(Structure structure);

    /**
     * Total potential energy, eV, and forces (eV/Å, flat fx0,fy0,fz0,...) written into
     * {@code forces}, which has length 3·N and is overwritten.
     */
    double energyAndForces(Structure structure, double[] forces);

    /** The cutoff beyond which atoms do not interact, Å. */
    double cutoff();
}
