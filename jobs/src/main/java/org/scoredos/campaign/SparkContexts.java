package org.scoredos.campaign;

import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.scoredos.io.BadInputException;
import org.scoredos.store.NioLocalFileSystem;

/** The Spark set-up the Spark commands share: the configuration, its master checked, and the context. */
public final class SparkContexts {
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[([1-9]\\d*|\\*)(,\\d+)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+|mesos://.+");

    /** Heartbeat interval (and so the heartbeat's ask timeout) in local mode. */
    static final String LOCAL_HEARTBEAT = "60s";
    /** Spark's network timeout in local mode: it must exceed the heartbeat interval. */
    static final String LOCAL_NETWORK_TIMEOUT = "600s";

    private SparkContexts() {}

    /** The configuration of an application: {@code master} if given, else spark-submit's, else local[*]. */
    public static SparkConf conf(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName).set("spark.ui.showConsoleProgress", "false");
        if (master != null) conf.setMaster(master);
        conf.setIfMissing("spark.master", "local[*]");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            // Driver and executor share this JVM: a heartbeat carries metrics, never news of a lost
            // executor. At Spark's 10 s its ask times out whenever the machine is loaded or the
            // heap is collecting, and the executor logs a stack trace per missed beat.
            conf.setIfMissing("spark.executor.heartbeatInterval", LOCAL_HEARTBEAT);
            conf.setIfMissing("spark.network.timeout", LOCAL_NETWORK_TIMEOUT);
            // Spark's own Hadoop configuration names the file system hadoopConfiguration names
            NioLocalFileSystem.SETTINGS.forEach((key, value) -> conf.setIfMissing("spark.hadoop." + key, value));
        }
        String chosen = conf.get("spark.master");
        if (!MASTER.matcher(chosen).matches()) {
            throw new BadInputException("--master: '" + chosen + "' is not a Spark master URL "
                    + "(local, local[N], local[*], spark://HOST:PORT, yarn, k8s://URL)");
        }
        return conf;
    }

    /** Spark's context; a master URL it cannot use is bad input, not an internal error. */
    public static JavaSparkContext start(SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Scala throws SparkException undeclared
            if (e instanceof org.apache.spark.SparkException && String.valueOf(e.getMessage()).contains("Master URL")) {
                throw new BadInputException("--master: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot start Spark: " + e.getMessage(), e);
        }
    }

    /**
     * The Hadoop configuration Spark will give its jobs: defaults plus spark.hadoop.* settings; in
     * local mode (a conf without a master is local[*]) {@code file:} outputs go through
     * {@link NioLocalFileSystem}, which forks no chmod per file written and no readlink per
     * rename, for {@code FileSystem} and {@code FileContext} both. Hadoop caches a file system
     * per scheme, so the first configuration that opens {@code file:} in the JVM (the lock's) decides.
     */
    public static Configuration hadoopConfiguration(SparkConf conf) {
        Configuration h = new Configuration();
        if (conf.get("spark.master", "local[*]").startsWith("local")) NioLocalFileSystem.SETTINGS.forEach(h::set);
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) h.set(kv._1().substring("spark.hadoop.".length()), kv._2());
        }
        return h;
    }
}
