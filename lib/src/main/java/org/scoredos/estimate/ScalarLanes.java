package org.scoredos.estimate;

import java.util.Arrays;

/** The {@link LaneKernel} in plain Java, one (table, temperature) at a time: what a JVM without the vector module runs. */
final class ScalarLanes implements LaneKernel {
    private final PolynomialConjugate entropy;
    private final IsosurfaceCells cells;
    private final TableSeries band, sampling;

    /** {@code sampling}: null without the calibrated error model. */
    ScalarLanes(PolynomialConjugate entropy, IsosurfaceCells cells, TableSeries band, TableSeries sampling) {
        this.entropy = entropy;
        this.cells = cells;
        this.band = band;
        this.sampling = sampling;
    }

    @Override
    public int laneMultiple() {
        return 1;
    }

    @Override
    public void transforms(double[] rotated, TemperatureLanes lanes, CellSum sum, SlopeInterpolants fit) {
        int d = cells.d, width = lanes.width;
        double[] beta = lanes.beta, u = lanes.ustar, g = lanes.g, q = lanes.band;
        TableSeries series = sum == CellSum.BAND ? band : sampling;
        Arrays.fill(g, 0);
        Arrays.fill(q, 0);
        for (int a = 0; a < cells.cells; a++) {
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double rot = rotated[t], scale = cells.scale[t], offset = cells.offset[t];
                boolean interpolated = fit != null && !fit.exact(t);
                for (int l = 0, row = t * width, cell = a * width; l < width; l++) {
                    double rb = rot * beta[l], sp = rb * scale;
                    if (interpolated && fit.legendre[t]) { // F only: the interpolated Legendre value, u* not read
                        g[cell + l] += rb * offset + fit.value(t, sp);
                        continue;
                    }
                    double x = interpolated ? fit.value(t, sp) : entropy.minimiser(t, sp);
                    u[row + l] = x;
                    g[cell + l] += rb * offset + sp * x - entropy.value(t, x);
                    if (sum == CellSum.NONE) continue;
                    double term = PolynomialConjugate.horner(series.coefficients(), t * series.stride(), series.stride(), x);
                    q[cell + l] += sum == CellSum.BAND ? Math.sqrt(Math.abs(term)) : Math.max(0, term);
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
