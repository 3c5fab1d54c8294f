package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.scoredos.campaign.CampaignLauncher;
import org.scoredos.campaign.CampaignLock;
import org.scoredos.campaign.LockedCampaignRun;
import org.scoredos.cli.result.Renderers;
import org.scoredos.io.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scoredos campaign}: the sampling campaign on Spark, resumable; or its status. */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = {
            "Samples the descriptor density of states of a crystal on a grid of harmonic isosurfaces "
                    + "(config: conf/campaigns/README.md), compresses every cell into moments, a PCA frame and "
                    + "histograms, and commits them shard by shard. Running it again resumes an interrupted run; "
                    + "with more samples it adds only the missing shards (a top-up). Progress goes to stderr. "
                    + "A run holds the lock campaign.lock in the output and appends a line to its runs.log; "
                    + "a second run on a locked output exits with code 3 (or waits, with --wait-lock)."
        })
public final class CampaignCommand implements Callable<Integer> {
    /** Exit code of a run that found its output locked by another run. */
    static final int LOCKED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "campaign config (YAML)")
    Path config;

    @Option(names = "--out", paramLabel = "DIR|URI", description = "output directory or Hadoop URI (default: the config's output)")
    String out;

    @Option(names = "--samples", paramLabel = "N", description = "samples per cell (default: the config's); more than before tops up")
    Integer samples;

    @Option(names = "--add-samples", defaultValue = "0", paramLabel = "N",
            description = "top up: raise the samples per cell by N over what the output holds (scheduled runs)")
    int addSamples;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Spark partitions for the shards (default: one per cell, at least 4 per core)")
    int partitions;

    @Option(names = "--hessian-cache", paramLabel = "DIR", description = "where reference Hessians are kept (default: ~/.cache/scoredos/hessians)")
    Path hessianCache;

    @Option(names = "--status", description = "print the per-cell sample counts of the output and the temperatures its "
            + "summaries cover for the reference potential, and exit (no Spark)")
    boolean status;

    @Option(names = "--wait-lock", defaultValue = "0", paramLabel = "SECONDS",
            description = "wait up to this long for another run on the same output to finish (default: exit 3 at once)")
    long waitLock;

    @Option(names = "--lock-max-age", defaultValue = "1440", paramLabel = "MINUTES",
            description = "a lock older than this, or held by a dead process on this host, is stale (default ${DEFAULT-VALUE})")
    long lockMaxAge;

    @Option(names = "--break-lock", description = "remove a stale lock from another host (older than --lock-max-age), then run; "
                    + "the lock of a dead process on this host is broken anyway")
    boolean breakLock;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        if (partitions < 0) throw new BadInputException("--partitions must not be negative, got " + partitions);
        if (samples != null && samples < 2) throw new BadInputException("--samples must be at least 2, got " + samples);
        CampaignLauncher.Options options = new CampaignLauncher.Options(out, samples, master, partitions,
                hessianCache != null ? hessianCache : defaultHessianCache(), Duration.ofSeconds(5));
        if (addSamples < 0) throw new BadInputException("--add-samples must not be negative, got " + addSamples);
        if (addSamples > 0 && samples != null) throw new BadInputException("--add-samples and --samples exclude each other");
        if (waitLock < 0) throw new BadInputException("--wait-lock must not be negative, got " + waitLock);
        if (lockMaxAge < 1) throw new BadInputException("--lock-max-age must be at least 1 minute, got " + lockMaxAge);
        PrintWriter err = spec.commandLine().getErr();
        CampaignLauncher.Outcome outcome;
        try {
            outcome = status
                    ? CampaignLauncher.status(config, options, err)
                    : LockedCampaignRun.run(config, options,
                            new CampaignLock.Policy(Duration.ofSeconds(waitLock), Duration.ofMinutes(lockMaxAge), breakLock),
                            addSamples, err);
        } catch (CampaignLock.LockedException e) {
            err.println(spec.qualifiedName(" ") + ": " + e.getMessage());
            return LOCKED;
        }
        Renderers.print(CampaignReport.of(outcome), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static Path defaultHessianCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "scoredos", "hessians");
    }
}
