package org.scoredos.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.scoredos.io.BadInputException;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.sample.SamplerKind;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.RotatedHistogram;
import org.scoredos.summary.StoreModel;
import scala.Tuple2;

/**
 * The sampling campaign on Spark (architecture.md §1). Only shards travel to executors; they
 * regenerate their samples, compute descriptors and commit per-shard statistics themselves.
 *
 * <ol>
 *   <li>descriptors of the shards not yet committed, grouped by cell (kept on the executors for
 *       pass 2);</li>
 *   <li>pass 1, for cells without a frame: moments per shard, merged per cell in shard order;
 *       the driver fixes each such cell's rotation and bin edges;</li>
 *   <li>pass 2, one task per cell group: moments and histogram counts per shard, committed
 *       atomically, then the cell's plan shards (this run's from memory, earlier runs' read back)
 *       merged in shard order into a cell summary and packed into one file ({@link ShardPack});</li>
 *   <li>cells without new shards merged and packed from their committed files; score models
 *       fitted per (cell, component) and the phases written to the summary store.</li>
 * </ol>
 *
 * Because every merge runs in shard order, the summaries are bit-identical for any number of
 * partitions or executors, and a top-up merges to exactly the moments of a fresh run. The
 * driver holds per-cell statistics only, never samples.
 */
public final class CampaignJob {
    private static final int MAX_DEFAULT_PARTITIONS = 10_000;
    private static final int TASKS_PER_CORE = 4;
    private final JavaSparkContext sc;
    private final CampaignConfig config;
    private final String identity;
    private final List<ReferenceConstants> phases;
    private final SnapshotDescriptors source;
    private final CampaignStore store;
    private final Progress progress;
    private final int partitions;
    /** The species and descriptor the summaries are recorded as sampled for; null when not SNAP-described (tests). */
    private final StoreModel model;
    private final TwoPassCompression compression;

    /** What a run did and what it produced. */
    public record Result(List<PhaseSummary> phases, int shardsComputed, long samplesComputed) {}

    /**
     * @param phases     the reference of each strain of the config, in order
     * @param partitions Spark partitions for the shards (0: one per shard, at most 10 000)
     */
    public CampaignJob(JavaSparkContext sc, CampaignConfig config, String identity, List<ReferenceConstants> phases,
            SnapshotDescriptors source, CampaignStore store, Progress progress, int partitions) {
        this(sc, config, identity, phases, source, store, progress, partitions, null);
    }

    /** As above, the summary stores recording {@code model} (null: unknown). */
    public CampaignJob(JavaSparkContext sc, CampaignConfig config, String identity, List<ReferenceConstants> phases,
            SnapshotDescriptors source, CampaignStore store, Progress progress, int partitions, StoreModel model) {
        if (phases.size() != config.strains().size()) throw new IllegalArgumentException("one reference per strain");
        this.sc = sc;
        this.config = config;
        this.identity = identity;
        this.phases = List.copyOf(phases);
        this.source = source;
        this.store = store;
        this.progress = progress;
        this.partitions = partitions;
        this.model = model;
        this.compression = new TwoPassCompression(config.compression(), source.components());
    }

    public Result run() throws IOException {
        Leftovers.remove(store.root(), sc.hadoopConfiguration(), progress);
        ShardPlan plan = plan(store.manifest());
        Map<Integer, CellFrame> frames = new HashMap<>(store.frames());
        List<Shard> committed = store.committedShards();
        for (Shard s : committed) {
            if (!frames.containsKey(s.cell())) {
                throw BadInputException.at(store.root(), 0, null,
                        "corrupted campaign output: shard " + s.index() + " of cell " + s.cell() + " has no frame");
            }
        }
        List<Shard> missing = plan.missing(committed);
        progress.say(String.format(Locale.ROOT, "%d cells × %d samples, %d shards of %d, %d to compute",
                plan.cells().size(), plan.samplesPerCell(), plan.shards().size(), config.samplesPerShard(), missing.size()));
        String rank = compression.rankWarning(plan.samplesPerCell() + " samples per cell", plan.samplesPerCell(), "samples");
        if (rank != null) progress.say(rank);
        long samples = missing.stream().mapToLong(Shard::size).sum();
        List<MergedCell> merged = missing.isEmpty() ? List.of() : compute(plan, missing, frames, samples);
        List<PhaseSummary> summaries = summarise(plan, frames, merged);
        progress.say("score models fitted; writing the summary store");
        store.writeSummaries(summaries, "scoredos campaign " + config.name() + " " + identity);
        List<CampaignManifest.CellCount> counts = new ArrayList<>();
        for (int p = 0; p < summaries.size(); p++) {
            for (CellSummary c : summaries.get(p).cells()) {
                CampaignCell cell = plan.cellAt(p, c.tau());
                counts.add(new CampaignManifest.CellCount(cell.index(), cell.strain(), cell.tau(), c.samples()));
            }
        }
        store.writeManifest(store.manifest().withCounts(plan.samplesPerCell(), counts,
                new ObjectMapper().valueToTree(config)));
        Leftovers.remove(store.root(), sc.hadoopConfiguration(), progress);
        return new Result(summaries, missing.size(), samples);
    }

