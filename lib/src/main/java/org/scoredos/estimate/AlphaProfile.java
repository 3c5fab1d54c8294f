package org.scoredos.estimate;

/**
 * How the smooth estimator joins the cells' βF_a (in {@code w.g}) into βF(α) and minimises
 * βF(α) − (3/2)α over the sampled α range. Either way βF(α) = Σ_a w_a(α) βF_a is linear in
 * the cells' values, so the envelope gradient Σ_a w_a(α*) ∂βF_a/∂θ is exact.
 */
sealed interface AlphaProfile permits GlobalAlphaFit, LocalAlphaFit {
    /** d(−S_0)/dα per atom in units of k_B: the shell entropy's 3/2 per atom (3N convention). */
    double SHELL_SLOPE = 1.5;

    /**
     * Sets {@code w.freeEnergy} to βF at the minimum (with the shell constant c0 added), {@code
     * w.error} to the band Σ_a w_a(α*) gPlus_a when {@code error} (dimensionless: the caller
     * multiplies both by k_BT), and w.alphaStar, w.tStar (NaN where the profile has no t),
     * w.solved and the weights w.weights = w_a(α*).
     */
    void minimise(IsosurfaceWorkspace w, double shellConstant, boolean error);

    /**
     * {@link #minimise} of every lane, the same bits: the cells' βF_a in lanes.g (bands in lanes.band
     * when {@code error}), the shell constants in lanes.alpha.shell; the results into lanes.alpha and,
     * when {@code weights}, w_a(α*) into lanes.weights. {@code w}: scratch.
     */
    void minimiseLanes(TemperatureLanes lanes, IsosurfaceWorkspace w, boolean error, boolean weights);
}
