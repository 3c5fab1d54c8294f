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
    public void transform(double beta, IsosurfaceCells cells, IsosurfaceWorkspace w) {
        int d = cells.d;
        double[] offset = cells.offset, rotated = w.rotated, ustar = w.ustar, slopes = w.slopes;
        entropy.argminAll(slopes, ustar, w.piece);
        for (int a = 0; a < cells.cells; a++) {
            double g = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double u = ustar[t];
                g += rotated[t] * beta * offset[t] + slopes[t] * u - entropy.value(t, u);
            }
            w.g[a] = g;
        }
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
    public SlopeInterpolants interpolants(double[] scale, double[][] rotated, int count, double[] beta, boolean minimisers) {
        return new SlopeInterpolants(entropy, scale, rotated, count, beta, minimisers);
    }
}