    /**
     * The plan over the output's cells and the config's new τ values; new cells are recorded in
     * the manifest before any of their shards is committed, so a killed run's shards keep their ids.
     */
    private ShardPlan plan(CampaignManifest manifest) throws IOException {
        ShardPlan plan;
        try {
            plan = ShardPlan.of(config, manifest.cells());
        } catch (ConfigError e) {
            String root = store.root();
            throw BadInputException.at((root.endsWith("/") ? root : root + "/") + CampaignStore.MANIFEST, 0, e.field, e.reason);
        }
        Set<Integer> known = new HashSet<>();
        for (CampaignManifest.CellCount c : manifest.cells()) known.add(c.cell());
        List<CampaignCell> added = plan.cells().stream().filter(c -> !known.contains(c.index())).toList();
        if (added.isEmpty()) return plan;
        Map<Integer, Long> counted = new HashMap<>();
        for (CampaignManifest.CellCount c : manifest.cells()) counted.put(c.cell(), c.samples());
        List<CampaignManifest.CellCount> cells = plan.cells().stream()
                .map(c -> new CampaignManifest.CellCount(c.index(), c.strain(), c.tau(), counted.getOrDefault(c.index(), 0L))).toList();
        store.writeManifest(manifest.withCounts(manifest.samplesPerCell(), cells, manifest.config()));
        progress.say(String.format(Locale.ROOT, "grid extended by %d cells (τ %s); the %d cells already here keep their shards",
                added.size(), added.stream().map(c -> String.format(Locale.ROOT, "%.4g", c.tau())).distinct().toList(), known.size()));
        return plan;
    }

