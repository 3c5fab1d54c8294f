package org.scoredos.thermo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs every task of a {@link TiPlan} in this JVM — sequentially, or on the common fork-join
 * pool — and combines them into F(T). The Spark job distributes the same tasks instead.
 */
public final class ThermodynamicIntegration {
    private ThermodynamicIntegration() {}

    /** F(T) for each temperature of the plan. */
    public static List<TiResult> run(TiPlan plan, boolean parallel) {
        return run(plan, parallel, done -> { });
    }

    /** As {@link #run(TiPlan, boolean)}, reporting the number of finished tasks to {@code progress}. */
    public static List<TiResult> run(TiPlan plan, boolean parallel, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        IntStream tasks = IntStream.range(0, plan.size());
        if (parallel) tasks = tasks.parallel();
        List<LambdaSample> samples = tasks.mapToObj(i -> {
            LambdaSample s = plan.run(i);
            progress.accept(done.incrementAndGet());
            return s;
        }).toList();
        return plan.combine(samples);
    }
}
