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
import org.scoredos.campaign.TinyCampaign;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Lattices;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.StoreModel;
import org.scoredos.units.FreeEnergyConvention;

/**
 * One convention, stores that know their model: a low-temperature W bcc campaign (16 atoms,
 * τ = 0.02…0.3, i.e. harmonic energies of 20–300 K) against the harmonic command, the convention
 * in every output, and θ of another element or descriptor refused.
 */
class ConventionAndModelTest {
    private static final Path W = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double A = 3.1803;

    @TempDir
    static Path tmp;
    private static Path store, iron, structure;

    @BeforeAll
    static void stores() throws Exception {
        Path yaml = TinyCampaign.write(tmp, """
                tau: {from: 0.02, to: 0.3, count: 8}
                samples: 64
                samplesPerShard: 64
                histogram: {bins: 20}
                score: {basis: chebyshev, order: 4}
                seed: 5
                output: %s
                """.formatted(tmp.resolve("out")));
        CommandRun campaign = run("campaign", "--config", yaml.toString(), "--master", "local[2]", "--hessian-cache",
                tmp.resolve("hessians").toString());
        assertEquals(0, campaign.code(), campaign.err());
        store = tmp.resolve("out/summaries/tiny");
        iron = tmp.resolve("fe-bcc");
        CommandRun imported = run("import-descriptordos", "--input", IRON.resolve("fe_bcc_444.json.gz").toString(), "--out", iron.toString(),
                "--params", W.resolve("D.snapparam").toString(), "--order", "4");
        assertEquals(0, imported.code(), imported.err());
        structure = tmp.resolve("w-bcc.data");
        LammpsDataWriter.write(Lattices.bcc(A, 2, 2, 2).withMassByType(new double[] {183.84}), structure, "W bcc 2x2x2");
    }

    @Test
    void campaignAndImportRecordTheirModel() throws Exception {
        StoreModel w = SummaryStore.read(store).model();
        assertEquals("W", w.species().get(0).symbol());
        assertEquals(183.84, w.species().get(0).mass());
        assertEquals(new StoreModel(List.of(StoreModel.Species.ofMass(183.84, 0.5, 1.0)),
                SnapParameterReader.read(W.resolve("D.snapparam"))).hash(), w.hash());
        StoreModel fe = SummaryStore.read(iron).model();
        assertEquals("Fe", fe.species().get(0).symbol());
        assertEquals(w.hash(), fe.hash(), "both recorded with the bundled D.snapparam, radius 0.5, weight 1");
    }

    @Test
    void lowTemperatureEstimateMeetsTheHarmonicFreeEnergy() throws Exception {
        String ts = "50,75,100";
        CommandRun estimate = run("estimate", "--summaries", store.toString(), "--coeff", W.resolve("X_W.snapcoeff").toString(),
                "--temperatures", ts, "--format", "json");
        assertEquals(0, estimate.code(), estimate.err());
        assertEquals("", estimate.err(), "a .snapcoeff of the store's own model: nothing to warn about");
        CommandRun harmonic = run("harmonic", "--structure", structure.toString(), "--coeff", W.resolve("X_W.snapcoeff").toString(),
                "--params", W.resolve("D.snapparam").toString(), "--temperatures", ts, "--format", "json");
        assertEquals(0, harmonic.code(), harmonic.err());
        JsonNode f = JSON.readTree(estimate.out()), h = JSON.readTree(harmonic.out());
        assertEquals(FreeEnergyConvention.metadata().get("modes"), f.get("convention").get("modes").asText());
        assertEquals(f.get("convention"), h.get("convention"));
        PhaseSummary phase = SummaryStore.read(store);
        for (int i = 0; i < 3; i++) {
            JsonNode row = f.get("results").get(i);
            double t = row.get("temperature").asDouble(), ddos = row.get("freeEnergy").asDouble();
            double harm = h.get("results").get(i).get("freeEnergy").asDouble();
            assertTrue(row.get("solved").asBoolean(), "α* inside the sampled shells at " + t + " K");
            assertEquals(harm, QuickstartCommand.harmonicFreeEnergy(phase.reference(), t), 1e-9 * Math.abs(harm),
                    "harmonic and quickstart: one convention");
            assertEquals(harm, ddos, 2e-4, t + " K: F_DDOS − F_harm");
            // the 3N − 3 sum per atom lies (3/N) k_B T ⟨ln(ħΩ/k_B T)⟩ = F/N away: more than the error tolerated here
            double fixed = harm * 15 / 16;
            assertTrue(Math.abs(ddos - fixed) > 1e-3 * t / 100, t + " K: the centre-of-mass term is resolved: " + (ddos - fixed));
        }
    }

