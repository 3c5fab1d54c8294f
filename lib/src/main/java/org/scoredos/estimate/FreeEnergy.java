package org.scoredos.estimate;

/**
 * The free energy of one parameter vector θ at one temperature (method.md §4), per atom.
 *
 * @param temperature      T, K
 * @param freeEnergy       F, eV/atom, relative to the lattice energy θ·D_0
 * @param error            the error bar on F, eV/atom: the statistical part under the calibrated
 *                         error model, the S ± δS band under the reference's
 * @param alphaStar        the optimal isosurface α*, Å² (log scale)
 * @param solved           false when α* sits on the edge of the sampled α range (the campaign does
 *                         not cover this temperature; F is then a bound, not an estimate)
 * @param gradient         ∂(θ·D_0 + F)/∂θ, the thermal-average descriptor, or null when not asked for
 * @param statisticalError the error from the finite samples (score-fit sampling covariance ⊕ the
 *                         frame term's noise), eV/atom; NaN under the reference error model
 * @param systematicError  the score order's spread (half the range of F over orders p − 1, p, p + 1), reported
 *                         beside the error bar, not in it, eV/atom; NaN under the reference error model
 */
public record FreeEnergy(double temperature, double freeEnergy, double error, double alphaStar, boolean solved,
        double[] gradient, double statisticalError, double systematicError) {

    /** A result without the split of its error bar (the reference error model). */
    public FreeEnergy(double temperature, double freeEnergy, double error, double alphaStar, boolean solved,
            double[] gradient) {
        this(temperature, freeEnergy, error, alphaStar, solved, gradient, Double.NaN, Double.NaN);
    }
}
