package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.units.FreeEnergyConvention;

/** estimate, transition and finetune on the two iron phases, as a user runs them. */
class EstimationCommandsTest {
    private static final Path IRON = IronStores.DIR;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stores;

    private static Path bcc, fcc, coeff;
    private static JsonNode expected;

    @BeforeAll
    static void importTheCampaigns() throws Exception {
        // fitted at Chebyshev order 7, the order the reference's numbers were computed with (the default is 4)
        IronStores iron = IronStores.fitted(stores, 7);
        bcc = iron.bcc();
        fcc = iron.fcc();
        coeff = iron.coeff();
        expected = JSON.readTree(IRON.resolve("expected_results.json").toFile());
    }

    @Test
    void estimateReferenceModeReproducesTheReferenceAt1000K() throws Exception {
        CommandRun r = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--mode", "reference", "--error-model", "reference", "--gradient", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        JsonNode x = expected.get("at_1000K").get("bcc");
        assertEquals(expected.get("E0_bcc").asDouble(), root.get("latticeEnergy").asDouble(), 1e-14);
        assertEquals(FreeEnergyConvention.metadata().get("energyZero"), root.get("convention").get("energyZero").asText());
        JsonNode row = root.get("results").get(0);
        assertEquals(1000.0, row.get("temperature").asDouble());
        assertEquals(x.get("F").asDouble(), row.get("freeEnergy").asDouble(), 1e-8);
        assertEquals(x.get("errorF").asDouble(), row.get("error").asDouble(), 1e-4 * x.get("errorF").asDouble());
        assertEquals(x.get("alpha_star").asDouble(), row.get("alphaStar").asDouble(), 1e-13);
        assertTrue(row.get("solved").asBoolean());
        for (int i = 0; i < 55; i++) assertEquals(x.get("D").get(i).asDouble(), row.get("gradient").get(i).asDouble(), 1e-10);
        assertFalse(row.has("statisticalError"), "the reference error model does not split its bar");

        // the default, calibrated error model: the same F (this store's covariance is diagonal in its frame, so no frame
        // term), the statistical part as the error bar and the score orders' spread beside it
        CommandRun calibrated = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--mode", "reference", "--format", "json");
        assertEquals(0, calibrated.code(), calibrated.err());
        JsonNode c = JSON.readTree(calibrated.out()).get("results").get(0);
        assertEquals(row.get("freeEnergy").asDouble(), c.get("freeEnergy").asDouble(), 1e-12);
        double stat = c.get("statisticalError").asDouble(), sys = c.get("systematicError").asDouble();
        assertEquals(stat, c.get("error").asDouble(), 0.0);
        assertTrue(stat > 0 && sys > 0 && c.get("error").asDouble() < row.get("error").asDouble(), c.toString());
    }

    @Test
    void estimateSmoothModeTextCsvAndPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("f.png");
        CommandRun r = run("estimate", "--summaries", fcc.toString(), "--coeff", coeff.toString(), "--temperatures", "500:2500:5",
                "--format", "csv", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(FreeEnergyConvention.csvComment(), r.out().lines().findFirst().orElseThrow());
        CsvRead csv = CsvRead.of(r.out());
        CsvRead.Table t = csv.tables.get("results");
        assertEquals(List.of("temperature", "freeEnergy", "error", "statisticalError", "systematicError", "alphaStar", "solved"), t.names);
        assertEquals(Arrays.asList("K", "eV/atom", "eV/atom", "eV/atom", "eV/atom", null, null), t.units);
        assertEquals(5, t.rows.size());
        assertEquals("eV/atom", csv.metadataUnits.get("latticeEnergy"));
        // 500 K: smooth mode within 0.5 meV/atom of the reference's F
        assertEquals(expected.get("F_fcc").get(0).asDouble(), t.number(0, "freeEnergy"), 5e-4);
        assertEquals("false", t.cell(4, "solved"), "2500 K is beyond the sampled range");
        CommandRun json = run("estimate", "--summaries", fcc.toString(), "--coeff", coeff.toString(), "--temperatures", "500:2500:5", "--format", "json");
        csv.assertHolds(JSON.readTree(json.out()));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);

        CommandRun text = run("estimate", "--summaries", IRON.resolve("fe_fcc_333.json.gz").toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000", "--basis", "monomial", "--order", "4");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("smooth mode, calibrated error model"), text.out());
        assertTrue(text.err().contains("fitting monomial order 4"), text.err());
        CommandRun integral = run("estimate", "--summaries", IRON.resolve("fe_fcc_333.json.gz").toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000", "--mode", "integral");
        assertEquals(0, integral.code(), integral.err());
        assertTrue(integral.out().contains("integral mode, calibrated error model"), integral.out());
    }

    @Test
    void plotsAreWrittenAsSvgOrPdfByExtensionAndAnotherExtensionIsRefused(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"f.svg", "F.PDF"}) {
            Path file = dir.resolve(name);
            CommandRun r = run("estimate", "--summaries", fcc.toString(), "--coeff", coeff.toString(), "--temperatures", "500:1500:3", "--plot", file.toString());
            assertEquals(0, r.code(), r.err());
            String head = new String(Files.readAllBytes(file), 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (name.endsWith("svg")) assertTrue(head.startsWith("<?xml") && head.contains("<svg"), head);
            else assertTrue(head.startsWith("%PDF-"), head);
        }
        Path svg = dir.resolve("dF.svg");
        CommandRun t = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(), "--temperatures", "500:2500:11",
                "--plot", svg.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.readString(svg).contains("</svg>"));
        for (String bad : new String[] {"f.jpg", "f"}) {
            CommandRun r = run("estimate", "--summaries", fcc.toString(), "--coeff", coeff.toString(), "--temperatures", "500", "--plot", dir.resolve(bad).toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--plot: ") && r.err().contains("give FILE.png, FILE.svg or FILE.pdf"), r.err());
            assertTrue(r.out().isEmpty(), r.out());
            assertFalse(Files.exists(dir.resolve(bad)));
        }
    }

