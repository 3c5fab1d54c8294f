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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.junit.jupiter.api.io.TempDir;

class CampaignCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsATinyTungstenCampaignThenTopsItUpAndReportsItsStatus() throws Exception {
        Path yaml = org.scoredos.campaign.SampledDescriptorsTest.tinyConfig(tmp, "");
        String cache = tmp.resolve("hessians").toString();
        CommandRun first = run("campaign", "--config", yaml.toString(), "--master", "local[2]", "--hessian-cache", cache, "--format", "json");
        assertEquals(0, first.code(), first.err());
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertEquals(4, json.get("shardsComputed").asInt());
        assertEquals(2, json.get("cells").size());
        assertEquals(32, json.get("cells").get(1).get("summarised").asInt());
        assertTrue(first.err().contains("campaign tiny: histograms + commit: 2 cells, shards 4/4"), first.err());
        assertTrue(first.err().contains("warning: 32 samples per cell do not span the 55 descriptor components"), first.err());
        PhaseSummary phase = SummaryStore.read(tmp.resolve("out/summaries/tiny"));
        assertEquals(2, phase.cells().size());
        assertEquals(16, phase.reference().atoms());
        assertEquals(55, phase.cells().get(0).components());
        assertEquals(20, phase.cells().get(0).bins());
        assertEquals(32, phase.cells().get(1).samples());
        assertTrue(phase.cells().get(1).scores() != null);
        // the hotter shell spreads the descriptors more: larger variances of the rotated components
        assertTrue(phase.cells().get(1).eigenvalues()[54] > 100 * phase.cells().get(0).eigenvalues()[54]);

        // one thread and one partition give the very same bits as two threads and a task per shard
        CommandRun serial = run("campaign", "--config", yaml.toString(), "--out", tmp.resolve("serial").toString(), "--master", "local[1]",
                "--partitions", "1", "--hessian-cache", cache);
        assertEquals(0, serial.code(), serial.err());
        PhaseSummary again = SummaryStore.read(tmp.resolve("serial/summaries/tiny"));
        for (int i = 0; i < 2; i++) {
            CellSummary a = phase.cells().get(i), b = again.cells().get(i);
            assertArrayEquals(a.mean(), b.mean(), 0.0);
            for (int k = 0; k < 55; k++) {
                assertArrayEquals(a.covariance()[k], b.covariance()[k], 0.0);
                assertArrayEquals(a.counts()[k], b.counts()[k]);
                assertArrayEquals(a.scores().coefficients()[k], b.scores().coefficients()[k], 0.0);
            }
        }

        CommandRun topUp = run("campaign", "--config", yaml.toString(), "--samples", "48", "--master", "local[2]",
                "--hessian-cache", cache, "--format", "csv");
        assertEquals(0, topUp.code(), topUp.err());
        CsvRead cells = CsvRead.of(topUp.out());
        assertEquals(List.of("cell", "strain", "tau", "shards", "committedSamples", "summarised", "rejected"), cells.tables.get("cells").names);
        assertEquals(List.of("0", "0.0", "1.0E-4", "3", "48", "48", "0"), cells.tables.get("cells").rows.get(0));
        assertEquals("2", cells.metadata.get("shardsComputed"), "one shard of 16 more samples per cell");

        // --status: the same counts in every format, the coverage's temperatures in K
        CommandRun status = run("campaign", "--config", yaml.toString(), "--status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("summarised"), status.out());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("\\s+1\\s+\\+0\\.0000\\s+1\\.0000\\s+3\\s+48\\s+48\\s+0")), status.out());
        CommandRun statusJson = run("campaign", "--config", yaml.toString(), "--status", "--format", "json");
        CommandRun statusCsv = run("campaign", "--config", yaml.toString(), "--status", "--format", "csv");
        JsonNode s = new ObjectMapper().readTree(statusJson.out());
        assertEquals("campaign", s.get("command").asText());
        assertEquals(List.of(48L, 48L), List.of(s.get("cells").get(0).get("summarised").asLong(), s.get("cells").get(1).get("summarised").asLong()));
        assertFalse(s.has("shardsComputed"), "a status computes nothing");
        assertEquals("K", s.get("units").get("from").asText());
        assertEquals("K", s.get("units").get("unsolved").asText());
        CsvRead csv = CsvRead.of(statusCsv.out());
        csv.assertHolds(s);
        assertEquals("K", csv.tables.get("coverage").units.get(csv.tables.get("coverage").names.indexOf("solvedFrom")));
    }

    @Test
    void badConfigOrForeignOutputExitsTwoWithOneLine() throws Exception {
        Path yaml = org.scoredos.campaign.SampledDescriptorsTest.tinyConfig(tmp, "bins: 3\n");
        CommandRun bad = run("campaign", "--config", yaml.toString());
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("scoredos campaign: " + yaml + ":12: bins: unknown key"), bad.err());

        Path good = org.scoredos.campaign.SampledDescriptorsTest.tinyConfig(tmp, "");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "x");
        CommandRun refused = run("campaign", "--config", good.toString(), "--out", foreign.toString(),
                "--master", "local[1]", "--hessian-cache", tmp.resolve("h").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("not a campaign output directory"), refused.err());
        assertFalse(Files.exists(foreign.resolve("manifest.json")));

        CommandRun missing = run("campaign", "--config", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());

        CommandRun master = run("campaign", "--config", good.toString(), "--out", tmp.resolve("m").toString(),
                "--master", "nowhere://x", "--hessian-cache", tmp.resolve("h").toString());
        assertEquals(2, master.code(), master.err());
        assertEquals("scoredos campaign: --master: 'nowhere://x' is not a Spark master URL "
                + "(local, local[N], local[*], spark://HOST:PORT, yarn, k8s://URL)\n", master.err());
    }

    @Test
    void tooFewSamplesForTheDescriptorIsOneLineNotAnInternalError() {
        // 2 samples of W's 55 components: a rank-1 covariance whose QR iteration did not converge
        // (MaxCountExceededException, exit 1 with an internal error before)
        Path out = tmp.resolve("w-two");
        CommandRun r = run("campaign", "--config", "../conf/campaigns/w-bcc.yaml", "--out", out.toString(), "--samples", "2",
                "--master", "local[2]", "--hessian-cache", tmp.resolve("h").toString());
        assertEquals(2, r.code(), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertEquals("scoredos campaign: samples: the covariance of 2 samples of 55 descriptor components did not diagonalise; "
                + "sample more per cell (at least 56, more than the components)", last);
    }
}
