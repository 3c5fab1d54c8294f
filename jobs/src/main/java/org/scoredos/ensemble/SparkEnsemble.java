package org.scoredos.ensemble;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * An ensemble as one Spark job: the phases and the member source are broadcast once, a
 * partition is a range of member indices, and each partition builds one evaluator (its
 * estimators) and reuses it for all its members; only the per-member results come back.
 * Members are pure functions of their index, so the results do not depend on the partitioning.
 */
public final class SparkEnsemble implements EnsembleRunner {
    /** Members per partition by default: the estimators' preparation (≈0.1 s) is then a few per cent. */
    static final int DEFAULT_PARTITION = 8192;

    private final JavaSparkContext sc;
    private final int partitions;

    /** @param partitions Spark partitions (0: one per {@value #DEFAULT_PARTITION} members) */
    public SparkEnsemble(JavaSparkContext sc, int partitions) {
        this.sc = sc;
        this.partitions = partitions;
    }

    /** The s-th of {@code slices} cuts of [0, n), rounded down to a multiple of the evaluator's block (the last is n). */
    private static int cut(int n, int s, int slices) {
        if (s == slices) return n;
        return (int) ((long) n * s / slices) / EnsembleEvaluator.BLOCK * EnsembleEvaluator.BLOCK;
    }

    @Override
    public MemberResult[] run(EnsemblePhases phases, ThetaSource members, LongAdder done, Consumer<String> progress) {
        int n = members.size();
        int slices = Math.max(1, Math.min(n, partitions > 0 ? partitions : (n + DEFAULT_PARTITION - 1) / DEFAULT_PARTITION));
        List<int[]> ranges = new ArrayList<>();
        // ranges cut at multiples of the evaluator's block: each member's block, so its bits, as in a local run
        for (int s = 0; s < slices; s++) ranges.add(new int[] {cut(n, s, slices), cut(n, s + 1, slices)});
        Broadcast<EnsemblePhases> sharedPhases = sc.broadcast(phases);
        Broadcast<ThetaSource> sharedMembers = sc.broadcast(members);
        LongAccumulator evaluated = sc.sc().longAccumulator("ensemble members evaluated");
        // the driver's counter follows the accumulator while the job runs
        Thread follow = new Thread(() -> {
            long seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = evaluated.value();
                done.add(now - seen);
                seen = now;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ensemble-progress");
        follow.setDaemon(true);
        follow.start();
        List<MemberResult> results;
        try {
            results = sc.parallelize(ranges, slices).mapPartitions((Iterator<int[]> it) -> {
                EnsembleEvaluator evaluator = sharedPhases.value().evaluator(line -> {}); // the driver reported its refits
                List<MemberResult> out = new ArrayList<>();
                while (it.hasNext()) {
                    int[] r = it.next();
                    for (MemberResult m : evaluator.evaluate(sharedMembers.value(), r[0], r[1], evaluated::add)) out.add(m);
                }
                return out.iterator();
            }).collect();
        } finally {
            follow.interrupt();
        }
        sharedPhases.destroy();
        sharedMembers.destroy();
        MemberResult[] out = new MemberResult[n];
        for (MemberResult m : results) out[m.member()] = m;
        return out;
    }
}
