package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.campaign.TinyCampaign;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.Cell;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.thermo.ThermodynamicIntegration;
import org.scoredos.thermo.TiPlan;
import org.scoredos.thermo.TiResult;
import org.scoredos.thermo.TiSettings;
import org.scoredos.units.FreeEnergyConvention;
import org.scoredos.verify.ModelEnsemble;
import org.scoredos.verify.TiTasks;
import org.scoredos.structure.AtomMasses;

/** {@code scoredos verify} on a tiny W bcc store (16 atoms, 6 isosurfaces of 32 samples) with very short TI. */
class VerifyCommandTest {
    private static final Path W = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    private static final String[] SHORT = {"--nodes", "2", "--steps", "40", "--equilibration", "20", "--stride", "2",
        "--blocks", "4", "--timestep", "0.004", "--master", "local[2]"};

    @TempDir
    static Path tmp;
    private static Path store;

    /** The verify command line: the tiny store, the bundled model, 300 and 1000 K, short TI; {@code extra} overrides. */
    private static String[] verify(String... extra) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--summaries", store.toString());
        options.put("--coeff", W.resolve("X_W.snapcoeff").toString());
        options.put("--params", W.resolve("D.snapparam").toString());
        options.put("--temperatures", "300,1000");
        options.put("--hessian-cache", tmp.resolve("hessians").toString());
        for (int i = 0; i < SHORT.length; i += 2) options.put(SHORT[i], SHORT[i + 1]);
        for (int i = 0; i < extra.length; i += 2) options.put(extra[i], extra[i + 1]);
        List<String> args = new java.util.ArrayList<>(List.of("verify"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void tinyStore() throws Exception {
        Path yaml = TinyCampaign.write(tmp, """
                tau: {from: 0.25, to: 2.0, count: 6}
                samples: 32
                samplesPerShard: 32
                histogram: {bins: 20}
                score: {basis: chebyshev, order: 4}
                seed: 11
                output: %s
                """.formatted(tmp.resolve("out")));
        CommandRun campaign = run("campaign", "--config", yaml.toString(), "--master", "local[2]", "--hessian-cache",
                tmp.resolve("hessians").toString());
        assertEquals(0, campaign.code(), campaign.err());
        store = tmp.resolve("out/summaries/tiny");
    }

    @Test
    void jsonRowsAreTheSingleJvmTiAndTheEstimatorsFreeEnergyForEveryModel() throws Exception {
        Path png = tmp.resolve("verify.png");
        CommandRun ran = run(verify("--perturb", "1", "--scale", "0.01", "--seed", "4", "--format", "json", "--plot", png.toString()));
        assertEquals(0, ran.code(), ran.err());
        assertTrue(ran.err().contains("verify tiny: TI tasks 8/8, ETA 0:00:00"), ran.err());
        assertTrue(Files.size(png) > 1000);
        JsonNode json = new ObjectMapper().readTree(ran.out());
        assertEquals("tiny", json.get("phase").asText());
        assertEquals(FreeEnergyConvention.MODES, json.get("convention").get("modes").asText());
        JsonNode rows = json.get("results");
        assertEquals(4, rows.size());

        PhaseSummary phase = SummaryStore.read(store);
        ReferenceConstants ref = phase.reference();
        CoefficientFile file = CoefficientFile.read(W.resolve("X_W.snapcoeff"), ref.components());
        TiTasks.Snap snap = new TiTasks.Snap(org.scoredos.model.ModelFiles.snap(W.resolve("D.snapparam"), W.resolve("X_W.snapcoeff")));
        double[][] thetas = ModelEnsemble.of(file.theta(), 1, 0.01, 4);
        double[] ts = {300, 1000};
        IsosurfaceEstimator estimator = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH,
                ErrorModel.CALIBRATED);
        for (int m = 0; m < 2; m++) {
            TiPlan plan = TiPlan.ownHessian(snap.potential(thetas[m]),
                    TiTasks.lattice(new Cell(ref.cell(), new double[3]), ref.positions(), ref.mass()), AtomMasses.uniform(ref.atoms(), ref.mass()), ts,
                    new TiSettings(0.004, 5.0, 20, 40, 2, 4, 2), 4);
            List<TiResult> ti = ThermodynamicIntegration.run(plan, false);
            FreeEnergy[] ddos = estimator.estimate(thetas[m], ts, false);
            for (int i = 0; i < 2; i++) {
                JsonNode row = rows.get(2 * m + i);
                assertEquals(m, row.get("model").asInt());
                assertEquals(ts[i], row.get("temperature").asDouble());
                // F_TI in the estimator's 3N convention: F_harm/(N − 1) added to the internal-mode TI
                TiResult same = ti.get(i);
                assertEquals(same.freeEnergy() + same.harmonicFreeEnergy() / (ref.atoms() - 1), row.get("freeEnergyTi").asDouble(),
                        0.0, "distribution changes no bit");
                assertEquals(ti.get(i).error(), row.get("errorTi").asDouble(), 0.0);
                assertEquals(ddos[i].freeEnergy(), row.get("freeEnergy").asDouble(), 0.0);
                assertEquals(ddos[i].error(), row.get("error").asDouble(), 0.0);
                assertEquals(ddos[i].statisticalError(), row.get("statisticalError").asDouble(), 0.0);
                assertEquals(ddos[i].systematicError(), row.get("systematicError").asDouble(), 0.0);
                double diff = row.get("freeEnergy").asDouble() - row.get("freeEnergyTi").asDouble();
                assertEquals(diff, row.get("difference").asDouble(), 0.0);
                assertEquals(Math.abs(diff) <= row.get("error").asDouble() + 2 * row.get("errorTi").asDouble(),
                        row.get("covered").asBoolean());
            }
        }
    }

    @Test
    void textAndCsvTables() {
        CommandRun text = run(verify());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith(FreeEnergyConvention.comment("meV/atom, K")
                + "\nphase tiny, smooth mode, calibrated error model; TI: 2 λ nodes × (20 + 40) steps of 0.004 ps, seed 1"), text.out());
        assertTrue(text.out().contains("F_TI ± σ (meV/atom)") && text.out().contains("F_DDOS ± δ (meV/atom)"), text.out());
        assertEquals(2, text.out().lines().filter(l -> l.matches("\\s*0\\s+(300|1000)\\.00 .*(yes|no)")).count(), text.out());
        CommandRun csv = run(verify("--format", "csv", "--partitions", "1"));
        assertEquals(0, csv.code(), csv.err());
        assertEquals(FreeEnergyConvention.csvComment(), csv.out().lines().findFirst().orElseThrow());
        CsvRead.Table t = CsvRead.of(csv.out()).tables.get("results");
        assertEquals(List.of("model", "temperature", "freeEnergyTi", "errorTi", "freeEnergy", "error", "statisticalError", "systematicError",
                "difference", "covered"), t.names);
        assertEquals("eV/atom", t.units.get(2));
        assertEquals(2, t.rows.size());
        assertEquals("0", t.cell(1, "model"));
        assertEquals(1000.0, t.number(1, "temperature"));
    }

