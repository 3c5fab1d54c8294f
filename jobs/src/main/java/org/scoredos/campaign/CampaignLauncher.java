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
import org.scoredos.model.ModelDescription;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/**
 * Runs a campaign from its config file: set-up on the driver, the Spark job, and the per-cell
 * counts; or, without Spark, the status of an existing output.
 */
public final class CampaignLauncher {
    private CampaignLauncher() {}

    /** How to run: overrides of the config, Spark's master and the Hessian cache. */
    public record Options(String out, Integer samples, String master, int partitions, Path hessianCache, Duration progressEvery) {}

    /**
     * A finished run: where it wrote, what it computed, every cell's counts and the temperatures
     * the summaries cover for the reference potential (one entry per phase; empty when not
     * evaluated, see {@link #coverage}).
     */
    public record Outcome(String name, String output, CampaignJob.Result result, List<CellStatus> cells,
            List<TemperatureCoverage.PhaseCoverage> coverage) {}

    /**
     * One cell: shards and samples committed, samples in its summary (rejected samples excluded)
     * and samples of the committed shards the sampler rejected (atoms too close).
     */
    public record CellStatus(int cell, double strain, double tau, int shards, long committedSamples, long summarised, long rejected) {}

    public static CampaignConfig config(Path configFile, Options o) throws IOException {
        CampaignConfig c = CampaignConfigReader.read(configFile);
        try {
            return c.with(o.samples() != null ? o.samples() : c.samples(), o.out() != null ? o.out() : c.output());
        } catch (ConfigError e) {
            // only the command line's overrides can fail here: the file itself was checked
            throw new BadInputException("--" + e.getMessage());
        }
    }

    public static Outcome run(Path configFile, Options o, PrintWriter err) throws IOException {
        CampaignConfig c = config(configFile, o);
        Progress progress = new Progress(err, c.name(), o.progressEvery());
        SparkConf conf = SparkContexts.conf("scoredos campaign " + c.name(), o.master());
        // the output is checked (and claimed) before any Hessian or Spark context is paid for
        Path base = configFile.toAbsolutePath().getParent();
        TaskMemory.check(conf, CampaignFiles.resolve(base, c.descriptor()).toString(),
                CampaignFiles.descriptor(c, base).descriptorCount(CampaignFiles.reference(c, base).elements().size()),
                c.samples(), c.compression().bins());
        CampaignIdentity.Former formerIdentity = CampaignIdentity.former(c, base);
        CampaignStore claimed = CampaignStore.open(c.output(), SparkContexts.hadoopConfiguration(conf),
                CampaignManifest.initial(c, CampaignIdentity.of(c, base)), formerIdentity);
        CampaignManifest found = claimed.manifest();
        try {
            ShardPlan.of(c, found.cells());
        } catch (ConfigError e) {
            throw CampaignConfigReader.refusal(configFile, e);
        }
        // an output written before grids could grow or strains be added keeps the identity it recorded
        String identity = found.identity();
        CampaignSetup.Prepared prepared = CampaignSetup.prepare(c, configFile, o.hessianCache(), progress);
        try (JavaSparkContext sc = SparkContexts.start(conf)) {
            sc.setLogLevel("WARN");
            CampaignStore store = CampaignStore.open(c.output(), sc.hadoopConfiguration(),
                    CampaignManifest.initial(c, prepared.identity()), formerIdentity);
            CampaignJob job = new CampaignJob(sc, c, identity, prepared.phases(), prepared.source(), store,
                    progress, o.partitions(), prepared.model());
            CampaignJob.Result result = job.run();
            List<CellStatus> cells = status(c, store);
            RejectedSamples.report(cells, progress);
            return new Outcome(c.name(), store.root(), result, cells, coverage(c, configFile, result.phases(), progress));
        }
    }

    /**
     * The temperatures the summaries cover for the reference potential θ_ref, each phase's
     * also said on a progress line; empty (with a line saying why) when θ_ref is not a model of
     * the descriptor or the summaries cannot be estimated (too few cells, energy-conditioned).
     */
    public static List<TemperatureCoverage.PhaseCoverage> coverage(CampaignConfig c, Path configFile, List<PhaseSummary> phases,
            Progress progress) throws IOException {
        double[] span = c.temperatures() == null ? null : new double[] {c.temperatures().from(), c.temperatures().to()};
        List<TemperatureCoverage.PhaseCoverage> out = new ArrayList<>();
        try {
            ModelDescription reference = CampaignFiles.reference(c, configFile.toAbsolutePath().getParent());
            if (reference.elements().size() != 1) {
                throw new BadInputException("θ_ref of a model with " + reference.elements().size()
                        + " elements is no θ of the stores' single-element descriptors");
            }
            for (PhaseSummary phase : phases) {
                double[] theta = reference.elements().get(0).linear();
                if (theta.length != phase.parameters()) {
                    throw new BadInputException("θ_ref has " + theta.length + " values, phase " + phase.name() + " "
                            + phase.parameters() + " descriptor components");
                }
                TemperatureCoverage.PhaseCoverage pc = TemperatureCoverage.of(phase, theta, span);
                if (pc == null) {
                    progress.say("phase " + phase.name() + ": energy-conditioned summaries (sampler: kinetic) are for inspection "
                            + "only (summaries, inspect): no free-energy estimator reads them, so no temperature coverage");
                    continue;
                }
                progress.say("temperatures of θ_ref (" + (c.reference().model() != null ? c.reference().model() : c.reference().coeff()) + "), phase " + phase.name() + ": " + pc.describe());
                out.add(pc);
            }
        } catch (BadInputException | IllegalArgumentException e) {
            progress.say("temperature coverage not evaluated: " + e.getMessage());
            return List.of();
        }
        return out;
    }

    /** Per-cell counts of an existing output and the temperatures its summaries cover, read without Spark. */
    public static Outcome status(Path configFile, Options o, PrintWriter err) throws IOException {
        CampaignConfig c = config(configFile, o);
        CampaignStore store = CampaignStore.existing(c.output(), new Configuration());
        List<PhaseSummary> phases = new ArrayList<>();
        for (int p = 0; p < c.strains().size(); p++) {
            PhaseSummary ph = store.summary(CampaignJob.phaseName(c, p));
            if (ph != null) phases.add(ph);
        }
        Progress progress = new Progress(err, c.name(), o.progressEvery());
        if (phases.isEmpty()) progress.say("temperature coverage not evaluated: no run has written summaries here yet");
        return new Outcome(c.name(), store.root(), null, status(c, store), coverage(c, configFile, phases, progress));
    }

    private static List<CellStatus> status(CampaignConfig c, CampaignStore store) throws IOException {
        CampaignManifest m = store.manifest();
        Map<Integer, long[]> committed = new HashMap<>();
        // the output's cells at its summarised sample count (the config's may have changed since)
        int perCell = m.samplesPerCell() >= 2 ? m.samplesPerCell() : c.samples();
        List<CampaignCell> cells = m.cells().stream().map(cc -> new CampaignCell(cc.cell(), 0, cc.strain(), cc.tau())).toList();
        java.util.Set<Shard> planned = new java.util.HashSet<>(new ShardPlan(cells, perCell, m.samplesPerShard()).shards());
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
