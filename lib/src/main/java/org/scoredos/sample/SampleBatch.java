package org.scoredos.sample;

import java.util.List;

/**
 * The snapshots of a range of sample indices split into the accepted ones and a count of the
 * rejected ones (atoms closer than {@link Snapshot#MIN_SEPARATION}), so rejections are
 * reported with the statistics rather than silently dropped.
 *
 * @param accepted the accepted snapshots, in index order
 * @param rejected how many were rejected
 */
public record SampleBatch(List<Snapshot> accepted, int rejected) {

    public SampleBatch {
        accepted = List.copyOf(accepted);
    }

    public static SampleBatch of(List<Snapshot> snapshots) {
        List<Snapshot> ok = snapshots.stream().filter(Snapshot::accepted).toList();
        return new SampleBatch(ok, snapshots.size() - ok.size());
    }
}
