package org.scoredos.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.descriptor.SnapWorkspace;
import org.scoredos.descriptor.TestStructures;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * Single-thread SNAP kernel speed, µs per atom: 128-atom bcc W (slightly rattled), 2J = 8,
 * rcut 4.7 Å (26 neighbours per atom), neighbour list built once outside the timing.
 * Run with {@code deploy/bin/bench SnapBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapBenchmark {
    private static final int ATOMS = 128;

    private SnapBispectrum bispectrum;
    private Structure structure;
    private NeighborList list;
    private SnapWorkspace ws;
    private double[] descriptor;
    private double[] beta;
    private double[] forces;

    @Setup
    public void setUp() throws IOException {
        SnapParameters p = new SnapParameters(4.7, 0.99363, 8, 0.0, true, false, true, false);
        bispectrum = SnapBispectrum.singleElement(p, 0.5, 1.0);
        structure = TestStructures.rattled(TestStructures.resource("/w-snap/W-bcc.dat"), 0.05, 1);
        if (structure.size() != ATOMS) throw new IllegalStateException("expected " + ATOMS + " atoms");
        list = bispectrum.neighbors(structure);
        ws = bispectrum.newWorkspace();
        descriptor = new double[bispectrum.descriptorCount()];
        beta = new double[bispectrum.bispectrumCount()];
        for (int k = 0; k < beta.length; k++) beta[k] = 0.01 * Math.cos(k);
        forces = new double[3 * ATOMS];
    }

    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double descriptors() {
        double sum = 0;
        for (int i = 0; i < ATOMS; i++) {
            bispectrum.compute(structure, list, i, ws, descriptor);
            sum += descriptor[descriptor.length - 1];
        }
        return sum;
    }

    /** End to end: neighbour list, every atom's bispectrum, the average D. */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double averageWithNeighbourList() {
        return bispectrum.average(structure)[0];
    }

    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public double descriptorsEnergyAndForces() {
        Arrays.fill(forces, 0);
        double energy = 0;
        for (int i = 0; i < ATOMS; i++) {
            bispectrum.compute(structure, list, i, ws, descriptor);
            for (int k = 0; k < beta.length; k++) energy += beta[k] * descriptor[k];
            bispectrum.addForces(list, i, beta, ws, forces);
        }
        return energy + forces[0];
    }
}