    @Test
    void everyResultDeclaresTheConvention() {
        String coeff = W.resolve("X_W.snapcoeff").toString();
        for (String format : new String[] {"csv", "text"}) {
            CommandRun e = run("estimate", "--summaries", store.toString(), "--coeff", coeff, "--temperatures", "100", "--format", format);
            assertEquals(0, e.code(), e.err());
            assertEquals(FreeEnergyConvention.csvComment(), e.out().lines().findFirst().orElseThrow());
            CommandRun t = run("transition", "--phase", "a=" + store, "--phase", "b=" + store, "--coeff", coeff, "--temperatures", "60,100",
                    "--format", format);
            assertEquals(0, t.code(), t.err());
            assertEquals(FreeEnergyConvention.csvComment(), t.out().lines().findFirst().orElseThrow());
        }
        CommandRun t = run("transition", "--phase", "a=" + store, "--phase", "b=" + store, "--coeff", coeff, "--temperatures", "60,100",
                "--format", "json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("\"convention\" : {"), t.out());
    }

    @Test
    void thetaOfAnotherModelIsRefused() throws Exception {
        CommandRun wrong = run("estimate", "--summaries", iron.toString(), "--coeff", W.resolve("X_W.snapcoeff").toString(), "--temperatures", "1000");
        assertEquals(2, wrong.code(), wrong.out() + wrong.err());
        assertEquals(1, wrong.err().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("X_W.snapcoeff: θ is for W, but phase fe_bcc_444 was sampled for Fe"), wrong.err());
        assertEquals("", wrong.out());
        CommandRun right = run("estimate", "--summaries", iron.toString(), "--coeff", IRON.resolve("X_Fe.snapcoeff").toString(), "--temperatures", "1000");
        assertEquals(0, right.code(), right.err());
        assertEquals("", right.err());
        CommandRun pair = run("transition", "--phase", "fe=" + iron, "--phase", "w=" + store, "--coeff", IRON.resolve("X_Fe.snapcoeff").toString());
        assertEquals(2, pair.code(), pair.err());
        assertTrue(pair.err().contains("but phase tiny was sampled for W"), pair.err());

        // a plain list: accepted at the right length, with one warning
        Path plain = tmp.resolve("theta.txt");
        // the 55 numbers after the header, element line and β0 of X_Fe.snapcoeff
        Files.write(plain, Files.readAllLines(IRON.resolve("X_Fe.snapcoeff")).stream().filter(l -> !l.startsWith("#")).skip(3).toList());
        CommandRun list = run("estimate", "--summaries", iron.toString(), "--coeff", plain.toString(), "--temperatures", "1000");
        assertEquals(0, list.code(), list.err());
        assertEquals(1, list.err().lines().count(), list.err());
        assertTrue(list.err().startsWith("warning: " + plain + ": a plain list of 55 numbers"), list.err());

        // a store without a model (imported without --params) still reads, with a warning
        Path old = tmp.resolve("fe-old");
        assertEquals(0, run("import-descriptordos", "--input", IRON.resolve("fe_bcc_444.json.gz").toString(), "--out", old.toString(),
                "--order", "4").code());
        CommandRun unchecked = run("estimate", "--summaries", old.toString(), "--coeff", W.resolve("X_W.snapcoeff").toString(), "--temperatures", "1000");
        assertEquals(0, unchecked.code(), unchecked.err());
        assertTrue(unchecked.err().contains("the store records no model"), unchecked.err());

        // import: --element needs --params, and a chemical symbol
        String input = IRON.resolve("fe_bcc_444.json.gz").toString(), never = tmp.resolve("never").toString();
        CommandRun alone = run("import-descriptordos", "--input", input, "--out", never, "--element", "Fe");
        assertEquals(2, alone.code(), alone.err());
        assertTrue(alone.err().startsWith("scoredos import-descriptordos: --element: give --params too"), alone.err());
        CommandRun symbol = run("import-descriptordos", "--input", input, "--out", never, "--params", W.resolve("D.snapparam").toString(),
                "--element", "Iron:0.5:1");
        assertEquals(2, symbol.code(), symbol.err());
        assertTrue(symbol.err().contains("--element: expected SYMBOL or SYMBOL:RADIUS:WEIGHT"), symbol.err());
        assertFalse(Files.exists(Path.of(never)));

        // verify: a parameter file of another descriptor definition, refused before any work
        Path params = tmp.resolve("wider.snapparam");
        Files.writeString(params, Files.readString(W.resolve("D.snapparam")).replace("rcutfac 4.7", "rcutfac 4.8"));
        CommandRun verify = run("verify", "--summaries", store.toString(), "--coeff", W.resolve("X_W.snapcoeff").toString(), "--params",
                params.toString(), "--temperatures", "300", "--master", "local[1]");
        assertEquals(2, verify.code(), verify.err());
        assertTrue(verify.err().startsWith("scoredos verify: " + params + ": descriptor definition"), verify.err());
        assertFalse(verify.err().contains("TI tasks"), verify.err());
    }
}