    @Test
    void transitionFindsTheReferenceTcInBothModes(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("dF.png");
        CommandRun r = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(),
                "--temperatures", "500:2500:31", "--mode", "reference", "--format", "json", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(expected.get("Tc_ref").asDouble(), root.get("tc").get("temperature").asDouble(), 1e-3);
        assertTrue(root.get("tc").get("extrapolated").asBoolean());
        assertEquals(31, root.get("table").size());
        assertEquals(expected.get("dF").get(3).asDouble(), root.get("table").get(3).get("deltaF").asDouble(), 1e-8);
        assertTrue(Files.size(png) > 1000);

        CommandRun smooth = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(), "--format", "json");
        assertEquals(0, smooth.code(), smooth.err());
        assertEquals(expected.get("Tc_ref").asDouble(), JSON.readTree(smooth.out()).get("tc").get("temperature").asDouble(), 1.0);

        CommandRun none = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(),
                "--temperatures", "300:900:4", "--format", "json");
        assertEquals(0, none.code(), none.err());
        JsonNode n = JSON.readTree(none.out());
        assertTrue(n.get("tc").isNull());
        assertTrue(n.get("message").asText().startsWith("no transition in range"));
        assertTrue(n.get("message").asText().endsWith("both phases solved throughout"), n.get("message").asText());
    }

    @Test
    void finetuneReproducesTheReferenceTrajectory(@TempDir Path dir) throws Exception {
        Path tuned = dir.resolve("tuned.snapcoeff"), png = dir.resolve("tc.png");
        CommandRun r = run("finetune", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(),
                "--target-tc", "1063", "--mode", "reference", "--out", tuned.toString(), "--format", "json", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        JsonNode traj = expected.get("fine_tuning").get("Tc_trajectory");
        assertEquals(21, root.get("trajectory").size());
        assertEquals("3N", root.get("convention").get("modes").asText());
        for (int s = 0; s < 21; s++) assertEquals(traj.get(s).asDouble(), root.get("trajectory").get(s).get("tc").asDouble(), 1e-3, "step " + s);
        assertTrue(root.get("converged").asBoolean());
        assertEquals(tuned.toString(), root.get("out").asText());
        double[] theta = CoefficientFile.read(tuned, 55).theta();
        for (int i = 0; i < 55; i++) assertEquals(root.get("theta").get(i).asDouble(), theta[i], 0);
        assertEquals(expected.get("fine_tuning").get("theta_final").get(7).asDouble(), theta[7], 1e-10);
        assertTrue(r.err().contains("step 20/20"), r.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path shortTheta = dir.resolve("theta.txt");
        Files.writeString(shortTheta, "0.1 0.2 0.3\n");
        CommandRun r = run("estimate", "--summaries", bcc.toString(), "--coeff", shortTheta.toString(), "--temperatures", "1000");
        assertBad(r, "3 numbers, but a descriptor of 55 components needs 55 (β) or 56 (β0 then β)");

        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "-5:100:3"), "above 0 K");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "0"), "above 0 K");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "100:x:3"), "not a number");
        assertBad(run("estimate", "--summaries", dir.resolve("nowhere").toString(), "--coeff", coeff.toString(), "--temperatures", "1000"),
                "no such summary store");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000", "--mode", "fast"),
                "--mode");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000", "--basis", "legendre"),
                "unknown polynomial basis");
        assertBad(run("transition", "--phase", "fcc=" + fcc, "--coeff", coeff.toString()), "exactly two phases");
        assertBad(run("transition", "--phase", "fcc" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString()), "NAME=DIR");
        assertBad(run("transition", "--phase", "fcc=" + dir.resolve("missing"), "--phase", "bcc=" + bcc, "--coeff", coeff.toString()),
                "no such summary store");
        Path out = dir.resolve("never.snapcoeff");
        assertBad(run("finetune", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", shortTheta.toString(),
                "--target-tc", "1063", "--out", out.toString()), "3 numbers, but a descriptor of 55 components needs 55");
        assertBad(run("finetune", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(),
                "--target-tc", "-3", "--out", out.toString()), "target-tc");
        assertFalse(Files.exists(out), "no output file after bad input");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--plot", dir.resolve("no/such/dir/f.png").toString()), "--plot");
    }

    private static void assertBad(CommandRun r, String reason) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(reason), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
    }

    @Test
    void helpForEveryCommand() {
        for (String c : new String[] {"estimate", "transition", "finetune"}) {
            CommandRun r = run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("--format"), r.out());
            assertTrue(r.out().contains("--mode"), r.out());
        }
        assertArrayEquals(new int[] {0}, new int[] {run("estimate", "--help").code()});
    }
}