    /** The missing shards described, grouped by cell, framed (pass 1), committed and merged per cell (pass 2). */
    @SuppressWarnings("try") // the stage only reports while the work runs
    private List<MergedCell> compute(ShardPlan plan, List<Shard> missing, Map<Integer, CellFrame> frames, long samples)
            throws IOException {
        Broadcast<SnapshotDescriptors> descriptors = sc.broadcast(source);
        // by id: a grown grid's ids are not the cells' positions in the plan (new cells below the
        // grid, or new τ cells of a campaign with several strains)
        HashMap<Integer, CampaignCell> byId = new HashMap<>();
        for (CampaignCell c : plan.cells()) byId.put(c.index(), c);
        Broadcast<HashMap<Integer, CampaignCell>> cells = sc.broadcast(byId);
        LongAccumulator shardsDone = sc.sc().longAccumulator("shards described");
        LongAccumulator samplesDone = sc.sc().longAccumulator("samples described");
        FaultInjection faults = FaultInjection.of(sc);
        int slices = partitions > 0 ? partitions : defaultSlices(missing);
        int describedCells = (int) missing.stream().mapToInt(Shard::cell).distinct().count();
        // A cell's new descriptors (samples × components, a few hundred kB) travel to one task, so
        // that pass 2 merges and packs the cell from the statistics it has just committed instead
        // of reading them back.
        JavaPairRDD<Integer, Iterable<ShardDescriptors>> byCell = sc.parallelize(missing, Math.max(1, Math.min(slices, missing.size())))
                .map(s -> {
                    faults.atFirstAttempt("describe", s);
                    double[][] d = descriptors.value().descriptors(cells.value().get(s.cell()), s);
                    if (d.length > s.size()) throw new IllegalStateException("shard " + s + " gave " + d.length + " descriptors");
                    shardsDone.add(1);
                    samplesDone.add(s.size());
                    return new ShardDescriptors(s, d);
                })
                .mapToPair(sd -> new Tuple2<>(sd.shard().cell(), sd))
                .groupByKey(Math.max(1, Math.min(describedCells, sc.defaultParallelism())))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Set<Integer> frameless = new HashSet<>();
            for (Shard s : missing) if (!frames.containsKey(s.cell())) frameless.add(s.cell());
            try (Progress.Stage stage = progress.stage("descriptors", describedCells, missing.size(), samples,
                    shardsDone::value, samplesDone::value)) {
                if (frameless.isEmpty()) {
                    byCell.count();
                } else {
                    frames.putAll(fixFrames(byCell, frameless));
                }
            }
            return commitShards(byCell, frames, plan, describedCells, missing.size(), samples);
        } finally {
            byCell.unpersist(false);
            descriptors.destroy();
            cells.destroy();
        }
    }

    /**
     * Tasks of the descriptor stage when none are asked for: a cell's worth of shards per task,
     * and at least {@value #TASKS_PER_CORE} tasks per core so that the cores stay balanced. Every
     * task costs the driver and executor a fixed amount (scheduling, closure, result, metrics), and
     * the stages after it (pass 1, pass 2) run as many tasks again: at one task per shard, w-bcc's
     * 352 shards made ~1 400 tasks (lib/docs/performance.md, "Where a campaign's CPU goes"). A
     * failed task retries its cell's shards; commits stay per shard.
     */
    private int defaultSlices(List<Shard> missing) {
        int cells = (int) missing.stream().mapToInt(Shard::cell).distinct().count();
        return Math.min(Math.min(missing.size(), MAX_DEFAULT_PARTITIONS), Math.max(cells, TASKS_PER_CORE * sc.defaultParallelism()));
    }

    /** Pass 1: per frameless cell, the moments of all its shards merged in shard order, then its frame. */
    private Map<Integer, CellFrame> fixFrames(JavaPairRDD<Integer, Iterable<ShardDescriptors>> byCell, Set<Integer> frameless)
            throws IOException {
        TwoPassCompression twoPass = compression;
        Map<Integer, DescriptorMoments> merged = byCell
                .filter(c -> frameless.contains(c._1()))
                .mapValues(parts -> twoPass.merge(inShardOrder(parts).stream().map(sd -> twoPass.moments(sd.descriptors())).toList()))
                .collectAsMap();
        Map<Integer, CellFrame> fixed = new HashMap<>();
        for (Map.Entry<Integer, DescriptorMoments> e : merged.entrySet()) {
            CellFrame f = compression.frame("cell " + e.getKey(), e.getValue());
            store.writeFrame(e.getKey(), f);
            fixed.put(e.getKey(), f);
        }
        return fixed;
    }

    /**
     * Pass 2, per cell with new shards: each new shard's moments and histogram in the cell's frame,
     * committed by the executor; then the cell's plan shards merged in shard order and packed.
     */
    @SuppressWarnings("try") // the stage only reports while the work runs
    private List<MergedCell> commitShards(JavaPairRDD<Integer, Iterable<ShardDescriptors>> byCell, Map<Integer, CellFrame> frames,
            ShardPlan plan, int cells, int shards, long samples) {
        Broadcast<HashMap<Integer, CellFrame>> frameBroadcast = sc.broadcast(new HashMap<>(frames));
        LongAccumulator shardsDone = sc.sc().longAccumulator("shards committed");
        LongAccumulator samplesDone = sc.sc().longAccumulator("samples committed");
        FaultInjection faults = FaultInjection.of(sc);
        Broadcast<CampaignStore> out = broadcastStore();
        String id = identity;
        TwoPassCompression twoPass = compression;
        ShardPlan p = plan;
        try (Progress.Stage stage = progress.stage("histograms + commit", cells, shards, samples,
                shardsDone::value, samplesDone::value)) {
            return byCell.map(c -> {
                CellFrame f = frameBroadcast.value().get(c._1());
                Map<Shard, ShardStatistics> committed = new HashMap<>();
                for (ShardDescriptors sd : inShardOrder(c._2())) {
                    ShardStatistics st = ShardStatistics.of(id, sd.shard(), sd.descriptors(), f, twoPass);
                    out.value().commit(st);
                    faults.atFirstAttempt("commit", sd.shard()); // after the commit: the retry commits it again
                    committed.put(sd.shard(), st);
                    shardsDone.add(1);
                    samplesDone.add(sd.shard().size());
                }
                return MergedCell.of(out.value(), id, p.shardsOf(c._1()), f, committed);
            }).collect();
        } finally {
            frameBroadcast.destroy();
            out.destroy();
        }
    }

    /**
     * The store for the executors, broadcast rather than in each task's closure: its Hadoop
     * settings (≈ 1 000) then travel and become a file system once per executor, not once per
     * task; in local mode the executors get the driver's own store, its file system already open.
     */
    private Broadcast<CampaignStore> broadcastStore() {
        return sc.broadcast(store);
    }

    /**
     * The summaries of every cell of the plan: those pass 2 merged ({@code mergedNew}), the others'
     * committed plan shards merged in shard order on the executors; then the score fits.
     */
    private List<PhaseSummary> summarise(ShardPlan plan, Map<Integer, CellFrame> frames, List<MergedCell> mergedNew)
            throws IOException {
        Map<Integer, MergedCell> byId = new HashMap<>();
        for (MergedCell m : mergedNew) byId.put(m.cell(), m);
        List<Integer> unmerged = plan.cells().stream().map(CampaignCell::index).filter(c -> !byId.containsKey(c)).toList();
        if (!unmerged.isEmpty()) {
            Broadcast<HashMap<Integer, CellFrame>> frameBroadcast = sc.broadcast(new HashMap<>(frames));
            Broadcast<CampaignStore> in = broadcastStore();
            String id = identity;
            ShardPlan p = plan;
            List<MergedCell> read = sc.parallelize(unmerged, Math.max(1, Math.min(unmerged.size(), sc.defaultParallelism())))
                    .map(cell -> MergedCell.of(in.value(), id, p.shardsOf(cell), frameBroadcast.value().get(cell), Map.of()))
                    .collect();
            frameBroadcast.destroy();
            in.destroy();
            for (MergedCell m : read) byId.put(m.cell(), m);
        }
        List<MergedCell> merged = plan.cells().stream().map(c -> byId.get(c.index())).toList(); // the plan's order
        for (MergedCell m : merged) if (m.error() != null) throw new BadInputException(m.error());

        List<List<CellSummary>> byPhase = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) byPhase.add(new ArrayList<>());
        SamplerKind sampler = config.sampler().kind();
        for (MergedCell m : merged) {
            CampaignCell cell = plan.cell(m.cell());
            double alpha = sampler.alpha(phases.get(cell.phase()), cell.tau());
            byPhase.get(cell.phase()).add(compression.cell(cell.tau(), alpha, m.moments(), frames.get(m.cell()), m.histogram()));
        }
        List<PhaseSummary> out = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            out.add(compression.fit(phaseName(i), phases.get(i), byPhase.get(i), sampler.conditioning(), model, progress::say));
        }
        return out;
    }

    String phaseName(int phase) {
        return phaseName(config, phase);
    }

    /** The campaign name, with the strain when a campaign has several. */
    public static String phaseName(CampaignConfig config, int phase) {
        return config.strains().size() == 1 ? config.name()
                : String.format(Locale.ROOT, "%s-strain%+.4f", config.name(), config.strains().get(phase));
    }

    /** A cell's new shards in merge order (a shuffle delivers them in any order). */
    private static List<ShardDescriptors> inShardOrder(Iterable<ShardDescriptors> parts) {
        List<ShardDescriptors> out = new ArrayList<>();
        parts.forEach(out::add);
        out.sort(java.util.Comparator.comparing(ShardDescriptors::shard));
        return out;
    }

    record ShardDescriptors(Shard shard, double[][] descriptors) implements Serializable {}

    /**
     * One cell's merged statistics, or why its committed shards could not be read; the cell's
     * shard files are packed into one once merged (a cell's state is then two files: frame and pack).
     */
    record MergedCell(int cell, DescriptorMoments moments, RotatedHistogram histogram, String error) implements Serializable {
        /**
         * @param shards    the cell's plan shards, in merge order
         * @param committed statistics this task has just committed, by shard; the others are read back
         */
        static MergedCell of(CampaignStore store, String identity, List<Shard> shards, CellFrame frame,
                Map<Shard, ShardStatistics> committed) throws IOException {
            int cell = shards.get(0).cell();
            DescriptorMoments moments = new DescriptorMoments(frame.components());
            RotatedHistogram histogram = new RotatedHistogram(frame.components(), frame.bins());
            try {
                List<Shard> earlier = shards.stream().filter(s -> !committed.containsKey(s)).toList();
                Map<Shard, ShardStatistics> read = new HashMap<>();
                if (!earlier.isEmpty()) {
                    List<ShardStatistics> found = store.readCell(cell, earlier, identity, frame.components(), frame.bins());
                    for (int i = 0; i < earlier.size(); i++) read.put(earlier.get(i), found.get(i));
                }
                List<ShardStatistics> statistics = new ArrayList<>(shards.size());
                for (Shard s : shards) statistics.add(committed.containsKey(s) ? committed.get(s) : read.get(s));
                for (ShardStatistics st : statistics) {
                    moments.merge(st.moments());
                    histogram.merge(st.histogram());
                }
                store.pack(cell, identity, statistics);
            } catch (BadInputException e) {
                return new MergedCell(cell, null, null, e.getMessage());
            }
            return new MergedCell(cell, moments, histogram, null);
        }
    }
}
