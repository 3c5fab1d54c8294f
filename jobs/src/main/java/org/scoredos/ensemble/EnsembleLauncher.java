package org.scoredos.ensemble;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.scoredos.campaign.SparkContexts;

/**
 * An ensemble as its own Spark application ({@link SparkEnsemble} inside a context started for
 * the job and stopped after it), so that the command line stays free of Spark: the master is
 * checked when the launcher is made, before any work.
 */
public final class EnsembleLauncher implements EnsembleRunner {
    private final SparkConf conf;
    private final int partitions;

    /**
     * @param master     Spark's master URL; a bad one is refused here
     * @param partitions Spark partitions (0: one per {@value SparkEnsemble#DEFAULT_PARTITION} members)
     */
    public EnsembleLauncher(String master, int partitions) {
        this.conf = SparkContexts.conf("scoredos ensemble", master);
        // executors started with the driver's SIMD module, unless the user set their options
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            conf.setIfMissing("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector");
        }
        this.partitions = partitions;
    }

    @Override
    public MemberResult[] run(EnsemblePhases phases, ThetaSource members, LongAdder done, Consumer<String> progress) {
        try (JavaSparkContext sc = SparkContexts.start(conf)) {
            sc.setLogLevel("WARN");
            phases.evaluator(progress); // refits and bad settings show here, once, before the job
            return new SparkEnsemble(sc, partitions).run(phases, members, done, progress);
        }
    }
}
