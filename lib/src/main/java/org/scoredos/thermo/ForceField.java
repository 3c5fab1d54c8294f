package org.scoredos.thermo;

import org.scoredos.structure.Structure;

/**
 * Energy and forces driving one trajectory. Unlike a {@link org.scoredos.potential.Potential}
 * a force field belongs to a single trajectory and may remember what it last evaluated (the
 * λ mixture keeps its two energies).
 */
@FunctionalInterface
public interface ForceField {
    /** Potential energy, eV, with the forces (eV/Å, flat 3N) written into {@code forces}. */
    double energyAndForces(Structure structure, double[] forces);
}
