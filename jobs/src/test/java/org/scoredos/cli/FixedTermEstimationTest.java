package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
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
 * A fixed term (ZBL) through the whole pipeline: a tiny campaign of the published Ta06A model
 * (SNAP + ZBL) records E_ZBL/N as one more component, and the estimators extend θ with 1 for it.
 */
class FixedTermEstimationTest {
    private static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");
    private static final Path TA06A = POTENTIALS.resolve("Ta06A.snap");
    /** Ta06A's zero-pressure lattice constant, Å (conf/campaigns/ta06a.yaml). */
    private static final double A = 3.31626;

    @TempDir
    static Path tmp;
    private static Path store;
    private static ModelDescription model;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void campaign() throws IOException {
        assumeTrue(Files.isRegularFile(TA06A), "the LAMMPS potential library (lammps-data) is not installed at " + POTENTIALS);
        model = ModelFiles.lammps(TA06A);
        Path config = tmp.resolve("ta.yaml");
        Files.writeString(config, String.join("\n",
                "name: ta-zbl",
                "structure: {lattice: bcc, a: " + A + ", repeat: [2, 2, 2]}",
                "mass: 180.94788",
                "descriptor: " + TA06A,
                "reference: {model: " + TA06A + "}",
                "tau: {from: 0.3, to: 3.0, count: 8}",
                "samples: 64",
                "samplesPerShard: 16",
                "histogram: {bins: 24}",
                "seed: 11",
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
    void theManifestRecordsTheZblTermAfterTheDescriptor() throws IOException {
        Path dir;
        try (var dirs = Files.list(store.resolve("summaries"))) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode m = new ObjectMapper().readTree(dir.resolve(StoreManifest.FILE_NAME).toFile());
        assertEquals(31, m.get("components").asInt(), "30 SNAP components (2J = 6) and E_ZBL/N");
        JsonNode desc = m.get("model");
        assertEquals(30, desc.get("descriptor").get("components").asInt());
        JsonNode zbl = desc.get("fixedTerms").get(0);
        assertEquals("zbl", zbl.get("type").asText());
        assertEquals(4.0, zbl.get("inner").asDouble());
        assertEquals(4.8, zbl.get("outer").asDouble());
        assertEquals("[1,1]", zbl.get("charges").get(0).get("types").toString());
        assertEquals("[73.0,73.0]", zbl.get("charges").get(0).get("z").toString());
        assertTrue(desc.get("definition").asText().endsWith("; fixed zbl inner=4.0 outer=4.8 1-1:73.0,73.0"),
                desc.get("definition").asText());
        PhaseSummary phase = summary();
        assertEquals(30, phase.parameters());
        assertEquals(model.fixedTerms(), phase.model().terms());
    }

    @Test
    void theLatticeEnergyIsThePublishedModelsEnergy() throws IOException {
        assertEquals(0, run("estimate", "--summaries", store.toString(), "--model", TA06A.toString(), "--temperatures", "1000",
                "--format", "json"), err.toString());
        double lattice = new ObjectMapper().readTree(out.toString()).get("latticeEnergy").asDouble();
        Path crystal = tmp.resolve("ta.data");
        LammpsDataWriter.write(Lattices.bcc(A, 2, 2, 2).withMassByType(new double[] {180.94788}), crystal, "Ta");
        assertEquals(0, run("energy", "--model", TA06A.toString(), "--structure", crystal.toString(), "--format", "json"), err.toString());
        double energy = new ObjectMapper().readTree(out.toString()).get("energy").asDouble();
        double beta0 = model.elements().get(0).constant();
        // θ·D_0 + E_ZBL(x0)/N + β0 is the model's energy per atom
        assertEquals(energy, 16 * (lattice + beta0), 1e-10);
        double[] d0 = summary().reference().d0();
        double[] theta = model.elements().get(0).linear();
        double snap = 0;
        for (int i = 0; i < theta.length; i++) snap += theta[i] * d0[i];
        assertEquals(d0[30], lattice - snap, 1e-12);
        assertTrue(d0[30] > 0.01, "ZBL's screened repulsion of the nearest neighbours (2.87 Å) is part of it: " + d0[30] + " eV/atom");
    }

    @Test
    void theGradientOverTheSnapCoefficientsIsTheDerivativeOfF() throws IOException {
        PhaseSummary phase = summary();
        IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH);
        double[] theta = model.elements().get(0).linear();
        assertEquals(30, est.components());
        for (double temperature : new double[] {600, 1000}) {
            FreeEnergy f = est.estimate(theta, temperature);
            assertEquals(30, f.gradient().length);
            double[] exact = new double[30], fd = new double[30];
            double scale = 0, worst = 0;
            for (int i = 0; i < 30; i++) {
                double h = 1e-6 * Math.abs(theta[i]) + 1e-9;
                double[] p = theta.clone(), m = theta.clone();
                p[i] += h;
                m[i] -= h;
                fd[i] = (total(est, p, temperature) - total(est, m, temperature)) / (p[i] - m[i]);
                exact[i] = f.gradient()[i];
                scale = Math.max(scale, Math.abs(exact[i]));
                worst = Math.max(worst, Math.abs(fd[i] - exact[i]));
            }
            assertTrue(worst <= 1e-6 * scale, temperature + " K: |FD − ∂F/∂θ| = " + worst + " against max |∂F/∂θ| = " + scale);
        }
    }

    /** θ·D_0 + F, the total whose derivative the gradient is. */
    private static double total(IsosurfaceEstimator est, double[] theta, double temperature) {
        return est.latticeEnergy(theta) + est.estimate(theta, new double[] {temperature}, false)[0].freeEnergy();
    }

    @Test
    void theFixedTermEntersAsOneMoreComponentWithCoefficientOne() throws IOException {
        PhaseSummary phase = summary();
        double[] theta = model.elements().get(0).linear();
        double[] extended = Arrays.copyOf(theta, 31);
        extended[30] = 1.0;
        // the same summaries read as 31 plain components (no model): θ extended by hand
        IsosurfaceEstimator fixed = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH);
        IsosurfaceEstimator plain = IsosurfaceEstimator.of(phase.withModel(null), IsosurfaceEstimator.Mode.SMOOTH);
        double[] ts = {500, 1000, 1500};
        FreeEnergy[] a = fixed.estimate(theta, ts, true), b = plain.estimate(extended, ts, true);
        for (int i = 0; i < ts.length; i++) {
            assertEquals(b[i].freeEnergy(), a[i].freeEnergy(), 0.0);
            assertEquals(b[i].error(), a[i].error(), 0.0);
            assertArrayEquals(Arrays.copyOf(b[i].gradient(), 30), a[i].gradient(), 0.0);
        }
        assertEquals(plain.latticeEnergy(extended), fixed.latticeEnergy(theta), 0.0);
        assertArrayEquals(Arrays.copyOf(plain.latticeDescriptor(), 30), fixed.latticeDescriptor(), 0.0);
    }

    @Test
    void aModelWithOtherFixedTermsIsRefused() throws IOException {
        // the same SNAP part with ZBL switched on from 3.9 Å
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.copy(POTENTIALS.resolve("Ta06A.snapcoeff"), dir.resolve("Ta06A.snapcoeff"));
        Files.copy(POTENTIALS.resolve("Ta06A.snapparam"), dir.resolve("Ta06A.snapparam"));
        Path other = dir.resolve("Ta-zbl39.snap");
        Files.writeString(other, Files.readString(TA06A).replace("zblcutinner equal 4", "zblcutinner equal 3.9"));
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--model", other.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(other, "zbl inner=3.9 outer=4.8");
        // no ZBL at all: the SNAP part alone
        Path snapOnly = dir.resolve("Ta-snap.snap");
        Files.writeString(snapOnly, "pair_style snap\npair_coeff * * Ta06A.snapcoeff Ta06A.snapparam Ta\n");
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--model", snapOnly.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(snapOnly, "fixed terms []");
        // a .snapcoeff carries no fixed term either
        Path coeff = dir.resolve("Ta06A.snapcoeff");
        assertEquals(ExitCodes.BAD_INPUT, run("estimate", "--summaries", store.toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000"));
        assertOneLineNaming(coeff, "fixed terms []");
    }

    private void assertOneLineNaming(Path file, String what) {
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains(file.toString()) && e.contains(what), e);
        assertEquals("", out.toString());
    }
}
