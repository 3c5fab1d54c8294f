package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scoredos.estimate.CentralDifferences;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.PhaseLoader;
import org.scoredos.store.StoreManifest;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Structure;
import org.scoredos.summary.PhaseSummary;

/**
 * A tiny campaign (2×2×2 cells, 8 τ cells of 64 samples) of a published model from the LAMMPS
 * potential library, its fixed terms through the pipeline: what {@link FixedTermEstimationTest}
 * (Ta06A, SNAP + ZBL) and {@link QuadraticFixedTermEstimationTest} (a quadratic block fixed) read.
 * The class is skipped where the library is not installed.
 */
final class PublishedModelCampaign {
    static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");

    /** The campaign's output (its summary store). */
    final Path store;

    /**
     * Runs the campaign of {@code model} (the descriptor too) in {@code tmp}; {@code settings} are its own config lines:
     * name, structure, mass, reference and seed.
     */
    PublishedModelCampaign(Path tmp, Path model, String... settings) throws IOException {
        assumeTrue(Files.isRegularFile(model), "the LAMMPS potential library (lammps-data) is not installed at " + POTENTIALS);
        Path config = tmp.resolve("campaign.yaml");
        Files.writeString(config, String.join("\n", settings) + "\n" + String.join("\n",
                "descriptor: " + model,
                "tau: {from: 0.3, to: 3.0, count: 8}",
                "samples: 64",
                "samplesPerShard: 16",
                "histogram: {bins: 24}",
                "output: " + tmp.resolve("out"), ""));
        CommandRun ran = CommandRun.run("campaign", "--config", config.toString(), "--master", "local[2]", "--hessian-cache",
                tmp.resolve("cache").toString());
        assertEquals(0, ran.code(), ran.err());
        store = tmp.resolve("out");
    }

    PhaseSummary summary() throws IOException {
        return PhaseLoader.isosurface(store, "--summaries").summary();
    }

    /** The manifest of the campaign's one summary store. */
    JsonNode manifest() throws IOException {
        Path dir;
        try (var dirs = Files.list(store.resolve("summaries"))) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        return new ObjectMapper().readTree(dir.resolve(StoreManifest.FILE_NAME).toFile());
    }

    /**
     * {@code estimate}'s lattice energy for θ of {@code model} (θ·D_0 + E_fixed(x0)/N, eV/atom) and {@code energy}'s E of
     * {@code crystal} (eV, the whole cell), written as LAMMPS data of {@code element} beside the store.
     */
    double[] latticeAndCrystalEnergy(Path model, Structure crystal, String element) throws IOException {
        CommandRun estimate = CommandRun.run("estimate", "--summaries", store.toString(), "--model", model.toString(),
                "--temperatures", "1000", "--format", "json");
        assertEquals(0, estimate.code(), estimate.err());
        Path data = store.resolveSibling(element + ".data");
        LammpsDataWriter.write(crystal, data, element);
        CommandRun energy = CommandRun.run("energy", "--model", model.toString(), "--structure", data.toString(), "--format", "json");
        assertEquals(0, energy.code(), energy.err());
        ObjectMapper json = new ObjectMapper();
        return new double[] {json.readTree(estimate.out()).get("latticeEnergy").asDouble(), json.readTree(energy.out()).get("energy").asDouble()};
    }

    /**
     * D_0's last component, the fixed term's E_fixed(x0)/N (eV/atom), checked to be what the lattice energy {@code lattice}
     * holds beyond θ·D_0.
     */
    double fixedShare(double lattice, double[] theta) throws IOException {
        double[] d0 = summary().reference().d0();
        double linear = 0;
        for (int i = 0; i < theta.length; i++) linear += theta[i] * d0[i];
        assertEquals(d0[theta.length], lattice - linear, 1e-12);
        return d0[theta.length];
    }

    /** ∂(θ·D_0 + F)/∂θ at 600 and 1000 K against central differences, to 1e-6 of its largest component. */
    static void assertGradientIsTheDerivative(IsosurfaceEstimator est, double[] theta) {
        for (double temperature : new double[] {600, 1000}) {
            FreeEnergy f = est.estimate(theta, temperature);
            assertEquals(theta.length, f.gradient().length);
            double[] fd = CentralDifferences.of(x -> total(est, x, temperature), theta, 1e-6, 1e-9, 1);
            CentralDifferences.Mismatch m = CentralDifferences.Mismatch.of(fd, f.gradient());
            assertTrue(m.worst() <= 1e-6 * m.scale(), temperature + " K: |FD − ∂F/∂θ| = " + m.worst() + " against max |∂F/∂θ| = " + m.scale());
        }
    }

    /** θ·D_0 + F, the total whose derivative the gradient is. */
    private static double total(IsosurfaceEstimator est, double[] theta, double temperature) {
        return est.latticeEnergy(theta) + est.estimate(theta, new double[] {temperature}, false)[0].freeEnergy();
    }

    /** A refusal: one line on stderr naming {@code file} and {@code what}, nothing on stdout. */
    static void assertOneLineNaming(CommandRun ran, Path file, String what) {
        assertEquals(ExitCodes.BAD_INPUT, ran.code(), ran.err());
        String e = ran.err().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains(file.toString()) && e.contains(what), e);
        assertEquals("", ran.out());
    }
}
