package org.scoredos.estimate;

import java.util.Arrays;

/** The {@link LaneKernel} in plain Java, one (table, temperature) at a time: what a JVM without the vector module runs. */
final class ScalarLanes implements LaneKernel {
    private final PolynomialConjugate entropy;
    private final IsosurfaceCells cells;
    private final double[] bandSeries;
    private final int bandStride;

    ScalarLanes(PolynomialConjugate entropy, IsosurfaceCells cells, double[] band, int bandStride) {
        this.entropy = entropy;
        this.cells = cells;
        this.bandSeries = band;
        this.bandStride = bandStride;
    }

    @Override
    public int laneMultiple() {
        return 1;
    }

    @Override
    public void transforms(double[] rotated, TemperatureLanes lanes, boolean band) {
        int d = cells.d, width = lanes.width;
        double[] beta = lanes.beta, u = lanes.ustar, g = lanes.g, q = lanes.band;
        Arrays.fill(g, 0);
        if (band) Arrays.fill(q, 0);
        for (int a = 0; a < cells.cells; a++) {
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double rot = rotated[t], scale = cells.scale[t], offset = cells.offset[t];
                for (int l = 0, row = t * width, cell = a * width; l < width; l++) {
                    double rb = rot * beta[l], sp = rb * scale;
                    double x = entropy.minimiser(t, sp);
                    u[row + l] = x;
                    g[cell + l] += rb * offset + sp * x - entropy.value(t, x);
                    if (band) q[cell + l] += Math.sqrt(Math.abs(PolynomialConjugate.horner(bandSeries, t * bandStride, bandStride, x)));
                }
            }
        }
    }

    @Override
    public void backRotate(TemperatureLanes lanes) {
        int d = cells.d, width = lanes.width, tables = cells.tables();
        double[] v = new double[tables], grad = new double[d];
        double[][] column = cells.column;
        for (int l = 0; l < lanes.count; l++) {
            for (int t = 0; t < tables; t++) {
                v[t] = lanes.weights[t / d * width + l] * (cells.offset[t] + cells.scale[t] * lanes.ustar[t * width + l]);
            }
            SmoothEstimator.backRotate(cells.d0, column, v, grad);
            for (int i = 0; i < d; i++) lanes.gradient[i * width + l] = grad[i];
        }
    }
}
