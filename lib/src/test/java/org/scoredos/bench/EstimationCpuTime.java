package org.scoredos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.scoredos.estimate.FreeEnergyEstimator;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.PhaseSummary;

/**
 * The same operations as {@link FreeEnergyBenchmark} and {@link ScoreFitBenchmark}, timed in
 * this thread's CPU time instead of wall-clock time: on a shared, loaded machine JMH's
 * wall-clock figures include the time other processes hold the core:
 * {@code deploy/bin/bench --cpu-time Estimation}.
 */
public final class EstimationCpuTime {
    private EstimationCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PhaseSummary raw = IronPhase.load("fe_bcc_444.json.gz");
        ScoreMatcher matcher = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7));
        PhaseSummary phase = matcher.fit(raw);
        double[] theta = IronPhase.thetaRef();
        double sink = 0;
        for (FreeEnergyEstimator.Mode mode : FreeEnergyEstimator.Mode.values()) {
            FreeEnergyEstimator est = FreeEnergyEstimator.of(phase, mode);
            FreeEnergyEstimator.Workspace w = est.workspace();
            for (boolean error : new boolean[] {true, false}) {
                double best = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep < 15; rep++) {
                    int n = 4000;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        est.evaluate(theta, 1063.0 + 0.5 * (i & 1), true, error, w);
                        sink += w.freeEnergy();
                    }
                    if (rep >= 5) best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n);
                }
                System.out.printf("free energy + gradient, %-9s %-13s %8.2f µs CPU%n", mode.name().toLowerCase(),
                        error ? "with error" : "without error", best);
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 12; rep++) {
            int n = 10;
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += matcher.fit(raw).cells().size();
            if (rep >= 4) best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e6 / n);
        }
        System.out.printf("refit one phase (20 cells x 55 components)      %8.2f ms CPU%n", best);
        if (sink == 42) System.out.println();
    }
}
