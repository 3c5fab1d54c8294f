package org.scoredos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.sample.Displacements;
import org.scoredos.sample.SampleStreams;
import org.scoredos.sample.ShardKey;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.Blocking;
import org.scoredos.thermo.LambdaPath;
import org.scoredos.thermo.LangevinIntegrator;
import org.scoredos.thermo.TungstenFixtures;

/**
 * TI between the bundled W SNAP θ_ref and a perturbed θ = θ_ref,i (1 + s g_i) (g from the
 * stream of {@code verify --perturb}'s model m) at one temperature, in the crystal or the liquid:
 * with U_λ = U_ref + λ N (θ − θ_ref)·D, F_θ − F_ref = ∫₀¹ ⟨(θ − θ_ref)·D⟩_λ dλ per atom, the
 * integrand averaged over MD of θ_λ = θ_ref + λ(θ − θ_ref) (the project's Langevin engine) at
 * Gauss–Legendre nodes, blocked errors. The check of the MD route's Legendre–Fenchel shift
 * (method.md §6) that shares no data with it. Prints meV/atom; writes θ's .snapcoeff to
 * {@code coeff=FILE} when given (for {@code scoredos estimate --coeff}). Options key=value:
 * temperature (K), scale (0.02), seed (1), model (1), nodes (3), cells (4), equilibration (1000),
 * production (6000), stride (10), timestep (0.003), friction (20), melt (K, 0: none), meltSteps (2000), mdSeed (the
 * trajectories' seed, default seed: another mdSeed repeats the same model's TI with independent MD).
 * Nodes run in parallel.
 */
public final class PerturbationTi {
    private PerturbationTi() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (String a : args) o.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        double t = Double.parseDouble(o.get("temperature"));
        double scale = Double.parseDouble(o.getOrDefault("scale", "0.02"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        long mdSeed = Long.parseLong(o.getOrDefault("mdSeed", Long.toString(seed)));
        int model = Integer.parseInt(o.getOrDefault("model", "1"));
        LambdaPath path = new LambdaPath(Integer.parseInt(o.getOrDefault("nodes", "3")));
        int cells = Integer.parseInt(o.getOrDefault("cells", "4"));
        int equilibration = Integer.parseInt(o.getOrDefault("equilibration", "1000"));
        int production = Integer.parseInt(o.getOrDefault("production", "6000"));
        int stride = Integer.parseInt(o.getOrDefault("stride", "10"));
        double timestep = Double.parseDouble(o.getOrDefault("timestep", "0.003"));
        double friction = Double.parseDouble(o.getOrDefault("friction", "20"));
        double melt = Double.parseDouble(o.getOrDefault("melt", "0"));
        int meltSteps = Integer.parseInt(o.getOrDefault("meltSteps", "2000"));

        LinearSnapPotential ref = TungstenFixtures.snap();
        double[] thetaRef = ref.coefficients();
        Structure lattice = TungstenFixtures.bcc(cells);
        double beta0 = ref.offset(lattice) / lattice.size();
        double[] g = new double[thetaRef.length];
        // the stream verify --perturb draws model m's g from (ModelEnsemble)
        SampleStreams.gaussians(SampleStreams.random(new ShardKey(seed, model, 0), 1), g);
        double[] dTheta = new double[thetaRef.length];
        for (int i = 0; i < dTheta.length; i++) dTheta[i] = thetaRef[i] * scale * g[i];
        if (o.containsKey("coeff")) writeCoefficients(Path.of(o.get("coeff")), thetaRef, dTheta);

        double[] mean = new double[path.size()], error = new double[path.size()];
        long start = System.nanoTime();
        IntStream.range(0, path.size()).parallel().forEach(k -> {
            double[] theta = new double[thetaRef.length];
            for (int i = 0; i < theta.length; i++) theta[i] = thetaRef[i] + path.node(k) * dTheta[i];
            LinearSnapPotential w = LinearSnapPotential.singleElement(ref.bispectrum(), beta0, theta);
            SplittableRandom random = new SplittableRandom(mdSeed * 7_919L + 31L * k + Math.round(t));
            Structure x0 = TungstenFixtures.bcc(cells);
            LangevinIntegrator md = LangevinSnapshots.equilibrated(w, x0, t, melt, meltSteps, equilibration, timestep, friction, random);
            SnapBispectrum b = ref.bispectrum();
            List<Double> series = new ArrayList<>();
            for (int s = stride; s <= production; s += stride) {
                md.run(stride);
                double[] d = b.average(Displacements.wrapped(x0.withPositions(md.positions())));
                double v = 0;
                for (int i = 0; i < d.length; i++) v += dTheta[i] * d[i];
                series.add(v);
            }
            Blocking avg = Blocking.of(series.stream().mapToDouble(Double::doubleValue).toArray());
            mean[k] = avg.mean();
            error[k] = avg.error();
            System.out.printf(Locale.ROOT, "λ = %.4f  ⟨Δθ·D⟩ = %9.4f ± %.4f meV/atom (%d frames, g = %.1f%s)%n", path.node(k),
                    1e3 * mean[k], 1e3 * error[k], series.size(), avg.inefficiency(), avg.converged() ? "" : ", blocking not converged");
        });
        System.out.printf(Locale.ROOT, "T = %.0f K, model %d (scale %s, seed %d, MD seed %d): F_θ − F_ref = %.4f ± %.4f meV/atom (%d nodes, %.0f s)%n",
                t, model, scale, seed, mdSeed, 1e3 * path.integrate(mean), 1e3 * path.propagate(error), path.size(), (System.nanoTime() - start) / 1e9);
    }

    /** The bundled .snapcoeff with θ_ref + Δθ in place of θ_ref (β0 and the element line kept). */
    private static void writeCoefficients(Path file, double[] thetaRef, double[] dTheta) throws IOException {
        List<String> lines;
        try (InputStream in = PerturbationTi.class.getResourceAsStream("/w-snap/X_W.snapcoeff")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> out = new ArrayList<>();
        int at = 0;
        // header: comments, then "elements coefficients", then the element line
        while (lines.get(at).trim().isEmpty() || lines.get(at).trim().startsWith("#")) out.add(lines.get(at++));
        out.add(lines.get(at++));
        out.add(lines.get(at++));
        out.add(lines.get(at++)); // β0
        for (int i = 0; i < thetaRef.length; i++) out.add(String.format(Locale.ROOT, "%.17g", thetaRef[i] + dTheta[i]));
        Files.write(file, out);
    }
}
