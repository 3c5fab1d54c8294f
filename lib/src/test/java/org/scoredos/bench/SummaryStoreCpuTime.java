package org.scoredos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@link SummaryStoreBenchmark} phase loads timed by the thread's CPU time (median and best
 * of many loads after warm-up), for shared machines where wall time mostly measures the other
 * processes: {@code deploy/bin/bench --cpu-time SummaryStore}.
 */
public final class SummaryStoreCpuTime {
    private static final int WARMUP = 300;
    private static final int LOADS = 300;

    private SummaryStoreCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String phase : new String[] {"fe_bcc_444", "fe_fcc_333"}) {
            SummaryStoreBenchmark b = new SummaryStoreBenchmark();
            b.phase = phase;
            b.setUp();
            try {
                for (int k = 0; k < WARMUP; k++) b.readPhase();
                long[] ns = new long[LOADS];
                for (int k = 0; k < LOADS; k++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    b.readPhase();
                    ns[k] = mx.getCurrentThreadCpuTime() - t0;
                }
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "%s  load one phase  %.2f ms CPU time (median of %d; best %.2f ms)%n",
                        phase, ns[LOADS / 2] / 1e6, LOADS, ns[0] / 1e6);
            } finally {
                b.tearDown();
            }
        }
    }
}
