package org.scoredos.campaign;

import java.util.List;

/**
 * One cell's committed shards in a single sealed file ({@code shards/cell-00003.json}), written
 * when a run summarises the cell: a campaign of 22 cells × 16 shards keeps 22 files of shard
 * state instead of 352. The statistics are kept shard by shard, not merged, so that every later
 * merge (a rerun, a top-up) adds them in the same shard order and gives the same bits as before.
 * The index comes first, so listing the committed shards and their counts parses no statistics.
 */
record ShardPack(String identity, int cell, List<Entry> index, List<ShardStatistics> statistics) {

    /** A packed shard and its accepted sample count. */
    record Entry(int index, int start, int end, long count) {
        Shard shard(int cell) {
            return new Shard(cell, index, start, end);
        }
    }

    static ShardPack of(String identity, int cell, List<ShardStatistics> statistics) {
        List<Entry> index = statistics.stream().map(s -> new Entry(s.index(), s.start(), s.end(), s.count())).toList();
        return new ShardPack(identity, cell, index, statistics);
    }
}
