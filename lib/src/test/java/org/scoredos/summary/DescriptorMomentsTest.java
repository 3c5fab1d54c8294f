package org.scoredos.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DescriptorMomentsTest {

    /** Correlated, offset samples: x = a + L g, so the true covariance is L Lᵀ. */
    static double[][] samples(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (int s = 0; s < n; s++) {
            double[] g = new double[d];
            for (int i = 0; i < d; i++) g[i] = gaussian(rng);
            for (int i = 0; i < d; i++) {
                double v = 1000.0 + 3.0 * i; // a large offset: naive sums would lose digits
                for (int j = 0; j <= i; j++) v += (i == j ? 1.0 + 0.5 * i : 0.3) * g[j];
                x[s][i] = v;
            }
        }
        return x;
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void oneSampleAtATimeMatchesTwoPassMeanAndCovariance() {
        double[][] x = samples(500, 6, 1);
        DescriptorMoments m = new DescriptorMoments(6);
        for (double[] s : x) m.add(s);
        double[] mean = new double[6];
        for (double[] s : x) for (int i = 0; i < 6; i++) mean[i] += s[i] / x.length;
        assertEquals(500, m.count());
        assertArrayEquals(mean, m.mean(), 1e-10);
        double[][] cov = m.covariance();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double c = 0;
                for (double[] s : x) c += (s[i] - mean[i]) * (s[j] - mean[j]);
                assertEquals(c / (x.length - 1), cov[i][j], 1e-9 * Math.abs(c / x.length) + 1e-12);
                assertEquals(cov[i][j], cov[j][i], 0.0, "exactly symmetric");
            }
        }
    }

    @Test
    void mergedShardsEqualOnePass() {
        double[][] x = samples(300, 5, 2);
        DescriptorMoments whole = new DescriptorMoments(5);
        for (double[] s : x) whole.add(s);
        DescriptorMoments merged = mergeShards(x, 7);
        assertEquals(whole.count(), merged.count());
        assertArrayEquals(whole.mean(), merged.mean(), 1e-11);
        double[][] a = whole.comoment(), b = merged.comoment();
        for (int i = 0; i < 5; i++) assertArrayEquals(a[i], b[i], 1e-9 * Math.abs(a[i][i]));
    }

    @Test
    void fixedShardOrderIsBitIdentical() {
        double[][] x = samples(256, 8, 3);
        assertEquals(mergeShards(x, 32), mergeShards(x, 32));
        assertNotSame(mergeShards(x, 32), mergeShards(x, 32));
    }

    @Test
    void roundTripThroughStoredValuesIsExact() {
        DescriptorMoments m = mergeShards(samples(64, 4, 4), 16);
        assertEquals(m, DescriptorMoments.of(m.count(), m.mean(), m.comoment()));
    }

    @Test
    void mergingEmptyIsIdentityBothWays() {
        DescriptorMoments m = mergeShards(samples(40, 3, 5), 10);
        DescriptorMoments copy = DescriptorMoments.of(m.count(), m.mean(), m.comoment());
        copy.merge(new DescriptorMoments(3));
        assertEquals(m, copy);
        DescriptorMoments empty = new DescriptorMoments(3);
        empty.merge(m);
        assertEquals(m, empty);
    }

    @Test
    void shapeMismatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DescriptorMoments(3).add(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new DescriptorMoments(3).merge(new DescriptorMoments(2)));
    }

    static DescriptorMoments mergeShards(double[][] x, int shardSize) {
        DescriptorMoments total = new DescriptorMoments(x[0].length);
        for (int start = 0; start < x.length; start += shardSize) {
            DescriptorMoments shard = new DescriptorMoments(x[0].length);
            for (int s = start; s < Math.min(start + shardSize, x.length); s++) shard.add(x[s]);
            total.merge(shard);
        }
        return total;
    }
}
