package org.scoredos.bench;

import java.io.IOException;
import java.nio.file.Path;
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
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.sample.HessianSampler;
import org.scoredos.sample.ShardKey;
import org.scoredos.sample.Snapshot;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.structure.AtomMasses;

/**
 * The reference of the tungsten SNAP example (128-atom bcc W), single thread: its Hessian with
 * the lattice-translation reduction (6 force evaluations) and without (768), the eigen-
 * decomposition, and one Hessian-sampler snapshot. Run from lib/ (it reads the test resources):
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main HarmonicBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class HarmonicBenchmark {
    private LinearSnapPotential snap;
    private Structure bcc;
    private Hessian hessian;
    private HessianSampler sampler;
    private double alpha;
    private long index;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of("src/test/resources/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        bcc = StructureFiles.read(dir.resolve("W-bcc.dat")).withMassByType(new double[] {183.84});
        hessian = new HessianCalculator().compute(snap, bcc);
        HarmonicReference reference = new HarmonicReference(bcc, AtomMasses.uniform(bcc.size(), 183.84), 0, snap.energy(bcc), HarmonicModes.of(hessian));
        sampler = new HessianSampler(reference);
        alpha = reference.alphaOfTau(1);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public HarmonicModes hessianWithTranslationsAndModes() {
        return HarmonicModes.of(new HessianCalculator().compute(snap, bcc));
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Hessian hessianAllCoordinates() {
        return new HessianCalculator(HessianCalculator.DEFAULT_STEP, false, false).compute(snap, bcc);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public HarmonicModes modes() {
        return HarmonicModes.of(hessian);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Snapshot hessianSnapshot() {
        return sampler.sample(alpha, new ShardKey(1, 0, 0), index++);
    }
}
