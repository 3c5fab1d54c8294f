package org.scoredos.estimate;

/**
 * The free energy of one phase as a function of the linear potential's parameters θ and the
 * temperature T, per atom, with its error bar, solved flag and gradient ∂/∂θ (method.md §4).
 *
 * <p>What a phase is (one volume sampled on isosurfaces, several volumes at fixed pressure, MD
 * snapshots) is the implementation's business; transitions and fine-tuning see only this. The
 * total free energy of a phase is {@link #latticeEnergy}(θ) + {@link FreeEnergy#freeEnergy()},
 * and {@link FreeEnergy#gradient()} is the derivative of that total. Implementations are
 * immutable and thread-safe.
 */
public interface PhaseFreeEnergy {
    /** The phase's name. */
    String phase();

    /** d, the number of parameters θ. */
    int components();

    /** D_0, the descriptor whose product with θ is {@link #latticeEnergy} (a copy). */
    double[] latticeDescriptor();

    /** θ·D_0, the static lattice energy per atom, eV: the origin the free energies are given from. */
    double latticeEnergy(double[] theta);

    /** Where the error bars come from. */
    ErrorModel errorModel();

    /** How F is estimated, in words for the headers of results ("smooth mode, calibrated error model"). */
    String method();

    /**
     * What {@link FreeEnergy#freeEnergy()} is, for every output format: "F" (the phase's free
     * energy relative to θ·D_0), or "F_theta - F_ref" when only the difference to a reference
     * model is known (MD snapshots of a liquid without an anchor).
     */
    default String quantity() {
        return "F";
    }

    /** F, error, solved flag and gradient for θ at T. */
    default FreeEnergy estimate(double[] theta, double temperature) {
        return estimate(theta, new double[] {temperature}, true)[0];
    }

    /** The free energy at each temperature, with gradients if asked for. */
    FreeEnergy[] estimate(double[] theta, double[] temperatures, boolean gradient);

    /**
     * The error bar of [θ·D_0 + F_θ(T)] − [θ'·D_0 + F_θ'(T)], two models' estimates from this phase at one
     * temperature. Both come from the same fits, so what their bars share cancels in the difference (all of it
     * at θ = θ'). This default cannot tell what that is and adds the two bars in quadrature, as if the estimates
     * were independent: an overestimate where their errors are positively correlated. An estimator that can
     * linearise both in its fitted quantities differences first and takes one bar.
     */
    default double differenceError(double[] theta, double[] other, double temperature) {
        return Math.hypot(estimate(theta, new double[] {temperature}, false)[0].error(),
                estimate(other, new double[] {temperature}, false)[0].error());
    }

    /** The free energies of many parameter vectors at many temperatures: result[i][j] for θ_i at T_j. */
    default FreeEnergy[][] estimate(double[][] thetas, double[] temperatures, boolean gradient) {
        FreeEnergy[][] out = new FreeEnergy[thetas.length][];
        for (int i = 0; i < thetas.length; i++) out[i] = estimate(thetas[i], temperatures, gradient);
        return out;
    }

    /**
     * The free energies of an ensemble's members, result[i][j] for θ_i at T_j, without gradients:
     * F, error bar, α* and solved flag as {@link #estimate(double[][], double[], boolean)} gives them,
     * but the systematic part beside the bar ({@link FreeEnergy#systematicError()}) may be left NaN
     * where it costs extra evaluations (the calibrated isosurface model's score-order spread: two
     * more per (θ, T)), since an ensemble reports the spread of F over its members instead.
     */
    default FreeEnergy[][] estimateMembers(double[][] thetas, double[] temperatures) {
        return estimate(thetas, temperatures, false);
    }
}
