package org.scoredos.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.sample.Displacements;
import org.scoredos.structure.ExtendedXyzWriter;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.LangevinIntegrator;
import org.scoredos.structure.AtomMasses;
import org.scoredos.thermo.TungstenFixtures;

/**
 * NVT MD of bcc W with the bundled SNAP and the project's own Langevin engine, written as
 * extended XYZ trajectories per temperature ({@code out/T<K>/md-NNN.extxyz}, {@code energy=} on
 * each comment line), for {@code scoredos ingest} and the MD free-energy route. Options
 * {@code key=value}: out (required), temperatures (comma list), cells (n for 2n³ atoms, 4),
 * equilibration (steps, 1000), production (steps, 10000), stride (steps between frames, 20),
 * chunk (frames per file, 0: one file), timestep (ps, 0.003), friction (ps⁻¹, 5), seed (1),
 * melt (K, 0: none) and meltSteps (2000): first run that hot from the bcc lattice, then
 * equilibrate at the temperature (a liquid). A file appears under its name only once complete,
 * so a run stopped early leaves whole files that ingest can read. Temperatures run in parallel.
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
        Run run = new Run(Integer.parseInt(o.getOrDefault("equilibration", "1000")),
                Integer.parseInt(o.getOrDefault("production", "10000")), Integer.parseInt(o.getOrDefault("stride", "20")),
                Integer.parseInt(o.getOrDefault("chunk", "0")), Double.parseDouble(o.getOrDefault("timestep", "0.003")),
                Double.parseDouble(o.getOrDefault("friction", "5")), Long.parseLong(o.getOrDefault("seed", "1")),
                Double.parseDouble(o.getOrDefault("melt", "0")), Integer.parseInt(o.getOrDefault("meltSteps", "2000")));
        LinearSnapPotential w = TungstenFixtures.snap();
        DoubleStream.of(temperatures).parallel().forEach(t -> {
            try {
                run.at(w, TungstenFixtures.bcc(cells), t, out.resolve(String.format(Locale.ROOT, "T%.0f", t)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Langevin MD of W at {@code t} from x0, melted first at {@code melt} K for {@code meltSteps}
     * when melt > 0 (a liquid), then equilibrated for {@code equilibration} steps.
     */
    static LangevinIntegrator equilibrated(LinearSnapPotential w, Structure x0, double t, double melt, int meltSteps,
            int equilibration, double timestep, double friction, SplittableRandom random) {
        AtomMasses masses = AtomMasses.uniform(x0.size(), TungstenFixtures.MASS);
        Structure from = x0;
        if (melt > 0) {
            LangevinIntegrator hot = new LangevinIntegrator(w::energyAndForces, x0,
                    LangevinIntegrator.thermalVelocities(masses, melt, random), masses, timestep, friction, melt, random);
            hot.run(meltSteps);
            from = x0.withPositions(hot.positions());
        }
        LangevinIntegrator md = new LangevinIntegrator(w::energyAndForces, from,
                LangevinIntegrator.thermalVelocities(masses, t, random), masses, timestep, friction, t, random);
        md.run(equilibration);
        return md;
    }

    private record Run(int equilibration, int production, int stride, int chunk, double timestep, double friction, long seed,
            double melt, int meltSteps) {
        void at(LinearSnapPotential w, Structure x0, double t, Path dir) throws IOException {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + Math.round(t));
            long start = System.nanoTime();
            LangevinIntegrator md = equilibrated(w, x0, t, melt, meltSteps, equilibration, timestep, friction, random);
            Files.createDirectories(dir);
            int total = production / stride;
            int perFile = chunk > 0 ? chunk : total;
            double sum = 0;
            int frames = 0;
            for (int file = 0; frames < total; file++) {
                Path part = dir.resolve(String.format(Locale.ROOT, "md-%03d.extxyz.part", file));
                try (BufferedWriter writer = Files.newBufferedWriter(part)) {
                    for (int f = 0; f < perFile && frames < total; f++, frames++) {
                        md.run(stride);
                        ExtendedXyzWriter.write(Displacements.wrapped(x0.withPositions(md.positions())), writer, new String[] {"W"}, md.potentialEnergy());
                        sum += md.potentialEnergy();
                    }
                }
                Files.move(part, dir.resolve(String.format(Locale.ROOT, "md-%03d.extxyz", file)), StandardCopyOption.ATOMIC_MOVE);
                System.out.printf(Locale.ROOT, "T = %.0f K: %d frames, ⟨U⟩/N = %.6f eV/atom, %.0f s%n", t, frames,
                        sum / frames / x0.size(), (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
