package org.scoredos.bench;

import java.util.SplittableRandom;
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
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.RotatedHistogram;

/**
 * Per-sample cost of a campaign's compression at SNAP's d = 55 with the reference's 99 bins,
 * ns per call: folding one descriptor into the moments (Welford), rotating and binning it, and
 * merging two shards' moments (Chan). The campaign pays these once per sample, next to a SNAP
 * evaluation of every atom. Run by hand: java -cp (lib test classes + test class path)
 * org.openjdk.jmh.Main CompressionBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompressionBenchmark {
    private static final int D = 55;
    private double[][] samples;
    private int next;
    private DescriptorMoments moments, other;
    private CellFrame frame;
    private RotatedHistogram histogram;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        samples = new double[1024][D];
        for (double[] x : samples) for (int k = 0; k < D; k++) x[k] = k + (1 + 0.1 * k) * (rng.nextDouble() - 0.5);
        moments = new DescriptorMoments(D);
        other = new DescriptorMoments(D);
        for (int i = 0; i < samples.length; i++) (i % 2 == 0 ? moments : other).add(samples[i]);
        frame = CellFrame.of(moments, 99, 0.5);
        histogram = new RotatedHistogram(D, 99);
    }

    @Benchmark
    public DescriptorMoments addToMoments() {
        moments.add(samples[next++ & 1023]);
        return moments;
    }

    @Benchmark
    public RotatedHistogram rotateAndBin() {
        histogram.add(frame, samples[next++ & 1023]);
        return histogram;
    }

    @Benchmark
    public DescriptorMoments mergeShards() {
        DescriptorMoments m = DescriptorMoments.of(moments.count(), moments.mean(), moments.comoment());
        m.merge(other);
        return m;
    }
}
