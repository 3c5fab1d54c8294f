package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;

/**
 * estimate, transition and finetune at fixed pressure on campaign-shaped outputs of five strains
 * (summaries/NAME-strain±x.xxxx), made from the iron campaigns with a known volume dependence:
 * the lattice and its samples move by ΔD_0 with θ·ΔD_0 = Cε², and ⟨ln ν⟩ falls by 6γε.
 */
class PressureCommandsTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] STRAINS = {-0.01, 0, 0.01, 0.02, 0.03};

    @TempDir
    static Path dir;

    private static Path bcc, fcc, bccOneStrain, coeff;

    @BeforeAll
    static void writeTheCampaigns() throws Exception {
        coeff = IRON.resolve("X_Fe.snapcoeff");
        double[] theta = CoefficientFile.read(coeff, 55).theta();
        bcc = campaign("fe-bcc", DescriptorDosReader.read(IRON.resolve("fe_bcc_444.json.gz")), theta, 56.0, 1.7);
        fcc = campaign("fe-fcc", DescriptorDosReader.read(IRON.resolve("fe_fcc_333.json.gz")), theta, 60.0, 1.8);
        bccOneStrain = bcc.resolve("summaries").resolve("fe-bcc-strain+0.0000");
    }

    private static Path campaign(String name, PhaseSummary read, double[] theta, double curvature, double gruneisen) throws Exception {
        PhaseSummary base = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(read);
        Path out = dir.resolve(name);
        Files.createDirectories(out.resolve("summaries"));
        Files.writeString(out.resolve("manifest.json"), "{}"); // a campaign's own manifest: not a summary store
        double[] d0 = base.reference().d0();
        double e0 = 0;
        for (int i = 0; i < d0.length; i++) e0 += theta[i] * d0[i];
        for (double e : STRAINS) {
            double shift = curvature * e * e / e0;
            ReferenceConstants r = base.reference();
            double[] d = d0.clone();
            for (int i = 0; i < d.length; i++) d[i] += shift * d0[i];
            double s = 1 + e;
            double[][] cell = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) cell[i][j] = r.cell()[i][j] * s;
            ReferenceConstants strained = new ReferenceConstants(r.atoms(), r.mass(), r.volume() * s * s * s, d, r.omegaBar(),
                    r.meanLogNu() - 6 * gruneisen * e, r.stableModes(), r.u0(), e, cell, r.positions());
            List<CellSummary> cells = new ArrayList<>();
            for (CellSummary c : base.cells()) {
                double[] mean = c.mean().clone();
                for (int i = 0; i < mean.length; i++) mean[i] += shift * d0[i];
                cells.add(new CellSummary(c.tau(), c.alpha(), c.samples(), mean, c.covariance(), c.eigenvalues(), c.rotation(), c.binEdges(),
                        c.counts(), c.scores()));
            }
            String store = String.format(Locale.ROOT, "%s-strain%+.4f", name, e);
            SummaryStore.write(new PhaseSummary(store, strained, cells, base.conditioning(), base.model()), out.resolve("summaries").resolve(store));
        }
        return out;
    }

    private static void assertBad(CommandRun r, String reason) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(reason), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.out().isEmpty(), "no partial output: " + r.out());
        assertTrue(r.err().strip().lines().filter(l -> !l.startsWith("warning:")).count() <= 1, r.err());
    }

    @Test
    void estimateAtPressureGivesGibbsWithEveryQuantityAndUnits() throws Exception {
        CommandRun r = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "500,900,1300",
                "--pressure", "0", "--error-model", "reference", "--gradient", "--format", "json", "--plot", dir.resolve("v.png").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("fe-bcc", root.get("phase").asText());
        assertEquals(0.0, root.get("pressure").asDouble());
        assertEquals("GPa", root.get("units").get("bulkModulus").asText());
        assertEquals(5, root.get("volumes").size());
        double previous = 0;
        for (JsonNode row : root.get("results")) {
            assertTrue(row.get("solved").asBoolean(), row.toString());
            for (String f : new String[] {"gibbs", "volume", "expansion", "bulkModulus", "entropy", "enthalpy", "heatCapacity"}) {
                assertTrue(row.get(f).isNumber() && row.get(f + "Error").isNumber(), f + " in " + row);
            }
            double v = row.get("volume").asDouble();
            assertTrue(v > previous, "V* grows with T: " + row);
            previous = v;
            assertTrue(row.get("bulkModulus").asDouble() > 100 && row.get("bulkModulus").asDouble() < 250, row.toString());
            assertEquals(55, row.get("gradient").size());
        }
        assertTrue(Files.size(dir.resolve("v.png")) > 0);

        CommandRun text = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000", "--pressure", "0",
                "--error-model", "reference");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("at P = 0 GPa") && text.out().contains("B_T (GPa)"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.endsWith(" yes")), text.out());
        CommandRun csv = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000", "--pressure", "0",
                "--error-model", "reference", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().contains("temperature [K],gibbs [eV/atom],gibbsError [eV/atom]"), csv.out());
        CommandRun json = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000", "--pressure", "0",
                "--error-model", "reference", "--format", "json");
        org.scoredos.cli.result.CsvRead.of(csv.out()).assertHolds(JSON.readTree(json.out()));
    }

    @Test
    void refusalsAreOneLineWithExitTwo() {
        assertBad(run("estimate", "--summaries", bccOneStrain.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--pressure", "0"), "sampled at one volume");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--error-model", "reference"), "give a pressure");
        assertBad(run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--pressure", "60", "--error-model", "reference"), "outside the sampled volumes");
        assertBad(run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(),
                "--pressures", "0:1:x"), "--pressures");
    }

    @Test
    void theOutputsShardsAreReadOnlyForACalibratedGibbsEstimatorWhichSaysWhyItHasNone() throws Exception {
        // this output's manifest is not a campaign's and it has no shards: refused without a
        // pressure before they are looked for; at a pressure, one warning line names what is missing
        CommandRun refused = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000");
        assertBad(refused, "give a pressure");
        assertFalse(refused.err().contains("jackknife"), refused.err());
        CommandRun r = run("estimate", "--summaries", bcc.toString(), "--coeff", coeff.toString(), "--temperatures", "1000",
                "--pressure", "0", "--format", "json");
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.contains("jackknife")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).startsWith("warning: fe-bcc: no jackknife replicas (") && warnings.get(0).contains("manifest.json: format: not a scoredos-campaign manifest")
                && warnings.get(0).endsWith("statistical bars propagated as independent between volumes"), warnings.get(0));
        assertTrue(JSON.readTree(r.out()).get("method").asText().endsWith("per-volume bars propagated as independent"), r.out());
    }

    @Test
    void transitionAtPressureAndThePhaseBoundary() throws Exception {
        CommandRun r = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(), "--pressure", "0",
                "--error-model", "reference", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(0.0, root.get("pressure").asDouble());
        assertTrue(root.get("tc").get("temperature").isNumber(), r.out());

        CommandRun b = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(), "--pressures", "0:0.5:3",
                "--error-model", "reference", "--format", "json", "--plot", dir.resolve("boundary.png").toString());
        assertEquals(0, b.code(), b.err());
        JsonNode boundary = JSON.readTree(b.out()).get("boundary");
        assertEquals(3, boundary.size());
        JsonNode middle = boundary.get(1);
        double cc = middle.get("clapeyronSlope").asDouble(), fd = middle.get("finiteDifferenceSlope").asDouble();
        assertEquals(cc, fd, 0.05 * Math.abs(cc), b.out());
        // the boundary at 0 GPa is the T_c of transition --pressure 0, refined off the grid
        assertEquals(root.get("tc").get("temperature").asDouble(), boundary.get(0).get("tc").asDouble(), 30, b.out());
        assertTrue(Files.size(dir.resolve("boundary.png")) > 0);
        CommandRun csv = run("transition", "--phase", "fcc=" + fcc, "--phase", "bcc=" + bcc, "--coeff", coeff.toString(), "--pressures", "0:0.5:3",
                "--error-model", "reference", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        org.scoredos.cli.result.CsvRead.of(csv.out()).assertHolds(JSON.readTree(b.out()));
    }
}
