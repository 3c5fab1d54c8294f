package org.scoredos.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.ExtendedXyzWriter;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.LangevinIntegrator;
import org.scoredos.structure.AtomMasses;

/**
 * NVT MD of bcc W with the bundled SNAP and the project's own Langevin engine, written as one
 * extended XYZ trajectory per temperature ({@code out/T<K>/md.extxyz}, {@code energy=} on each
 * comment line), for {@code scoredos ingest} and the MD free-energy route. Options
 * {@code key=value}: out (required), temperatures (comma list), cells (n for 2n³ atoms, 4),
 * equilibration (steps, 1000), production (steps, 10000), stride (steps between frames, 20),
 * timestep (ps, 0.003), friction (ps⁻¹, 5), seed (1). Temperatures run in parallel.
 */
public final class LangevinSnapshots {
    private LangevinSnapshots() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) o.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        Path out = Path.of(o.get("out"));
        double[] temperatures = Arrays.stream(o.getOrDefault("temperatures", "300,1000,2000,3000").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int cells = Integer.parseInt(o.getOrDefault("cells", "4"));
        int equilibration = Integer.parseInt(o.getOrDefault("equilibration", "1000"));
        int production = Integer.parseInt(o.getOrDefault("production", "10000"));
        int stride = Integer.parseInt(o.getOrDefault("stride", "20"));
        double timestep = Double.parseDouble(o.getOrDefault("timestep", "0.003"));
        double friction = Double.parseDouble(o.getOrDefault("friction", "5"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        LinearSnapPotential w = TiRun.tungstenSnap();
        DoubleStream.of(temperatures).parallel().forEach(t -> {
            try {
                run(w, TiRun.bcc(cells), t, equilibration, production, stride, timestep, friction, seed,
                        out.resolve(String.format(Locale.ROOT, "T%.0f", t)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void run(LinearSnapPotential w, Structure x0, double t, int equilibration, int production, int stride,
            double timestep, double friction, long seed, Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + Math.round(t));
        AtomMasses masses = AtomMasses.uniform(x0.size(), TiRun.W_MASS);
        LangevinIntegrator md = new LangevinIntegrator(w::energyAndForces, x0, LangevinIntegrator.thermalVelocities(masses, t, random),
                masses, timestep, friction, t, random);
        long start = System.nanoTime();
        md.run(equilibration);
        Files.createDirectories(dir);
        double sum = 0;
        int frames = 0;
        try (BufferedWriter file = Files.newBufferedWriter(dir.resolve("md.extxyz"))) {
            for (int s = stride; s <= production; s += stride) {
                md.run(stride);
                ExtendedXyzWriter.write(x0.withPositions(md.positions()), file, new String[] {"W"}, md.potentialEnergy());
                sum += md.potentialEnergy();
                frames++;
            }
        }
        System.out.printf(Locale.ROOT, "T = %.0f K: %d frames, ⟨U⟩/N = %.6f eV/atom, %.0f s%n", t, frames, sum / frames / x0.size(),
                (System.nanoTime() - start) / 1e9);
    }
}
