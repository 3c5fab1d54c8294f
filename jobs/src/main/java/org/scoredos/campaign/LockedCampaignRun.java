package org.scoredos.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.scoredos.io.BadInputException;

/**
 * A campaign run as scheduled runs need it: under the output's {@link CampaignLock}, so that
 * overlapping runs never write the same output at once, and recorded in its {@link RunLog}.
 */
public final class LockedCampaignRun {
    private LockedCampaignRun() {}

    /**
     * @param addSamples when positive, the per-cell sample count becomes the output's current
     *                   count (read under the lock) plus this: a scheduled top-up
     */
    public static CampaignLauncher.Outcome run(Path configFile, CampaignLauncher.Options o, CampaignLock.Policy policy,
            int addSamples, PrintWriter err) throws IOException {
        CampaignConfig c = CampaignLauncher.config(configFile, o);
        // the file-system settings spark-submit passes as spark.hadoop.* apply to the lock too
        Configuration hadoop = SparkContexts.hadoopConfiguration(new SparkConf());
        CampaignStore.checkClaimable(c.output(), hadoop);
        boolean existed = CampaignStore.exists(c.output(), hadoop);
        try {
            return lockedRun(configFile, o, c, hadoop, policy, addSamples, err);
        } catch (BadInputException e) {
            // a refused first run leaves nothing behind: the corrected config must find the output new
            if (!existed) CampaignStore.removeRefused(c.output(), hadoop);
            throw e;
        }
    }

    private static CampaignLauncher.Outcome lockedRun(Path configFile, CampaignLauncher.Options o, CampaignConfig c,
            Configuration hadoop, CampaignLock.Policy policy, int addSamples, PrintWriter err) throws IOException {
        try (CampaignLock lock = CampaignLock.acquire(c.output(), hadoop, policy, err)) {
            CampaignLauncher.Options options = o;
            long samples = c.samples();
            if (addSamples > 0) {
                samples = summarisedSamples(c.output(), hadoop) + addSamples;
                if (samples > Integer.MAX_VALUE) throw new BadInputException("--add-samples: too many samples, " + samples);
                options = new CampaignLauncher.Options(o.out(), (int) samples, o.master(), o.partitions(), o.hessianCache(),
                        o.progressEvery());
            }
            Instant started = Instant.now();
            CampaignLauncher.Outcome outcome = CampaignLauncher.run(configFile, options, err);
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            RunLog.append(c.output(), hadoop, new RunLog.Entry(started.truncatedTo(ChronoUnit.SECONDS).toString(),
                    lock.holder().host(), outcome.result().samplesComputed(), outcome.result().shardsComputed(),
                    outcome.cells().size(), samples, seconds));
            return outcome;
        }
    }

    /** Samples per cell the output's summaries hold; 0 for an output without a manifest yet. */
    private static long summarisedSamples(String location, Configuration hadoop) throws IOException {
        String root = CampaignStore.uriOf(location);
        URI manifest = URI.create((root.endsWith("/") ? root : root + "/") + CampaignStore.MANIFEST);
        if (!FileSystem.get(manifest, hadoop).exists(new org.apache.hadoop.fs.Path(manifest))) return 0;
        return CampaignStore.existing(location, hadoop).manifest().samplesPerCell();
    }
}
