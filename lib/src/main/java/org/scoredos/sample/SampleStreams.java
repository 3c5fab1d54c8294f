package org.scoredos.sample;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams per (campaign seed, cell, shard, index). The four
 * integers are folded through the SplitMix64 finaliser (a bijection of 64-bit words) into a
 * seed, and the stream is the {@code split()} of a {@link SplittableRandom} with that seed, so
 * it also gets its own increment. Only integer arithmetic and {@link StrictMath} are used:
 * the bits are the same on every JVM, machine and executor count, and a retried task
 * reproduces its samples exactly.
 */
public final class SampleStreams {
    private SampleStreams() {}

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** The stream of sample {@code index} of {@code shard}. */
    public static SplittableRandom random(ShardKey shard, long index) {
        long h = mix(shard.seed() + GOLDEN);
        h = mix(h ^ (GOLDEN * (shard.cell() + 1L)));
        h = mix(h + (0xC2B2AE3D27D4EB4FL * (shard.shard() + 1L)));
        h = mix(h ^ (0x165667B19E3779F9L * (index + 1L)));
        return new SplittableRandom(h).split();
    }

    /** SplitMix64's output function (Stafford's mix 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Fills {@code out} with independent standard normal deviates (Marsaglia's polar method,
     * both values of each accepted pair used; {@link StrictMath} for bitwise reproducibility).
     */
    public static void gaussians(SplittableRandom random, double[] out) {
        int k = 0;
        while (k < out.length) {
            double x, y, s;
            do {
                x = 2 * random.nextDouble() - 1;
                y = 2 * random.nextDouble() - 1;
                s = x * x + y * y;
            } while (s >= 1 || s == 0);
            double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            out[k++] = x * f;
            if (k < out.length) out[k++] = y * f;
        }
    }
}
