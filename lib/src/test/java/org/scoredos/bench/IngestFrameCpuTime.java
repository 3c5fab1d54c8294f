package org.scoredos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.potential.FeaturesAndForces;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import org.scoredos.structure.TrajectoryFrames;
import org.scoredos.thermo.MappedEnergy;
import org.scoredos.thermo.TungstenFixtures;

/**
 * Thread CPU per frame of what {@code ingest} does with each frame of a crystal when it maps θ_ref's
 * energies, two ways in alternating rounds (A/B, the order swapped every round): two passes — the
 * descriptor average, then θ_ref's energy and forces for the mapped energy (as ingest did) — and one
 * pass ({@link LinearSnapPotential#featuresAndForces}). The frames are the LAMMPS dumps of 128 W
 * atoms that jobs' LammpsMdIngestTest reads (33 frames); both ways must give the same bits.
 * {@code deploy/bin/bench --cpu-time IngestFrame [ROUNDS]} (default 10) from the repository root.
 */
public final class IngestFrameCpuTime {
    private static final Path DUMPS = Path.of("jobs/src/test/resources/lammps-md");

    private IngestFrameCpuTime() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        LinearSnapPotential w = TungstenFixtures.snap();
        SnapBispectrum engine = w.bispectrum();
        LinearSnapPotential reference = LinearSnapPotential.singleElement(engine, 0, w.coefficients());
        MappedEnergy mapping = new MappedEnergy(StructureFiles.read(DUMPS.resolve("W-bcc-128.data")), reference);
        List<Structure> frames = new ArrayList<>();
        for (String t : new String[] {"1000", "2000", "3000"}) {
            Path dump = DUMPS.resolve("T" + t + ".dump.gz");
            try (TrajectoryFrames f = TrajectoryFrames.open(Files.newInputStream(dump), dump.toString(),
                    new TrajectoryFrames.AtomLimit(128, "at most 128"))) {
                while (f.hasNext()) frames.add(f.next());
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] twoPasses = new double[rounds][], onePass = new double[rounds][];
        double[] twoMs = new double[rounds], oneMs = new double[rounds];
        for (int warm = 0; warm < 3; warm++) {
            twoPasses(frames, engine, mapping);
            onePass(frames, reference, mapping);
        }
        for (int r = 0; r < rounds; r++) {
            for (int half = 0; half < 2; half++) {
                boolean two = (r + half) % 2 == 0;
                long t0 = mx.getCurrentThreadCpuTime();
                double[] got = two ? twoPasses(frames, engine, mapping) : onePass(frames, reference, mapping);
                double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / frames.size();
                if (two) {
                    twoPasses[r] = got;
                    twoMs[r] = ms;
                } else {
                    onePass[r] = got;
                    oneMs[r] = ms;
                }
            }
            if (!Arrays.equals(twoPasses[r], onePass[r])) throw new AssertionError("round " + r + ": the two ways differ");
            System.out.printf(Locale.ROOT, "round %2d: two passes %6.2f ms/frame, one pass %6.2f ms/frame (CPU)%n", r, twoMs[r], oneMs[r]);
        }
        System.out.printf(Locale.ROOT, "%d frames of %d atoms, %d rounds: two passes %.2f–%.2f ms/frame, one pass %.2f–%.2f ms/frame, "
                + "saving %.2f–%.2f ms/frame (same round)%n", frames.size(), frames.get(0).size(), rounds, min(twoMs), max(twoMs),
                min(oneMs), max(oneMs), minDifference(twoMs, oneMs, true), minDifference(twoMs, oneMs, false));
    }

    /** Each frame's descriptor average, then its mapped energy from θ_ref's own pass: the per-frame numbers, concatenated. */
    private static double[] twoPasses(List<Structure> frames, SnapBispectrum engine, MappedEnergy mapping) {
        double[] out = new double[frames.size() * (engine.descriptorCount() + 1)];
        int o = 0;
        for (Structure s : frames) {
            double[] d = engine.average(s);
            System.arraycopy(d, 0, out, o, d.length);
            out[o + d.length] = mapping.of(s);
            o += d.length + 1;
        }
        return out;
    }

    private static double[] onePass(List<Structure> frames, LinearSnapPotential reference, MappedEnergy mapping) {
        double[] out = new double[frames.size() * (reference.featureCount() + 1)];
        int o = 0;
        for (Structure s : frames) {
            FeaturesAndForces f = reference.featuresAndForces(s);
            System.arraycopy(f.features(), 0, out, o, f.features().length);
            out[o + f.features().length] = mapping.of(s, f.evaluation());
            o += f.features().length + 1;
        }
        return out;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double minDifference(double[] a, double[] b, boolean smallest) {
        double[] d = new double[a.length];
        for (int k = 0; k < d.length; k++) d[k] = a[k] - b[k];
        return smallest ? min(d) : max(d);
    }
}