    @Test
    void tiFromAnEarlierRunRecomputesOnlyTheDdosSide() throws Exception {
        CommandRun first = run(verify("--perturb", "1", "--scale", "0.01", "--seed", "4", "--format", "json"));
        assertEquals(0, first.code(), first.err());
        Path earlier = tmp.resolve("earlier.json");
        Files.writeString(earlier, first.out());
        CommandRun again = run(verify("--perturb", "1", "--scale", "0.01", "--seed", "4", "--format", "json", "--ti-from", earlier.toString(),
                "--error-model", "reference"));
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("TI tasks"), again.err());
        JsonNode before = new ObjectMapper().readTree(first.out()).get("results"), after = new ObjectMapper().readTree(again.out()).get("results");
        PhaseSummary phase = SummaryStore.read(store);
        double[][] thetas = ModelEnsemble.of(CoefficientFile.read(W.resolve("X_W.snapcoeff"), phase.reference().components()).theta(), 1, 0.01, 4);
        IsosurfaceEstimator reference = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH);
        assertEquals(4, after.size());
        for (int r = 0; r < 4; r++) {
            JsonNode b = before.get(r), a = after.get(r);
            assertEquals(b.get("freeEnergyTi").asDouble(), a.get("freeEnergyTi").asDouble(), 0.0);
            assertEquals(b.get("errorTi").asDouble(), a.get("errorTi").asDouble(), 0.0);
            // the first run's calibrated F differs from the reference model's by the frame term only, which this
            // fresh campaign's frames (made from all its samples) leave at rounding level
            assertEquals(b.get("freeEnergy").asDouble(), a.get("freeEnergy").asDouble(), 1e-9);
            FreeEnergy f = reference.estimate(thetas[a.get("model").asInt()], a.get("temperature").asDouble());
            assertEquals(f.error(), a.get("error").asDouble(), 0.0);
            assertFalse(a.has("statisticalError"), "the reference error model does not split its bar");
        }
        CommandRun missing = run(verify("--perturb", "2", "--ti-from", earlier.toString()));
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("--ti-from: " + earlier + ": no TI result for model 2"), missing.err());
    }

    @Test
    void badInputExitsTwoWithOneLineBeforeAnyWork() throws Exception {
        Path shortTheta = tmp.resolve("theta.txt");
        Files.writeString(shortTheta, "1 2 3\n");
        String[][] cases = {
            {"--temperatures", "0"},
            {"--temperatures", "300,-5"},
            {"--perturb", "-1"},
            {"--scale", "-0.1"},
            {"--nodes", "0"},
            {"--blocks", "1"},
            {"--mass", "-3"},
            {"--summaries", tmp.resolve("no-such-store").toString()},
            {"--coeff", shortTheta.toString()},
            {"--params", tmp.resolve("no.snapparam").toString()},
            {"--plot", tmp.resolve("no/such/dir/f.png").toString()},
            {"--master", "bogus"},
            {"--partitions", "-1"},
        };
        for (String[] c : cases) {
            CommandRun ran = run(verify(c));
            assertEquals(2, ran.code(), String.join(" ", c) + ": " + ran.err());
            assertEquals(1, ran.err().lines().count(), ran.err());
            assertTrue(ran.err().startsWith("scoredos verify: "), ran.err());
            assertFalse(ran.err().contains("TI tasks"), "no Spark job started: " + ran.err());
            assertEquals("", ran.out());
        }
    }
}
