package org.scoredos.campaign;

import java.util.SplittableRandom;

/**
 * Test descriptors: correlated Gaussian vectors whose spread grows with τ and whose mean grows
 * with the strain, drawn from a stream keyed by (seed, the cell's stream, sample index) only, as
 * the real sampler's are (a cell's stream is its id, or the id of the first strain's cell at its τ).
 */
final class GaussianDescriptors implements SnapshotDescriptors {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int components;

    GaussianDescriptors(long seed, int components) {
        this.seed = seed;
        this.components = components;
    }

    @Override
    public int components() {
        return components;
    }

    @Override
    public double[][] descriptors(CampaignCell cell, Shard shard) {
        double[][] out = new double[shard.size()][];
        for (int i = shard.start(); i < shard.end(); i++) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + cell.stream() * 1_000_003L + i);
            double[] g = new double[components];
            for (int k = 0; k < components; k++) {
                g[k] = Math.sqrt(-2 * Math.log1p(-rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
            double[] x = new double[components];
            for (int k = 0; k < components; k++) {
                x[k] = 10.0 * (k + 1) * (1 + cell.strain()) + Math.sqrt(cell.tau()) * ((1 + k) * g[k] + (k > 0 ? 0.4 * g[k - 1] : 0));
            }
            out[i - shard.start()] = x;
        }
        return out;
    }
}
