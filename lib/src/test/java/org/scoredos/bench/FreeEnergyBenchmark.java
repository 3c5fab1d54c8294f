package org.scoredos.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.IsosurfaceWorkspace;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;

/**
 * One (θ, T) free energy with gradient (with and without error bar), single thread, warm: bcc iron (20 cells ×
 * 55 components, Chebyshev order 7) at 1063 K. The reference Python takes ≈ 700 µs per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FreeEnergyBenchmark {
    @Param({"SMOOTH", "REFERENCE"})
    public IsosurfaceEstimator.Mode mode;

    /** With the error bar (the entropy-band minimisations) or without (transitions, fine-tuning). */
    @Param({"true", "false"})
    public boolean error;

    private IsosurfaceEstimator estimator;
    private IsosurfaceWorkspace workspace;
    private double[] theta;
    private double temperature;

    @Setup
    public void setUp() throws IOException {
        estimator = IsosurfaceEstimator.of(
                new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(IronPhase.load("fe_bcc_444.json.gz")), mode);
        workspace = estimator.workspace();
        theta = IronPhase.thetaRef();
        temperature = 1063.0;
    }

    @Benchmark
    public double freeEnergyWithGradient() {
        // nudge T so that nothing is constant-folded; F, α*, ∂F/∂θ (and the error bar) are computed
        temperature = temperature == 1063.0 ? 1063.5 : 1063.0;
        estimator.evaluate(theta, temperature, true, error, workspace);
        return workspace.freeEnergy() + workspace.gradient()[0];
    }

    /** Per T, one θ at 16 temperatures 1000–1150 K rotated once (estimate(θ, T[]), transition scans). */
    @Benchmark
    @OperationsPerInvocation(16)
    public double perTemperatureRotatedOnce() {
        estimator.rotate(theta, workspace);
        double sum = 0;
        for (int j = 0; j < 16; j++) {
            estimator.evaluateRotated(1000.0 + 10.0 * j, true, error, workspace);
            sum += workspace.freeEnergy() + workspace.gradient()[0];
        }
        return sum;
    }
}
