package org.scoredos.estimate;

/**
 * The free energy of one parameter vector θ at one temperature (method.md §4), per atom.
 *
 * @param temperature T, K
 * @param freeEnergy  F, eV/atom, relative to the lattice energy θ·D_0
 * @param error       error bar on F from the entropy bands S ± δS, eV/atom
 * @param alphaStar   the optimal isosurface α*, Å² (log scale)
 * @param solved      false when α* sits on the edge of the sampled α range (the campaign does
 *                    not cover this temperature; F is then a bound, not an estimate)
 * @param gradient    ∂(θ·D_0 + F)/∂θ, the thermal-average descriptor, or null when not asked for
 */
public record FreeEnergy(double temperature, double freeEnergy, double error, double alphaStar, boolean solved,
        double[] gradient) {}
