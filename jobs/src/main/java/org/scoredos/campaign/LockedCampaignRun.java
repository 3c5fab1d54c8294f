package org.scoredos.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * A campaign run as scheduled runs need it: under the output's {@link CampaignLock}, so that
 * overlapping runs never write the same output at once, and recorded in its {@link RunLog}.
 */
public final class LockedCampaignRun {
    private LockedCampaignRun() {}

    public static CampaignLauncher.Outcome run(Path configFile, CampaignLauncher.Options o, CampaignLock.Policy policy,
            PrintWriter err) throws IOException {
        CampaignConfig c = CampaignLauncher.config(configFile, o);
        // the file-system settings spark-submit passes as spark.hadoop.* apply to the lock too
        Configuration hadoop = CampaignLauncher.hadoopConfiguration(new SparkConf());
        try (CampaignLock lock = CampaignLock.acquire(c.output(), hadoop, policy, err)) {
            Instant started = Instant.now();
            CampaignLauncher.Outcome outcome = CampaignLauncher.run(configFile, o, err);
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            RunLog.append(c.output(), hadoop, new RunLog.Entry(started.truncatedTo(ChronoUnit.SECONDS).toString(),
                    lock.holder().host(), outcome.result().samplesComputed(), outcome.result().shardsComputed(),
                    outcome.cells().size(), c.samples(), seconds));
            return outcome;
        }
    }
}
