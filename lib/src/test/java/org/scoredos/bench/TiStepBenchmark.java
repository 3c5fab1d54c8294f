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
import org.scoredos.structure.Structure;
import org.scoredos.thermo.LambdaSample;
import org.scoredos.thermo.TiPlan;
import org.scoredos.thermo.TiSettings;
import org.scoredos.thermo.TungstenFixtures;
import org.scoredos.structure.AtomMasses;

/**
 * Single-thread cost of one TI time step, ms: a BAOAB Langevin step of bcc W under
 * U_λ = (1 − λ) U_harm + λ U_SNAP (both evaluated, as TI does) for 16 and 128 atoms, through
 * {@link TiPlan#run} (a one-node plan, so λ = ½). A TI
 * temperature point costs nodes × steps per node of these (TiSettings.defaults(): 8 × 22 000),
 * divided among the cores. Run with {@code deploy/bin/bench TiStepBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TiStepBenchmark {
    private static final int STEPS = 50;

    @Param({"2", "4"})
    public int cells;

    private TiPlan plan;

    @Setup
    public void setUp() throws IOException {
        Structure x0 = TungstenFixtures.bcc(cells);
        plan = TiPlan.ownHessian(TungstenFixtures.snap(), x0, AtomMasses.uniform(x0.size(), TungstenFixtures.MASS), new double[] {2000},
                new TiSettings(0.002, 5, 0, STEPS, 1, 2, 1), 1);
    }

    /** One λ = ½ trajectory of {@value #STEPS} steps, from the harmonic start; reported per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public LambdaSample step() {
        return plan.run(0);
    }
}
