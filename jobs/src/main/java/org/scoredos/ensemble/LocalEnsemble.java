package org.scoredos.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * An ensemble on this JVM's threads, without Spark: one evaluator (estimators are thread-safe),
 * members handed out in chunks as threads free up, so a slow chunk does not hold the others.
 */
public final class LocalEnsemble implements EnsembleRunner {
    /** Members per chunk: several blocks of the many-θ estimate, small enough to balance two threads. */
    static final int CHUNK = 4 * EnsembleEvaluator.BLOCK;

    private final int threads;

    public LocalEnsemble(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
    }

    @Override
    public MemberResult[] run(EnsemblePhases phases, ThetaSource members, LongAdder done, Consumer<String> progress) throws Exception {
        EnsembleEvaluator evaluator = phases.evaluator(progress);
        int n = members.size();
        MemberResult[] out = new MemberResult[n];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, (n + CHUNK - 1) / CHUNK);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int from; (from = next.getAndAdd(CHUNK)) < n; ) {
                        int to = Math.min(n, from + CHUNK);
                        MemberResult[] part = evaluator.evaluate(members, from, to, done::add);
                        System.arraycopy(part, 0, out, from, part.length);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
