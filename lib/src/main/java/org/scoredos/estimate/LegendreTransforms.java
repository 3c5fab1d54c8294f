package org.scoredos.estimate;

/**
 * The large-N transforms: min_u [s'u − S_t(u)] of the fitted entropies ({@link PolynomialConjugate}),
 * one temperature at a time or laid out side by side for the {@link LaneKernel}, and over a block of
 * members by {@link SlopeInterpolants}.
 */
final class LegendreTransforms implements ComponentTransforms {
    final PolynomialConjugate entropy;
    private final LaneKernel kernel;

    LegendreTransforms(PolynomialConjugate entropy, LaneKernel kernel) {
        this.entropy = entropy;
        this.kernel = kernel;
    }

    @Override
    public void solve(IsosurfaceWorkspace w) {
        entropy.argminAll(w.slopes, w.ustar, w.piece);
    }

    /** tilt + s'u* − S(u*). */
    @Override
    public double term(int t, double tilt, IsosurfaceWorkspace w) {
        double u = w.ustar[t];
        return tilt + w.slopes[t] * u - entropy.value(t, u);
    }

    @Override
    public void curvatures(IsosurfaceWorkspace w) {
        for (int t = 0; t < w.slopes.length; t++) w.curvature[t] = entropy.interiorCurvature(t, w.ustar[t], w.slopes[t]);
    }

    @Override
    public LaneKernel lanes() {
        return kernel;
    }

    @Override
    public SlopeInterpolants interpolants(double[] scale, double[][] rotated, int count, double[] beta, boolean minimisers,
            SlopeInterpolants previous) {
        return new SlopeInterpolants(entropy, scale, rotated, count, beta, minimisers, previous);
    }
}
