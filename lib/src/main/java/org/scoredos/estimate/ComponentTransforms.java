package org.scoredos.estimate;

/**
 * How the smooth estimator takes each rotated component's 1-D transform, chosen once per estimator:
 * the large-N Legendre transform of the fitted entropy ({@link LegendreTransforms}, modes SMOOTH and
 * LOCAL) or its finite-size integral at the store's N atoms ({@link FiniteSizeTransform}, mode INTEGRAL).
 */
interface ComponentTransforms {
    /**
     * At the slopes in w.slopes (s' = βθ̃·scale of the θ̃ in w.rotated): every table's u (the
     * minimiser, or the tilted mean) into w.ustar, and each cell's Σ_k βθ̃·offset + G_k(s') into w.g.
     */
    default void transform(double beta, IsosurfaceCells cells, IsosurfaceWorkspace w) {
        solve(w);
        int d = cells.d;
        double[] offset = cells.offset, rotated = w.rotated;
        for (int a = 0; a < cells.cells; a++) {
            double g = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) g += term(t, rotated[t] * beta * offset[t], w);
            w.g[a] = g;
        }
    }

    /** At the slopes in w.slopes: every table's u into w.ustar, and whatever {@link #term} reads. */
    void solve(IsosurfaceWorkspace w);

    /** Table t's term of its cell's sum, {@code tilt} (its βθ̃·offset) + G_t(s'), added in the order the lane kernels add it. */
    double term(int t, double tilt, IsosurfaceWorkspace w);

    /** w.curvature (d s'/d u at each table's u, 0 where u does not move with s'), for the frame term's gradient. */
    void curvatures(IsosurfaceWorkspace w);

    /** The kernel that lays one θ's temperatures side by side; null where they go one by one. */
    LaneKernel lanes();

    /**
     * The interpolants of a block of members' transforms; null where there are none. {@code minimisers}:
     * u* itself is read (gradient, error bars, frame term), not only the values F sums. {@code previous}:
     * the last block's interpolants, whose arrays these take (it is then spent), or null.
     */
    SlopeInterpolants interpolants(double[] scale, double[][] rotated, int count, double[] beta, boolean minimisers,
            SlopeInterpolants previous);
}
