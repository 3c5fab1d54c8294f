package org.scoredos.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a campaign from its config file: set-up on the driver, the Spark job, and the per-cell
 * counts; or, without Spark, the status of an existing output.
 */
public final class CampaignLauncher {
    private CampaignLauncher() {}

    /** How to run: overrides of the config, Spark's master and the Hessian cache. */
    public record Options(String out, Integer samples, String master, int partitions, Path hessianCache, Duration progressEvery) {}

    /** A finished run: where it wrote, what it computed and every cell's counts. */
    public record Outcome(String name, String output, CampaignJob.Result result, List<CellStatus> cells) {}

    /**
     * One cell: shards and samples committed, samples in its summary (rejected samples excluded)
     * and samples of the committed shards the sampler rejected (atoms too close).
     */
    public record CellStatus(int cell, double strain, double tau, int shards, long committedSamples, long summarised, long rejected) {}

    public static CampaignConfig config(Path configFile, Options o) throws IOException {
        CampaignConfig c = CampaignConfigReader.read(configFile);
        return c.with(o.samples() != null ? o.samples() : c.samples(), o.out() != null ? o.out() : c.output());
    }

    public static Outcome run(Path configFile, Options o, PrintWriter err) throws IOException {
        CampaignConfig c = config(configFile, o);
        Progress progress = new Progress(err, c.name(), o.progressEvery());
        SparkConf conf = SparkContexts.conf("scoredos campaign " + c.name(), o.master());
        // the output is checked (and claimed) before any Hessian or Spark context is paid for
        String identity = CampaignIdentity.of(c, configFile.toAbsolutePath().getParent());
        CampaignStore.open(c.output(), SparkContexts.hadoopConfiguration(conf), CampaignManifest.initial(c, identity));
        CampaignSetup.Prepared prepared = CampaignSetup.prepare(c, configFile, o.hessianCache(), progress);
        try (JavaSparkContext sc = SparkContexts.start(conf)) {
            sc.setLogLevel("WARN");
            CampaignStore store = CampaignStore.open(c.output(), sc.hadoopConfiguration(),
                    CampaignManifest.initial(c, prepared.identity()));
            CampaignJob job = new CampaignJob(sc, c, prepared.identity(), prepared.phases(), prepared.source(), store,
                    progress, o.partitions(), prepared.model());
            CampaignJob.Result result = job.run();
            List<CellStatus> cells = status(c, store);
            RejectedSamples.report(cells, progress);
            return new Outcome(c.name(), store.root(), result, cells);
        }
    }

    /** Per-cell counts of an existing output, read without Spark. */
    public static Outcome status(Path configFile, Options o) throws IOException {
        CampaignConfig c = config(configFile, o);
        CampaignStore store = CampaignStore.existing(c.output(), new Configuration());
        return new Outcome(c.name(), store.root(), null, status(c, store));
    }

    private static List<CellStatus> status(CampaignConfig c, CampaignStore store) throws IOException {
        CampaignManifest m = store.manifest();
        Map<Integer, long[]> committed = new HashMap<>();
        // the plan of the summarised sample count (the config's may have changed since)
        CampaignConfig summarised = m.samplesPerCell() >= 2 ? c.with(m.samplesPerCell(), c.output()) : c;
        java.util.Set<Shard> planned = new java.util.HashSet<>(ShardPlan.of(summarised).shards());
        List<Shard> counted = new ArrayList<>();
        for (Shard s : store.committedShards()) {
            if (!planned.contains(s)) continue; // a short last shard a top-up has since replaced
            counted.add(s);
            long[] n = committed.computeIfAbsent(s.cell(), k -> new long[2]);
            n[0]++;
            n[1] += s.size();
        }
        Map<Integer, Long> rejected = RejectedSamples.perCell(store, m.identity(), counted);
        List<CellStatus> out = new ArrayList<>();
        for (CampaignManifest.CellCount cc : m.cells()) {
            long[] n = committed.getOrDefault(cc.cell(), new long[2]);
            out.add(new CellStatus(cc.cell(), cc.strain(), cc.tau(), (int) n[0], n[1], cc.samples(),
                    rejected.getOrDefault(cc.cell(), 0L)));
        }
        return out;
    }
}
