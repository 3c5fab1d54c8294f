package org.scoredos.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws configurations of a reference lattice conditioned on an isosurface α (method.md §2).
 * A snapshot is a pure function of (sampler, α, shard, index): the sampler holds the reference
 * and its own settings, the shard and index name the random stream. Implementations are
 * immutable and thread-safe, so one instance can serve every task of an executor.
 */
public interface IsosurfaceSampler {

    /** Snapshot {@code index} of {@code shard} on the isosurface α. */
    Snapshot sample(double alpha, ShardKey shard, long index);

    /**
     * Snapshots {@code first .. first+count-1} of {@code shard}, each identical to
     * {@link #sample(double, ShardKey, long)} of its index (rejected ones included, flagged).
     */
    default List<Snapshot> sample(double alpha, ShardKey shard, long first, int count) {
        List<Snapshot> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) out.add(sample(alpha, shard, first + j));
        return out;
    }

    /** As {@link #sample(double, ShardKey, long, int)}, split into accepted snapshots and a rejected count. */
    default SampleBatch batch(double alpha, ShardKey shard, long first, int count) {
        return SampleBatch.of(sample(alpha, shard, first, count));
    }
}
