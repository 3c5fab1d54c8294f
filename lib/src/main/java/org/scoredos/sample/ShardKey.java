package org.scoredos.sample;

/**
 * One shard of sampling work: the campaign seed, the isosurface cell and the shard number.
 * Together with a sample index it names one random stream (see {@link SampleStreams}), so a
 * shard is a few integers and any executor regenerates its samples exactly.
 */
public record ShardKey(long seed, int cell, int shard) {
    public ShardKey {
        if (cell < 0) throw new IllegalArgumentException("cell index must be ≥ 0, got " + cell);
        if (shard < 0) throw new IllegalArgumentException("shard index must be ≥ 0, got " + shard);
    }
}
