package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleStreamsTest {

    @Test
    void theSameKeyGivesTheSameBitsEverywhere() {
        ShardKey key = new ShardKey(42, 1, 2);
        SplittableRandom a = SampleStreams.random(key, 3), b = SampleStreams.random(new ShardKey(42, 1, 2), 3);
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
        // Pinned: the derivation is part of the campaign format; a change would silently alter every campaign.
        assertEquals(5762498051548317465L, SampleStreams.random(key, 3).nextLong());
        double[] g = new double[3];
        SampleStreams.gaussians(SampleStreams.random(key, 3), g);
        assertEquals(-0.11965770760696946, g[2]); // StrictMath: the same bits on every JVM
    }

    @Test
    void everyComponentOfTheKeyGivesAnotherStream() {
        Set<Long> first = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            for (int cell = 0; cell < 4; cell++) {
                for (int shard = 0; shard < 4; shard++) {
                    for (long index = 0; index < 16; index++) {
                        first.add(SampleStreams.random(new ShardKey(seed, cell, shard), index).nextLong());
                    }
                }
            }
        }
        assertEquals(4 * 4 * 4 * 16, first.size());
        // swapping cell and shard must not alias
        assertNotEquals(SampleStreams.random(new ShardKey(1, 2, 3), 0).nextLong(), SampleStreams.random(new ShardKey(1, 3, 2), 0).nextLong());
        assertThrows(IllegalArgumentException.class, () -> new ShardKey(1, -1, 0));
    }

    /**
     * Replicas of a campaign with seed, seed + 1, … must be independent: no stream of one seed
     * may be a stretch of another's (as it would be if the seed entered by addition, seed + id).
     * SplittableRandom streams that overlap share their outputs, shifted; none of the first 256
     * outputs of 2 seeds × 8 cells × 4 shards × 16 samples coincide.
     */
    @Test
    void neighbouringSeedsShareNoStretchOfAnyStream() {
        Set<Long> seen = new HashSet<>();
        int streams = 0;
        for (long seed = 20250230; seed <= 20250231; seed++) {
            for (int cell = 0; cell < 8; cell++) {
                for (int shard = 0; shard < 4; shard++) {
                    for (long index = 0; index < 16; index++) {
                        SplittableRandom r = SampleStreams.random(new ShardKey(seed, cell, shard), index);
                        for (int k = 0; k < 256; k++) seen.add(r.nextLong());
                        streams++;
                    }
                }
            }
        }
        assertEquals(streams * 256, seen.size());
    }

    @Test
    void gaussiansHaveUnitVarianceAndNoCorrelationBetweenNeighbours() {
        double[] g = new double[200_001];
        SampleStreams.gaussians(SampleStreams.random(new ShardKey(9, 0, 0), 0), g);
        double mean = 0, var = 0, lag = 0, kurt = 0;
        for (int i = 0; i < g.length; i++) {
            mean += g[i];
            var += g[i] * g[i];
            kurt += g[i] * g[i] * g[i] * g[i];
            if (i > 0) lag += g[i] * g[i - 1];
        }
        int n = g.length;
        assertEquals(0, mean / n, 5 * Math.sqrt(1.0 / n));
        assertEquals(1, var / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, kurt / n, 5 * Math.sqrt(96.0 / n));
        assertEquals(0, lag / n, 5 * Math.sqrt(1.0 / n));
    }
}
