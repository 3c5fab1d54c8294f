package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.CommandRun;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.PhaseSummary;

/**
 * A tiny W campaign asked for 300–600 K: the grid chosen from the temperatures covers them for
 * its reference potential (the run's report and --status say so), wider spans are reported
 * unsolved where α* leaves the grid, and a grid that drops a committed cell is refused.
 */
class TemperatureCoverageTest {
    @TempDir
    static Path dir;

    private static Path yaml, out;
    private static CommandRun run;

    private static Path config(Path where, String grid) throws IOException {
        Files.createDirectories(where);
        return TinyCampaign.write(where, grid + """
                samples: 64
                histogram: {bins: 16}
                seed: 17
                output: unused
                """);
    }

    @BeforeAll
    static void runTheCampaign() throws IOException {
        yaml = config(dir, "temperatures: {from: 300, to: 600}\n");
        out = dir.resolve("out");
        run = run("campaign", "--config", yaml.toString(), "--out", out.toString(), "--master", "local[2]",
                "--hessian-cache", dir.resolve("hessians").toString(), "--format", "json");
    }

    private static PhaseSummary phase() throws IOException {
        return SummaryStore.read(out.resolve("summaries/tiny"));
    }

    private static double[] thetaRef(PhaseSummary p) throws IOException {
        return CoefficientFile.read(Path.of("../conf/potentials/w-snap/X_W.snapcoeff"), p.reference().components()).theta();
    }

    @Test
    void theGridChosenForTheTemperaturesCoversThemAndTheRunSaysSo() throws IOException {
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(TauGridRule.lattice(300, 600).size(), json.get("cells").size());
        JsonNode coverage = json.get("coverage");
        assertEquals(1, coverage.size());
        JsonNode c = coverage.get(0);
        assertEquals("tiny", c.get("phase").asText());
        assertTrue(c.get("requested").asBoolean());
        assertEquals(300.0, c.get("from").asDouble());
        assertEquals(600.0, c.get("to").asDouble());
        assertEquals(0, c.get("unsolved").size(), c.toString());
        assertEquals(300.0, c.get("solvedFrom").asDouble());
        assertEquals(600.0, c.get("solvedTo").asDouble());
        assertTrue(run.err().contains("campaign tiny: temperatures of θ_ref (")
                && run.err().contains("phase tiny: requested 300–600 K: α* solved at every temperature"), run.err());

        CommandRun status = run("campaign", "--config", yaml.toString(), "--out", out.toString(), "--status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("temperatures of the reference potential, phase tiny: requested 300–600 K: "
                + "α* solved at every temperature"), status.out());
    }

    @Test
    void temperaturesBeyondTheGridAreNamedUnsolvedAsTheEstimatorFlagsThem() throws IOException {
        PhaseSummary p = phase();
        double[] theta = thetaRef(p);
        TemperatureCoverage.PhaseCoverage wide = TemperatureCoverage.of(p, theta, new double[] {50, 4050});
        // harmonic α* of 50 K is τ 0.05, below the lowest cell (0.17); of 4050 K τ 4.05, above the highest (1.65)
        assertTrue(wide.unsolved().contains(50.0) && wide.unsolved().contains(4050.0), wide.unsolved().toString());
        assertTrue(wide.solvedFrom() > 50 && wide.solvedFrom() <= 300, wide.describe());
        assertTrue(wide.solvedTo() >= 600 && wide.solvedTo() < 4050, wide.describe());
        double[] ts = new double[TemperatureCoverage.POINTS];
        for (int i = 0; i < ts.length; i++) ts[i] = 50 + 4000.0 * i / (ts.length - 1);
        FreeEnergy[] direct = IsosurfaceEstimator.of(p, IsosurfaceEstimator.Mode.SMOOTH).estimate(theta, ts, false);
        List<Double> unsolved = java.util.Arrays.stream(direct).filter(f -> !f.solved()).map(FreeEnergy::temperature).toList();
        assertEquals(unsolved, wide.unsolved());
        assertTrue(wide.describe().startsWith("requested 50–4050 K: solved "), wide.describe());
        assertTrue(wide.describe().contains("; unsolved (α* on the grid's edge) at 50–") && wide.describe().endsWith("–4050 K"),
                wide.describe());

        // a τ grid: the harmonic temperatures of its ends are scanned
        TemperatureCoverage.PhaseCoverage scanned = TemperatureCoverage.of(p, theta, null);
        assertFalse(scanned.requested());
        assertEquals(1000 * p.cells().get(0).tau(), scanned.from(), 1e-9);
        assertEquals(1000 * p.cells().get(p.cells().size() - 1).tau(), scanned.to(), 1e-9);
        assertTrue(scanned.solvedFrom() <= 300 && scanned.solvedTo() >= 600, scanned.describe());
    }

    @Test
    void runsOfUnsolvedTemperaturesReadAsRanges() {
        assertEquals("100–200 K, 400 K, 600–650 K", TemperatureCoverage.ranges(List.of(100.0, 150.0, 200.0, 400.0, 600.0, 650.0), 50));
    }

    @Test
    void aGridThatDropsACommittedCellIsRefusedAtItsLineAndNothingIsWritten() throws IOException {
        assertEquals(0, run.code(), run.err());
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        Path changed = config(dir.resolve("changed"), "tau: [0.5, 1.0, 2.0]\n");
        CommandRun r = run("campaign", "--config", changed.toString(), "--out", out.toString(), "--master", "local[2]",
                "--hessian-cache", dir.resolve("hessians").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tiny.yaml:6: tau: the output's cell 0 (strain 0.0, τ = "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")));
    }
}
