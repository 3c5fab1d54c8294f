package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.RotatedHistogram;
import org.scoredos.summary.ScoreTable;

/**
 * Leave-one-shard-out replicas of a campaign's strains, for error bars that account for the
 * correlation between volumes. Shard k of every strain's cell at a τ draws the same random numbers
 * (common random numbers, {@link CampaignCell#stream}), so the strains' summaries without shard k
 * are one jackknife replica of everything the volumes give together (G, V*, B_T, …); the spread of
 * the K replicas, times (K − 1)/K, is its variance. Each replica keeps its cells' frames (rotation,
 * bin edges) and refits the score models in the stored fits' basis and order.
 */
public final class ShardJackknife {
    /** At most this many replicas: more shards are left out in contiguous groups (the estimate costs one per replica). */
    static final int MAX_REPLICAS = 8;

    private ShardJackknife() {}

    /**
     * Replica k of {@code volumes} (their summaries, in their order) without shard k of any cell
     * (without the k-th of {@link #MAX_REPLICAS} contiguous groups of shards when there are more);
     * empty when {@code output} is not a campaign output directory, its cells hold fewer than two
     * shards each (or not the same number), its shards do not add up to the summaries (a run
     * stopped before it rewrote them) or cannot be read (the summaries alone were copied): the
     * bars are then propagated, and the result's method says so.
     */
    public static List<List<PhaseSummary>> of(Path output, List<PhaseSummary> volumes) throws IOException {
        if (!Files.isRegularFile(output.resolve(CampaignStore.MANIFEST))) return List.of();
        try {
            return replicas(output, volumes);
        } catch (BadInputException e) {
            return List.of();
        }
    }

    private static List<List<PhaseSummary>> replicas(Path output, List<PhaseSummary> volumes) throws IOException {
        CampaignStore store = CampaignStore.existing(output.toString(), new Configuration());
        CampaignManifest manifest = store.manifest();
        Map<Integer, CellFrame> frames = store.frames();
        int shards = -1;
        // per volume, per cell: the statistics of its shards in merge order
        List<List<List<ShardStatistics>>> statistics = new ArrayList<>();
        for (PhaseSummary volume : volumes) {
            List<List<ShardStatistics>> cells = new ArrayList<>();
            for (CellSummary cell : volume.cells()) {
                CampaignManifest.CellCount count = cellOf(manifest, volume.reference().strain(), cell.tau());
                CellFrame frame = count == null ? null : frames.get(count.cell());
                if (frame == null || count.samples() != cell.samples()) return List.of();
                CampaignCell c = new CampaignCell(count.cell(), 0, count.strain(), count.tau());
                List<Shard> plan = new ShardPlan(List.of(c), manifest.samplesPerCell(), manifest.samplesPerShard()).shardsOf(c.index());
                if (shards < 0) shards = plan.size();
                if (plan.size() != shards || shards < 2) return List.of();
                cells.add(store.readCell(c.index(), plan, manifest.identity(), frame.components(), frame.bins()));
            }
            statistics.add(cells);
        }
        int groups = Math.min(shards, MAX_REPLICAS);
        List<List<PhaseSummary>> replicas = new ArrayList<>(groups);
        for (int k = 0; k < groups; k++) {
            List<PhaseSummary> replica = new ArrayList<>(volumes.size());
            for (int v = 0; v < volumes.size(); v++) replica.add(without(k, groups, shards, volumes.get(v), statistics.get(v), frames));
            replicas.add(replica);
        }
        return replicas;
    }

    /** The volume's summary from all its cells' shards but group k of {@code groups}, score models refitted as stored. */
    private static PhaseSummary without(int k, int groups, int shards, PhaseSummary volume, List<List<ShardStatistics>> cells,
            Map<Integer, CellFrame> frames) {
        List<CellSummary> out = new ArrayList<>(cells.size());
        for (int a = 0; a < cells.size(); a++) {
            CellSummary full = volume.cells().get(a);
            List<ShardStatistics> parts = cells.get(a);
            CellFrame frame = frames.get(parts.get(0).cell());
            DescriptorMoments moments = new DescriptorMoments(frame.components());
            RotatedHistogram histogram = new RotatedHistogram(frame.components(), frame.bins());
            for (ShardStatistics s : parts) {
                if (s.index() * groups / shards == k) continue;
                moments.merge(s.moments());
                histogram.merge(s.histogram());
            }
            out.add(CellSummary.of(full.tau(), full.alpha(), moments, frame, histogram));
        }
        PhaseSummary replica = new PhaseSummary(volume.name(), volume.reference(), out, volume.conditioning(), volume.model());
        ScoreTable stored = volume.cells().get(0).scores();
        if (stored == null) return replica;
        return new ScoreMatcher(PolynomialBasis.of(stored.basis(), stored.order()), warning -> { }).fit(replica);
    }

    private static CampaignManifest.CellCount cellOf(CampaignManifest manifest, double strain, double tau) {
        for (CampaignManifest.CellCount c : manifest.cells()) {
            if (c.strain() == strain && Math.abs(c.tau() - tau) <= 1e-9 * Math.abs(tau)) return c;
        }
        return null;
    }
}
