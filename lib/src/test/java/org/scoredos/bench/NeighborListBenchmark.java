package org.scoredos.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

/**
 * Linked-cell neighbour-list build time, µs per call, for rattled bcc W (a = 3.1856 Å) with
 * the SNAP cutoff 4.7 Å (26 neighbours per atom): n×n×n cells, 2n³ atoms. n = 2 is the small
 * cell that needs several periodic images; n = 20 (16 000 atoms) shows the O(N) scaling.
 * Run by hand: java -cp (lib test classes + test class path) org.openjdk.jmh.Main NeighborListBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NeighborListBenchmark {
    @Param({"2", "4", "10", "20"})
    public int cells;

    private Structure structure;

    @Setup
    public void setUp() {
        Structure s = Lattices.bcc(3.1856, cells, cells, cells);
        double[] p = s.positions();
        Random rng = new Random(1);
        for (int k = 0; k < p.length; k++) p[k] += 0.05 * rng.nextGaussian();
        structure = s.withPositions(p);
    }

    @Benchmark
    public NeighborList build() {
        return NeighborList.build(structure, 4.7);
    }
}
