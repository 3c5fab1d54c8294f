package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.campaign.CampaignLauncher;
import org.scoredos.campaign.TemperatureCoverage;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.ingest.IngestJob;
import org.scoredos.ingest.IngestLauncher;
import org.scoredos.units.FreeEnergyConvention;

/**
 * The results of campaign (and --status), ingest and quickstart in the three formats: units in
 * JSON and CSV, the JSON field names scripts read, CSV holding every JSON value exactly, and the
 * text table showing the same numbers. (The commands themselves run in their own tests.)
 */
class StoreCommandResultsTest {
    private static String render(Result r, OutputFormat format) {
        StringWriter s = new StringWriter();
        Renderers.print(r, format, new PrintWriter(s));
        return s.toString();
    }

    private static JsonNode jsonAndCsvAgree(Result r) throws Exception {
        JsonNode json = new ObjectMapper().readTree(render(r, OutputFormat.JSON));
        String csv = render(r, OutputFormat.CSV);
        assertEquals(FreeEnergyConvention.csvComment(), csv.lines().findFirst().orElseThrow());
        CsvRead.of(csv).assertHolds(json);
        return json;
    }

    @Test
    void campaignStatusGivesCountsAndCoverageInKelvinWithARaggedUnsolvedList() throws Exception {
        CampaignLauncher.Outcome o = new CampaignLauncher.Outcome("w-bcc", "file:///tmp/w-bcc/", null,
                List.of(new CampaignLauncher.CellStatus(0, 0.0, 0.5, 16, 256, 254, 2), new CampaignLauncher.CellStatus(1, -0.01, 0.6667, 15, 240, 240, 0)),
                List.of(new TemperatureCoverage.PhaseCoverage("w-bcc", false, 500, 4000, 500.0, 3256.25, List.of(3300.0, 3343.75, 4000.0)),
                        new TemperatureCoverage.PhaseCoverage("w-bcc-1", true, 500, 2500, null, null, List.of(500.0, 2500.0)),
                        new TemperatureCoverage.PhaseCoverage("w-bcc-2", true, 500, 2500, 500.0, 2500.0, List.of())));
        JsonNode json = jsonAndCsvAgree(CampaignReport.of(o));
        assertEquals("w-bcc", json.get("campaign").asText());
        assertEquals(254, json.get("cells").get(0).get("summarised").asInt());
        assertEquals(2, json.get("cells").get(0).get("rejected").asInt());
        assertEquals(3, json.get("coverage").get(0).get("unsolved").size());
        assertTrue(json.get("coverage").get(1).get("solvedFrom").isNull());
        assertEquals(0, json.get("coverage").get(2).get("unsolved").size());
        for (String k : List.of("from", "to", "solvedFrom", "solvedTo", "unsolved")) assertEquals("K", json.get("units").get(k).asText(), k);
        CsvRead csv = CsvRead.of(render(CampaignReport.of(o), OutputFormat.CSV));
        assertEquals("3300.0 3343.75 4000.0", csv.tables.get("coverage").cell(0, "unsolved"), "a list of its own length: one cell");

        String text = render(CampaignReport.of(o), OutputFormat.TEXT);
        assertTrue(text.contains("campaign w-bcc at file:///tmp/w-bcc/"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+0\\s+\\+0\\.0000\\s+0\\.5000\\s+16\\s+256\\s+254\\s+2")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+1\\s+-0\\.0100\\s+0\\.6667\\s+15\\s+240\\s+240\\s+0")), text);
        assertTrue(text.contains("temperatures of the reference potential, phase w-bcc: scanned 500–4000 K: solved 500–3256 K; "
                + "unsolved (α* on the grid's edge) at 3300–3344 K, 4000 K"), text);
    }

    @Test
    void campaignRunSaysWhatItComputed() throws Exception {
        CampaignLauncher.Outcome o = new CampaignLauncher.Outcome("tiny", "file:///tmp/tiny/", new org.scoredos.campaign.CampaignJob.Result(List.of(), 4, 64),
                List.of(new CampaignLauncher.CellStatus(0, 0.0, 1e-4, 2, 32, 32, 0)), List.of());
        JsonNode json = jsonAndCsvAgree(CampaignReport.of(o));
        assertEquals(4, json.get("shardsComputed").asInt());
        assertEquals(64, json.get("samplesComputed").asInt());
        assertTrue(render(CampaignReport.of(o), OutputFormat.TEXT).contains("computed 4 shards (64 samples) in this run"));
    }

    @Test
    void ingestGivesFramesPerTemperatureInKelvin() throws Exception {
        IngestLauncher.Outcome o = new IngestLauncher.Outcome("w-md", "/tmp/stores/w-md", 3,
                List.of(new IngestJob.CellCount(300, 2, 9), new IngestJob.CellCount(1200.5, 1, 6)));
        JsonNode json = jsonAndCsvAgree(IngestCommand.result(o));
        assertEquals("w-md", json.get("phase").asText());
        assertEquals("temperature", json.get("conditioning").asText());
        assertEquals(3, json.get("files").asInt());
        assertEquals(1200.5, json.get("cells").get(1).get("temperature").asDouble());
        assertEquals(6, json.get("cells").get(1).get("frames").asInt());
        assertEquals("K", json.get("units").get("temperature").asText());
        String text = render(IngestCommand.result(o), OutputFormat.TEXT);
        assertTrue(text.contains("phase w-md (temperature-conditioned) written to /tmp/stores/w-md from 3 files"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s*1200\\.50\\s+1\\s+6")), text);
        assertTrue(text.contains("temperature (K)"), text);
    }

    @Test
    void quickstartGivesFAndTheHarmonicLimitInEvPerAtom() throws Exception {
        List<QuickstartCommand.Row> rows = List.of(new QuickstartCommand.Row(200, -0.0612345678, 1.5e-5, 0.123456, true, -0.0612),
                new QuickstartCommand.Row(1600, -0.81, 4e-4, 1.7, false, -0.79));
        Result r = QuickstartCommand.result("quickstart-w-bcc", -13.1234567, rows, Path.of("q/free-energy.png"));
        JsonNode json = jsonAndCsvAgree(r);
        assertEquals(-13.1234567, json.get("latticeEnergy").asDouble());
        assertEquals("q/free-energy.png", json.get("plot").asText());
        JsonNode first = json.get("results").get(0);
        assertEquals(-0.0612345678, first.get("freeEnergy").asDouble());
        assertEquals(1.5e-5, first.get("error").asDouble());
        assertEquals(0.123456, first.get("alphaStar").asDouble());
        assertTrue(first.get("solved").asBoolean());
        assertEquals(-0.0612, first.get("harmonicFreeEnergy").asDouble());
        for (String k : List.of("latticeEnergy", "freeEnergy", "error", "harmonicFreeEnergy")) assertEquals("eV/atom", json.get("units").get(k).asText(), k);
        assertEquals("K", json.get("units").get("temperature").asText());
        String text = render(r, OutputFormat.TEXT);
        assertTrue(text.contains("lattice energy θ·D0 = -13.123457 eV/atom"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s*200\\.00\\s+-0\\.061234568 ± 0\\.000015\\s+0\\.12346\\s+yes\\s+-0\\.061200000")), text);
        assertTrue(text.contains("plot: q/free-energy.png"), text);
    }
}
