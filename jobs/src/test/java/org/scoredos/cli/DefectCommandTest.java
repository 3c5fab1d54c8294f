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
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.DefectFormation;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.units.FreeEnergyConvention;

/**
 * {@code scoredos defect} on two stored iron phases standing in for a defect cell (fcc, 108 atoms) and
 * the perfect crystal (bcc, 128 atoms): its rows are the library's G_f, in every format.
 */
class DefectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stores;

    private static Path bcc, fcc, coeff;

    @BeforeAll
    static void importTheCampaigns() throws Exception {
        IronStores iron = IronStores.fitted(stores, 4);
        bcc = iron.bcc();
        fcc = iron.fcc();
        coeff = iron.coeff();
    }

    @Test
    void jsonRowsAreTheLibrarysFormationFreeEnergy() throws Exception {
        CommandRun r = run("defect", "--defect", fcc.toString(), "--perfect", bcc.toString(), "--coeff", coeff.toString(),
                "--temperatures", "800,1200", "--error-model", "reference", "--gradient", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("3N", root.get("convention").get("modes").asText());
        assertEquals(108, root.get("defect").get("atoms").asInt());
        assertEquals(128, root.get("perfect").get("atoms").asInt());

        PhaseSummary d = SummaryStore.read(fcc), p = SummaryStore.read(bcc);
        double[] theta = CoefficientFile.read(coeff, 55).theta();
        DefectFormation f = new DefectFormation(IsosurfaceEstimator.of(d, IsosurfaceEstimator.Mode.SMOOTH), 108,
                IsosurfaceEstimator.of(p, IsosurfaceEstimator.Mode.SMOOTH), 128);
        DefectFormation.Formation[] expected = f.at(theta, new double[] {800, 1200}, true);
        assertEquals(f.staticEnergy(theta), root.get("staticEnergy").asDouble(), 0.0);
        JsonNode rows = root.get("results");
        assertEquals(2, rows.size());
        for (int i = 0; i < 2; i++) {
            JsonNode row = rows.get(i);
            assertEquals(expected[i].temperature(), row.get("temperature").asDouble());
            assertEquals(expected[i].freeEnergy(), row.get("formationFreeEnergy").asDouble(), 0.0);
            assertEquals(expected[i].error(), row.get("error").asDouble(), 0.0);
            assertEquals(expected[i].solved(), row.get("solved").asBoolean());
            assertEquals(expected[i].defect().freeEnergy(), row.get("defect").get("freeEnergy").asDouble(), 0.0);
            assertEquals(expected[i].perfect().alphaStar(), row.get("perfect").get("alphaStar").asDouble(), 0.0);
            assertEquals(55, row.get("gradient").size());
            assertEquals(expected[i].gradient()[7], row.get("gradient").get(7).asDouble(), 0.0);
        }
    }

    @Test
    void textCsvAndPlotStateTheirConventionAndUnits(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("gf.png");
        CommandRun csv = run("defect", "--defect", fcc.toString(), "--perfect", bcc.toString(), "--coeff", coeff.toString(),
                "--temperatures", "800:2600:3", "--error-model", "reference", "--format", "csv", "--plot", png.toString());
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals(FreeEnergyConvention.comment("G_f and staticEnergy eV per defect, cell free energies eV/atom, K"), lines[0]);
        CsvRead read = CsvRead.of(csv.out());
        assertEquals("108", read.metadata.get("defect.atoms"));
        assertEquals("128", read.metadata.get("perfect.atoms"));
        assertEquals("eV per defect", read.metadataUnits.get("staticEnergy"));
        CsvRead.Table t = read.tables.get("results");
        assertEquals(List.of("temperature", "formationFreeEnergy", "error", "solved", "defectFreeEnergy", "defectError", "defectAlphaStar",
                "defectSolved", "perfectFreeEnergy", "perfectError", "perfectAlphaStar", "perfectSolved"), t.names,
                "the reference error model does not split its bar: no statistical/systematic columns");
        assertEquals(3, t.rows.size());
        assertEquals("false", t.cell(2, "solved"), "2600 K lies beyond the sampled range");
        long unsolved = t.rows.stream().filter(r -> r.get(3).equals("false")).count();
        CommandRun json = run("defect", "--defect", fcc.toString(), "--perfect", bcc.toString(), "--coeff", coeff.toString(),
                "--temperatures", "800:2600:3", "--error-model", "reference", "--format", "json");
        read.assertHolds(JSON.readTree(json.out()));
        assertTrue(csv.err().contains("defect: warning: " + unsolved + " of 3 temperatures unsolved"), csv.err());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);

        CommandRun text = run("defect", "--defect", fcc.toString(), "--perfect", bcc.toString(), "--coeff", coeff.toString(),
                "--temperatures", "1000");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("# convention: "), text.out());
        assertTrue(text.out().contains("static formation energy E_f = "), text.out());
        assertTrue(text.out().contains("calibrated error model"), text.out());
        String row = text.out().lines().filter(l -> l.trim().startsWith("1000.00")).findFirst().orElseThrow();
        String[] cols = row.trim().split("\\s+");
        // G_f ± δG_f with δG_f the statistical part, the systematic part beside it (the calibrated model splits its bar)
        assertEquals("±", cols[2], row);
        assertEquals(Double.parseDouble(cols[4]), Double.parseDouble(cols[3]), 2e-6);
    }

    @Test
    void missingStoreIsBadInputInOneLine() {
        CommandRun r = run("defect", "--defect", stores.resolve("nowhere").toString(), "--perfect", bcc.toString(), "--coeff", coeff.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--defect: ") && r.err().contains("no such summary store"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
