package org.scoredos.campaign;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scoredos.io.BadInputException;
import org.scoredos.sample.Snapshot;

/**
 * Samples the sampler rejected (two atoms closer than {@link Snapshot#MIN_SEPARATION} Å), per
 * cell. A committed shard keeps the count of its accepted samples, so a shard's rejections are
 * its size minus that count; nothing extra is stored. A cell that rejects many samples sits on an
 * isosurface too hot for the crystal: its summary is biased towards the accepted region.
 */
final class RejectedSamples {
    private RejectedSamples() {}

    /**
     * Rejected samples by cell over {@code shards}, from their committed counts: a pack's index,
     * or a shard file's header (the statistics are not decoded, nor the cells' frames read:
     * {@link CampaignStore#committedCounts}; a run checks both when it merges the shards).
     */
    static Map<Integer, Long> perCell(CampaignStore store, String identity, Collection<Shard> shards) throws IOException {
        Map<Shard, Long> accepted = store.committedCounts(identity);
        Map<Integer, Long> rejected = new TreeMap<>();
        for (Shard s : shards) {
            Long n = accepted.get(s);
            if (n == null) throw BadInputException.at(store.root(), 0, null, "corrupted campaign output: shard " + s + " is not committed");
            rejected.merge(s.cell(), s.size() - n, Long::sum);
        }
        return rejected;
    }

    /** One progress line per cell with rejected samples, nothing when there are none. */
    static void report(List<CampaignLauncher.CellStatus> cells, Progress progress) {
        for (CampaignLauncher.CellStatus c : cells) {
            if (c.rejected() == 0) continue;
            progress.say(String.format(Locale.ROOT, "cell %d (strain %+.4f, tau %.4f): %d of %d samples rejected "
                    + "(atoms closer than %.1f Å); the summary holds the accepted ones only",
                    c.cell(), c.strain(), c.tau(), c.rejected(), c.committedSamples(), Snapshot.MIN_SEPARATION));
        }
    }
}
