package org.scoredos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The {@link SnapBenchmark} workloads timed by the thread's CPU time (best of many passes after
 * warm-up) rather than wall time, for shared machines where other processes steal the cores:
 * {@code deploy/bin/bench --cpu-time}.
 */
public final class SnapCpuTime {
    private static final int WARMUP = 200;
    private static final int PASSES = 300;

    private SnapCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SnapBenchmark b = new SnapBenchmark();
        b.setUp();
        double sink = 0;
        for (int k = 0; k < WARMUP; k++) sink += b.descriptors() + b.descriptorsEnergyAndForces();
        long bestD = Long.MAX_VALUE, bestF = Long.MAX_VALUE, bestA = Long.MAX_VALUE;
        for (int k = 0; k < PASSES; k++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += b.descriptors();
            long t1 = mx.getCurrentThreadCpuTime();
            sink += b.descriptorsEnergyAndForces();
            long t2 = mx.getCurrentThreadCpuTime();
            sink += b.averageWithNeighbourList();
            long t3 = mx.getCurrentThreadCpuTime();
            bestD = Math.min(bestD, t1 - t0);
            bestF = Math.min(bestF, t2 - t1);
            bestA = Math.min(bestA, t3 - t2);
        }
        System.out.printf(Locale.ROOT, "descriptors                   %7.1f us/atom (CPU time, best of %d)%n", bestD / 128e3, PASSES);
        System.out.printf(Locale.ROOT, "descriptors, energy, forces   %7.1f us/atom%n", bestF / 128e3);
        System.out.printf(Locale.ROOT, "average D with neighbour list %7.1f us/atom%n", bestA / 128e3);
        if (Double.isNaN(sink)) System.out.println("(NaN)");
    }
}
