package org.scoredos.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.scoredos.campaign.PeriodicProgress;
import org.scoredos.thermo.TiResult;

/**
 * The TI tasks of a verification as one Spark job: the task list is broadcast once, every
 * (model, T, λ node) is a task, the executors return only the small per-node samples and the
 * driver combines them in node order — so the result is the same bits for any master,
 * executor count or partitioning.
 */
public final class VerifyJob {
    private VerifyJob() {}

    /**
     * F_TI(T) of every model.
     *
     * @param partitions Spark partitions (0: one per task)
     * @param label      the progress lines' prefix
     */
    @SuppressWarnings("try") // the progress only reports while the job runs
    public static List<List<TiResult>> run(JavaSparkContext sc, TiTasks tasks, int partitions, PrintWriter err, String label,
                                           Duration progressEvery) {
        Broadcast<TiTasks> shared = sc.broadcast(tasks);
        LongAccumulator done = sc.sc().longAccumulator("TI tasks done");
        List<Integer> indices = IntStream.range(0, tasks.size()).boxed().toList();
        int slices = partitions > 0 ? Math.min(partitions, tasks.size()) : tasks.size();
        List<TaskSample> samples;
        try (PeriodicProgress progress = new PeriodicProgress(err, "verify-progress", tasks.size(), done::value, progressEvery, true,
                (n, total, seconds, eta) -> String.format(Locale.ROOT, "%s: TI tasks %d/%d, ETA %s", label, n, total, eta))) {
            samples = sc.parallelize(indices, slices).map(i -> {
                TaskSample s = shared.value().run(i);
                done.add(1);
                return s;
            }).collect();
        }
        shared.destroy();
        return tasks.combine(samples);
    }
}
