package org.scoredos.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.PhaseSummary;

/**
 * Refitting every score model of one phase (bcc iron: 20 cells × 55 components × 99 bins),
 * Chebyshev order 7, single thread, warm. The reference Python takes ≈ 87 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoreFitBenchmark {
    private PhaseSummary phase;
    private ScoreMatcher matcher;

    @Setup
    public void setUp() throws IOException {
        phase = IronPhase.load("fe_bcc_444.json.gz");
        matcher = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7));
    }

    @Benchmark
    public PhaseSummary refitPhase() {
        return matcher.fit(phase);
    }
}
