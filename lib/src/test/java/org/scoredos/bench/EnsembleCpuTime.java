package org.scoredos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.scoredos.ensemble.GaussianEnsemble;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.IsosurfaceWorkspace;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.PhaseSummary;

/**
 * Ensemble throughput on the iron bcc store in this thread's CPU time: one (θ, T) at a time
 * against the many-θ path {@code estimate(θ[], T[])} on blocks of 64 members (a 1 % Gaussian
 * around X_Fe) at 31 temperatures 500–2500 K, per (θ, T), with and without the gradient and
 * the error bar, the calibrated bar also without the score orders' spread beside it (what
 * {@code estimateMembers}, the ensemble's path, computes): {@code deploy/bin/bench --cpu-time Ensemble}. The
 * many-θ path lays each θ's temperatures side by side, with SIMD where the JVM has the vector module
 * (the bench script adds it; {@code SCOREDOS_VECTOR=off} leaves it out, for the plain-Java kernel).
 */
public final class EnsembleCpuTime {
    private static final int BLOCK = 64;

    private EnsembleCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PhaseSummary phase = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(IronPhase.load("fe_bcc_444.json.gz"));
        double[][] thetas = GaussianEnsemble.relative(IronPhase.thetaRef(), 0.01, BLOCK, 1).rows(0, BLOCK);
        double[] t = new double[31];
        for (int i = 0; i < t.length; i++) t[i] = 500 + 2000.0 * i / 30;
        double sink = 0;
        // both paths warmed up first: on a loaded machine C2 compiles the lanes' vector code late, and
        // that time would otherwise land in whichever row is timed first
        IsosurfaceEstimator warm = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.REFERENCE);
        IsosurfaceWorkspace warmSpace = warm.workspace();
        for (int rep = 0; rep < 10; rep++) {
            for (boolean gradient : new boolean[] {true, false}) {
                sink += batch(warm, thetas, t, gradient, false, true);
                for (int i = 0; i < 2000; i++) warm.evaluate(thetas[i & (BLOCK - 1)], t[i % t.length], gradient, false, warmSpace);
            }
        }
        for (ErrorModel model : ErrorModel.values()) {
            IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH, model);
            for (boolean error : new boolean[] {false, true}) {
                if (model == ErrorModel.CALIBRATED && !error) continue; // the same evaluation as the reference model's
                // the calibrated bar with and without the score orders' spread beside it (the ensemble's members: without)
                for (boolean spread : model == ErrorModel.CALIBRATED ? new boolean[] {true, false} : new boolean[] {true}) {
                    IsosurfaceWorkspace w = est.workspace(spread);
                    for (boolean gradient : new boolean[] {true, false}) {
                        double single = Double.POSITIVE_INFINITY;
                        for (int rep = 0; rep < 10; rep++) {
                            long c0 = mx.getCurrentThreadCpuTime();
                            for (int i = 0; i < 2000; i++) {
                                est.evaluate(thetas[i & (BLOCK - 1)], t[i % t.length], gradient, error, w);
                                sink += w.freeEnergy();
                            }
                            if (rep >= 3) single = Math.min(single, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / 2000);
                        }
                        // the first eight blocks of a row untimed: C2 may have compiled the interpolants' building from the
                        // previous row's profile alone, and the row's first block then deoptimises it (an untaken branch);
                        // its recompile, once per JVM, took ~50 ms (lib/docs/performance.md, "Ensembles")
                        double batched = Double.POSITIVE_INFINITY;
                        for (int rep = 0; rep < 16; rep++) {
                            long c0 = mx.getCurrentThreadCpuTime();
                            sink += batch(est, thetas, t, gradient, error, spread);
                            if (rep >= 8) batched = Math.min(batched, (mx.getCurrentThreadCpuTime() - c0) / 1e3 / (BLOCK * t.length));
                        }
                        String bar = !error ? "no error bar," : "error bar (" + model.name().toLowerCase() + (spread ? "" : ", no order spread") + "),";
                        System.out.printf("smooth, %-44s %-11s single (θ, T) %7.2f µs CPU; %d θ × %d T per (θ, T) %7.2f µs CPU%n",
                                bar, gradient ? "gradient" : "no gradient", single, BLOCK, t.length, batched);
                    }
                }
            }
        }
        if (sink == 42) System.out.println();
    }

    private static double batch(IsosurfaceEstimator est, double[][] thetas, double[] t, boolean gradient, boolean error, boolean spread) {
        if (!spread && !gradient) return est.estimateMembers(thetas, t)[BLOCK - 1][t.length - 1].freeEnergy();
        if (!error) return est.estimate(thetas, t, gradient, false)[BLOCK - 1][t.length - 1].freeEnergy();
        if (!spread) {
            IsosurfaceWorkspace w = est.workspace(spread);
            double sum = 0;
            for (double[] theta : thetas) {
                est.rotate(theta, w);
                for (double temperature : t) {
                    est.evaluateRotated(temperature, gradient, error, w);
                    sum += w.freeEnergy();
                }
            }
            return sum;
        }
        return est.estimate(thetas, t, gradient)[BLOCK - 1][t.length - 1].freeEnergy();
    }
}
