package org.scoredos.campaign;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Test-only switch that makes a fraction of the campaign's tasks fail on their first attempt, to
 * show that Spark's retries change nothing in the summaries. Off unless
 * {@value #FIRST_ATTEMPT_FAILURE_FRACTION} is set, as a Spark conf entry ({@code --conf}) or as a
 * local property of the submitting thread. Which shards fail is decided by a hash of the stage
 * and the shard, so a run injects the same faults whatever the partitioning; a retried attempt
 * never fails, so the job survives as long as Spark allows one retry (local mode: {@code local[N,M]}
 * with M &gt; 1). Never set it in production: every injected fault costs a task retry.
 */
public final class FaultInjection implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String FIRST_ATTEMPT_FAILURE_FRACTION = "spark.scoredos.faults.firstAttemptFailureFraction";
    /** The message of every injected exception, for tests to count them. */
    public static final String MESSAGE = "injected fault (test only)";

    private final double fraction;

    FaultInjection(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(FIRST_ATTEMPT_FAILURE_FRACTION + " must be in [0, 1], got " + fraction);
        }
        this.fraction = fraction;
    }

    /** The switch as the driver sees it: the thread's local property first, then the Spark conf. */
    public static FaultInjection of(JavaSparkContext sc) {
        String local = sc.getLocalProperty(FIRST_ATTEMPT_FAILURE_FRACTION);
        String value = local != null ? local : sc.getConf().get(FIRST_ATTEMPT_FAILURE_FRACTION, "0");
        return new FaultInjection(Double.parseDouble(value));
    }

    /** Whether the first attempt at {@code stage} of {@code shard} is one that fails. */
    boolean fails(String stage, Shard shard) {
        if (fraction == 0) return false;
        long key = ((long) stage.hashCode() << 32) ^ ((long) shard.cell() << 20) ^ shard.index();
        return new SplittableRandom(key).nextDouble() < fraction;
    }

    /** Throws when this is a task's first attempt and the shard is one chosen to fail there. */
    void atFirstAttempt(String stage, Shard shard) {
        if (fraction == 0) return;
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && fails(stage, shard)) {
            throw new IllegalStateException(MESSAGE + ": " + stage + " of shard " + shard.index() + " of cell " + shard.cell());
        }
    }
}
