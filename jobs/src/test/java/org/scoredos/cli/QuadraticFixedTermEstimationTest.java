package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.estimate.PhaseLoader;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.store.StoreManifest;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Lattices;
import org.scoredos.summary.PhaseSummary;

/**
 * A quadratic SNAP model's products block as one fixed term through the pipeline: a tiny campaign
 * of the published Cu_Zuo_JPCA2020.quadratic model with {@code reference.quadratic: fixed} records
 * the 30 bispectrum components and E_quad/N; θ is the 30 linear β of the same .snap file.
 */
class QuadraticFixedTermEstimationTest {
    private static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");
    private static final Path CU = POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snap");
    /** The model's zero-pressure lattice parameter, Å (conf/campaigns/cu-zuo-quadratic.yaml). */
    private static final double A = 3.63552;

    @TempDir
    static Path tmp;
    private static Path store;
    private static ModelDescription fixed;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void campaign() throws IOException {
        assumeTrue(Files.isRegularFile(CU), "the LAMMPS potential library (lammps-data) is not installed at " + POTENTIALS);
        fixed = ModelFiles.lammps(CU).withFixedQuadratic();
        Path config = tmp.resolve("cu.yaml");
        Files.writeString(config, String.join("\n",
                "name: cu-quadratic",
                "structure: {lattice: fcc, a: " + A + ", repeat: [2, 2, 2]}",
                "mass: 63.546",
                "descriptor: " + CU,
                "reference: {model: " + CU + ", quadratic: fixed}",
                "tau: {from: 0.3, to: 3.0, count: 8}",
                "samples: 64",
                "samplesPerShard: 16",
                "histogram: {bins: 24}",
                "seed: 12",
                "output: " + tmp.resolve("out"), ""));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute("campaign", "--config",
                config.toString(), "--master", "local[2]", "--hessian-cache", tmp.resolve("cache").toString());
        assertEquals(0, code, e.toString());
        store = tmp.resolve("out");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static PhaseSummary summary() throws IOException {
        return PhaseLoader.isosurface(store, "--summaries").summary();
    }

    @Test
    void theManifestRecordsTheProductsBlockAfterTheLinearDescriptor() throws IOException {
        Path dir;
        try (var dirs = Files.list(store.resolve("summaries"))) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode m = new ObjectMapper().readTree(dir.resolve(StoreManifest.FILE_NAME).toFile());
        assertEquals(31, m.get("components").asInt(), "30 bispectrum components (2J = 6) and E_quad/N");
        JsonNode desc = m.get("model");
        assertEquals(30, desc.get("descriptor").get("components").asInt());
        assertEquals(0, desc.get("descriptor").get("quadraticflag").asInt());
        JsonNode block = desc.get("fixedTerms").get(0);
        assertEquals("snap-quadratic", block.get("type").asText());
        assertEquals(465, block.get("products").get(0).size());
        assertTrue(desc.get("definition").asText().contains("; fixed snap-quadratic products=465 sha256:"), desc.get("definition").asText());
        PhaseSummary phase = summary();
        assertEquals(30, phase.parameters());
        assertEquals(fixed.fixedTerms(), phase.model().terms(), "read back from the manifest by value");
    }

    @Test
    void theLatticeEnergyIsThePublishedModelsEnergy() throws IOException {
        assertEquals(0, run("estimate", "--summaries", store.toString(), "--model", CU.toString(), "--temperatures", "1000",
                "--format", "json"), err.toString());
        double lattice = new ObjectMapper().readTree(out.toString()).get("latticeEnergy").asDouble();
        Path crystal = tmp.resolve("cu.data");
        LammpsDataWriter.write(Lattices.fcc(A, 2, 2, 2).withMassByType(new double[] {63.546}), crystal, "Cu");
        assertEquals(0, run("energy", "--model", CU.toString(), "--structure", crystal.toString(), "--format", "json"), err.toString());
        double energy = new ObjectMapper().readTree(out.toString()).get("energy").asDouble();
        double beta0 = fixed.elements().get(0).constant();
        // θ·D_0 + E_quad(x0)/N + β0 is the model's energy per atom
        assertEquals(energy, 32 * (lattice + beta0), 1e-9);
        double[] d0 = summary().reference().d0();
        double[] theta = fixed.elements().get(0).linear();
        double linear = 0;
        for (int i = 0; i < theta.length; i++) linear += theta[i] * d0[i];
        assertEquals(d0[30], lattice - linear, 1e-12);
        assertTrue(Math.abs(d0[30]) > 0.1, "the products' share of the lattice energy: " + d0[30] + " eV/atom");
    }

    @Test
    void theGradientOverTheLinearCoefficientsIsTheDerivativeOfF() throws IOException {
        IsosurfaceEstimator est = IsosurfaceEstimator.of(summary(), IsosurfaceEstimator.Mode.SMOOTH);
        double[] theta = fixed.elements().get(0).linear();
        assertEquals(30, est.components());
        for (double temperature : new double[] {600, 1000}) {
            FreeEnergy f = est.estimate(theta, temperature);
            assertEquals(30, f.gradient().length);
            double scale = 0, worst = 0;
            for (int i = 0; i < 30; i++) {
                double h = 1e-6 * Math.abs(theta[i]) + 1e-9;
                double[] p = theta.clone(), m = theta.clone();
                p[i] += h;
                m[i] -= h;
                double fd = (total(est, p, temperature) - total(est, m, temperature)) / (p[i] - m[i]);
                scale = Math.max(scale, Math.abs(f.gradient()[i]));
                worst = Math.max(worst, Math.abs(fd - f.gradient()[i]));
            }
            assertTrue(worst <= 1e-6 * scale, temperature + " K: |FD − ∂F/∂θ| = " + worst + " against max |∂F/∂θ| = " + scale);
        }
    }

    /** θ·D_0 + F, the total whose derivative the gradient is. */
    private static double total(IsosurfaceEstimator est, double[] theta, double temperature) {
        return est.latticeEnergy(theta) + est.estimate(theta, new double[] {temperature}, false)[0].freeEnergy();
    }

    @Test
    void thetaOfAnotherProductsBlockOrOfNoneIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.copy(POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapparam"), dir.resolve("q.snapparam"));
        // the last product coefficient changed: another quadratic model
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapcoeff")));
        int last = lines.size() - 1;
        while (lines.get(last).isBlank()) last--;
        lines.set(last, Double.toString(Double.parseDouble(lines.get(last).trim()) * 1.01));
        Files.write(dir.resolve("q.snapcoeff"), lines);
        Path other = dir.resolve("Cu-other.quadratic.snap");
        Files.writeString(other, "pair_style snap\npair_coeff * * q.snapcoeff q.snapparam Cu\n");
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--model", other.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(other, "snap-quadratic products=465");
        // the linear Cu model of the same paper: no products block
        Path linear = POTENTIALS.resolve("Cu_Zuo_JPCA2020.snap");
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--model", linear.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(linear, "fixed terms []");
        // a .snapcoeff of the quadratic model: 495 numbers where the store has 30
        Path coeff = POTENTIALS.resolve("Cu_Zuo_JPCA2020.quadratic.snapcoeff");
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(coeff, "");
    }

    private void assertOneLineNaming(Path file, String what) {
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains(file.toString()) && e.contains(what), e);
        assertEquals("", out.toString());
    }
}
