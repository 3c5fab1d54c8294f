package org.scoredos.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.scoredos.estimate.VolumeReplicas;
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
 * bin edges) and refits the score models in the stored fits' basis and order. The output is read
 * when a Gibbs estimator asks for its replicas ({@link VolumeReplicas}), not when the phase is.
 */
public record ShardJackknife(String output) implements VolumeReplicas {
    /** At most this many replicas: more shards are left out in contiguous groups (the estimate costs one per replica). */
    static final int MAX_REPLICAS = 8;

    /** The replicas of the campaign output directory {@code output}, read when an estimator asks for them. */
    public static ShardJackknife at(Path output) {
        return new ShardJackknife(output.toString());
    }

    /**
     * Replica k of {@code volumes} (their summaries, in their order) without shard k of any cell
     * (without the k-th of {@link #MAX_REPLICAS} contiguous groups of shards when there are more).
     * None when the output is not a campaign output directory (a directory of stores: the
     * estimator's method says the bars are propagated), and none, with the reason on
     * {@code progress}, when its cells hold fewer than two shards each (or not the same number),
     * its shards do not add up to the summaries (a run stopped before it rewrote them) or cannot be
     * read (the summaries alone were copied).
     */
    @Override
    public List<List<PhaseSummary>> replicas(List<PhaseSummary> volumes, Consumer<String> progress) {
        Path dir = Path.of(output);
        if (!Files.isRegularFile(dir.resolve(CampaignStore.MANIFEST))) return List.of();
        try {
            return read(dir, volumes);
        } catch (BadInputException e) {
            progress.accept("no jackknife replicas (" + e.getMessage() + "): statistical bars propagated as independent between volumes");
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<PhaseSummary>> read(Path output, List<PhaseSummary> volumes) throws IOException {
        CampaignStore store = CampaignStore.existing(output.toString(), new Configuration());
        CampaignManifest manifest = store.manifest();
        Map<Integer, CellFrame> frames = store.frames();
        int shards = -1;
        // per volume, per cell: the statistics of its shards in merge order
        List<List<List<ShardStatistics>>> statistics = new ArrayList<>();
        for (PhaseSummary volume : volumes) {
            List<List<ShardStatistics>> cells = new ArrayList<>();
            for (CellSummary cell : volume.cells()) {
                String where = String.format(Locale.ROOT, "%s: strain %s, τ = %s", output, volume.reference().strain(), cell.tau());
                CampaignManifest.CellCount count = cellOf(manifest, volume.reference().strain(), cell.tau());
                if (count == null) throw new BadInputException(where + ": not a cell of this output");
                if (!frames.containsKey(count.cell())) throw new BadInputException(where + ": the output has no frame of this cell");
                if (count.samples() != cell.samples()) {
                    throw new BadInputException(where + ": the summary holds " + cell.samples() + " samples, the shards " + count.samples()
                            + " (a run stopped before it rewrote the summaries)");
                }
                CellFrame frame = frames.get(count.cell());
                CampaignCell c = new CampaignCell(count.cell(), 0, count.strain(), count.tau());
                List<Shard> plan = new ShardPlan(List.of(c), manifest.samplesPerCell(), manifest.samplesPerShard()).shardsOf(c.index());
                if (shards < 0) shards = plan.size();
                if (plan.size() < 2) throw new BadInputException(where + ": one shard per cell, nothing to leave out");
                if (plan.size() != shards) throw new BadInputException(where + ": " + plan.size() + " shards, other cells " + shards);
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
