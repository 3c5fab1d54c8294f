package org.scoredos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.IsosurfaceWorkspace;
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
    /** Temperatures per θ in the rotate-once timing (a transition scan has dozens). */
    private static final int TEMPERATURES = 16;

    private EstimationCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PhaseSummary raw = IronPhase.load("fe_bcc_444.json.gz");
        ScoreMatcher matcher = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7));
        PhaseSummary phase = matcher.fit(raw);
        double[] theta = IronPhase.thetaRef();
        double sink = 0;
        for (IsosurfaceEstimator.Mode mode : IsosurfaceEstimator.Mode.values()) {
            IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, mode);
            IsosurfaceWorkspace w = est.workspace();
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
                for (boolean once : new boolean[] {false, true}) {
                    best = Double.POSITIVE_INFINITY;
                    for (int rep = 0; rep < 15; rep++) {
                        int n = 250;
                        long c0 = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < n; i++) {
                            if (once) est.rotate(theta, w);
                            for (int j = 0; j < TEMPERATURES; j++) {
                                if (once) est.evaluateRotated(1000.0 + 10.0 * j, true, error, w);
                                else est.evaluate(theta, 1000.0 + 10.0 * j, true, error, w);
                                sink += w.freeEnergy();
                            }
                        }
                        if (rep >= 5) best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n / TEMPERATURES);
                    }
                    System.out.printf("  per T, %d temperatures 1000–1150 K, %-16s %8.2f µs CPU%n", TEMPERATURES,
                            once ? "θ rotated once" : "θ rotated per T", best);
                }
            }
        }
        double[][] thetas = new double[16][];
        for (int k = 0; k < thetas.length; k++) {
            thetas[k] = theta.clone();
            for (int i = 0; i < theta.length; i++) thetas[k][i] *= 1 + 1e-3 * k;
        }
        double[] one = {1063.0};
        for (IsosurfaceEstimator.Mode mode : IsosurfaceEstimator.Mode.values()) {
            IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, mode);
            for (boolean batched : new boolean[] {false, true}) {
                double best = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep < 15; rep++) {
                    int n = 250;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        if (batched) {
                            sink += est.estimate(thetas, one, true)[3][0].freeEnergy();
                        } else {
                            for (double[] th : thetas) sink += est.estimate(th, one, true)[0].freeEnergy();
                        }
                    }
                    if (rep >= 5) best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n / thetas.length);
                }
                System.out.printf("%d θ at one T, %-9s %-22s %8.2f µs CPU per θ%n", thetas.length, mode.name().toLowerCase(),
                        batched ? "estimate(θ[], T[])" : "one estimate per θ", best);
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
        // the calibrated error model: its preparation (sandwich covariances, refits at p ± 1) and one evaluation
        for (IsosurfaceEstimator.Mode mode : IsosurfaceEstimator.Mode.values()) {
            double build = Double.POSITIVE_INFINITY, buildReference = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 8; rep++) {
                long c0 = mx.getCurrentThreadCpuTime();
                IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, mode, ErrorModel.CALIBRATED);
                long c1 = mx.getCurrentThreadCpuTime();
                sink += IsosurfaceEstimator.of(phase, mode).components();
                long c2 = mx.getCurrentThreadCpuTime();
                sink += est.components();
                if (rep >= 3) {
                    build = Math.min(build, (c1 - c0) / 1e6);
                    buildReference = Math.min(buildReference, (c2 - c1) / 1e6);
                }
            }
            IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, mode, ErrorModel.CALIBRATED);
            IsosurfaceWorkspace w = est.workspace();
            best = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 15; rep++) {
                int n = 2000;
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    est.evaluate(theta, 1063.0 + 0.5 * (i & 1), true, true, w);
                    sink += w.error();
                }
                if (rep >= 5) best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n);
            }
            System.out.printf("calibrated error model, %-9s prepare %8.2f ms CPU (reference model %.2f ms); "
                    + "free energy + gradient + error %8.2f µs CPU%n", mode.name().toLowerCase(), build, buildReference, best);
        }
        if (sink == 42) System.out.println();
    }
}
