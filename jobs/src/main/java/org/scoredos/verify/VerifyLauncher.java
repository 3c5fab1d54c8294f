package org.scoredos.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.scoredos.campaign.SparkContexts;
import org.scoredos.thermo.TiResult;

/**
 * Runs the TI side of a verification as its own Spark application, so that the command line
 * stays free of Spark: the master is checked when the launcher is made (before any work), the
 * context lives only while the tasks run.
 */
public final class VerifyLauncher {
    private final SparkConf conf;
    private final int partitions;

    private VerifyLauncher(SparkConf conf, int partitions) {
        this.conf = conf;
        this.partitions = partitions;
    }

    /**
     * @param master     Spark's master URL, or null for spark-submit's, else local[*]; a bad URL is refused here
     * @param partitions Spark partitions (0: one per task)
     */
    public static VerifyLauncher of(String master, int partitions) {
        return new VerifyLauncher(SparkContexts.conf("scoredos verify", master), partitions);
    }

    /** Every model's TI results, in the tasks' model and temperature order; progress lines on {@code err}. */
    public List<List<TiResult>> run(TiTasks tasks, PrintWriter err, String label) {
        try (JavaSparkContext sc = SparkContexts.start(conf)) {
            sc.setLogLevel("WARN");
            return VerifyJob.run(sc, tasks, partitions, err, label, Duration.ofSeconds(10));
        }
    }
}
