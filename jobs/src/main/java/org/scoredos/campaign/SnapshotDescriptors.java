package org.scoredos.campaign;

import java.io.Serializable;

/**
 * The per-atom-averaged descriptors of a shard's samples, regenerated on an executor from the
 * campaign seed, the cell and the sample indices. Implementations are broadcast once, so any
 * expensive engine they hold is built lazily, once per executor, and must then be safe to use
 * from that executor's concurrent tasks.
 */
public interface SnapshotDescriptors extends Serializable {

    /** d, the length of every descriptor vector. */
    int components();

    /** One row per sample, for samples {@code shard.start()} to {@code shard.end() − 1} in index order. */
    double[][] descriptors(CampaignCell cell, Shard shard);
}
