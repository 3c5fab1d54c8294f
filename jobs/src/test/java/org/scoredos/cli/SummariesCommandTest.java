package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.cli.result.CsvRead;
import org.junit.jupiter.api.io.TempDir;

class SummariesCommandTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    @TempDir
    static Path tmp;

    @BeforeAll
    static void importBccIron() {
        CommandRun imported = run("import-descriptordos", "--input", IRON.resolve("fe_bcc_444.json.gz").toString(),
                "--out", tmp.resolve("bcc").toString());
        assertEquals(0, imported.code(), imported.err());
    }

    @Test
    void theFittedEntropyFollowsTheLogDensityOfTheHistogram() throws Exception {
        CommandRun r = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--cell", "0,19", "--components", "0,1",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(128, json.get("atoms").asInt());
        JsonNode components = json.get("components");
        assertEquals(4, components.size(), "two cells, two components each");
        assertEquals(19, components.get(2).get("cell").asInt());
        assertTrue(components.get(2).get("tau").asDouble() > components.get(0).get("tau").asDouble());
        JsonNode bins = json.get("bins");
        assertEquals(4 * 99, bins.size());
        for (int v = 0; v < components.size(); v++) {
            JsonNode c = components.get(v);
            long samples = c.get("samples").asLong();
            long total = 0;
            double maxLn = Double.NEGATIVE_INFINITY, minLn = Double.POSITIVE_INFINITY, maxS = Double.NEGATIVE_INFINITY;
            double weightedGap = 0;
            for (int b = 99 * v; b < 99 * (v + 1); b++) {
                JsonNode bin = bins.get(b);
                assertEquals(c.get("cell").asInt(), bin.get("cell").asInt());
                assertEquals(c.get("component").asInt(), bin.get("component").asInt());
                long n = bin.get("count").asLong();
                total += n;
                maxS = Math.max(maxS, bin.get("entropy").asDouble());
                assertTrue(bin.get("entropyError").asDouble() >= 0);
                if (n == 0) {
                    assertTrue(bin.get("logDensity").isNull(), "no log density in an empty bin");
                    continue;
                }
                double ln = bin.get("logDensity").asDouble();
                maxLn = Math.max(maxLn, ln);
                minLn = Math.min(minLn, ln);
                weightedGap += n * Math.abs(bin.get("entropy").asDouble() - ln);
            }
            // the clipped histogram holds nearly all samples (0.5-99.5 percentile range)
            assertTrue(total <= samples && total > 0.95 * samples, total + " of " + samples);
            assertEquals(0.0, maxLn, 0.0, "ln(p)/N shifted to a maximum of 0");
            assertEquals(0.0, maxS, 1e-12, "S shifted to a maximum of 0 over the bins");
            // score matching recovers the per-atom log density where the samples are
            assertTrue(weightedGap / total < 0.1 * (maxLn - minLn), "mean |S - ln p/N| " + weightedGap / total
                    + " against a range of " + (maxLn - minLn));
        }
        // the hotter shell spreads the leading component more
        assertTrue(components.get(2).get("eigenvalue").asDouble() > 2 * components.get(0).get("eigenvalue").asDouble());
    }

    @Test
    void csvHasOneRowPerBinAndBadIndicesExitTwo() {
        CommandRun csv = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--cell", "3", "--components", "0,54", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        CsvRead.Table bins = CsvRead.of(csv.out()).tables.get("bins");
        assertEquals(List.of("cell", "tau", "component", "x", "count", "logDensity", "entropy", "entropyError"), bins.names);
        assertEquals(2 * 99, bins.rows.size());
        for (int b = 0; b < bins.rows.size(); b++) {
            assertEquals("3", bins.cell(b, "cell"));
            assertEquals(b < 99 ? "0" : "54", bins.cell(b, "component"));
        }

        CommandRun badComponent = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--components", "55");
        assertEquals(2, badComponent.code());
        assertEquals("scoredos summaries: --components: 55 is not a component (cells have 55)", badComponent.err().strip());
        CommandRun missing = run("summaries", "--summaries", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }

    /** Units on the per-atom log density and entropy; the same numbers in JSON, CSV and text. */
    @Test
    void unitsAndTheSameNumbersInEveryFormat() throws Exception {
        String[] args = {"summaries", "--summaries", tmp.resolve("bcc").toString(), "--cell", "5", "--components", "1", "--format"};
        CommandRun json = run(concat(args, "json")), csv = run(concat(args, "csv")), text = run(concat(args, "text"));
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("summaries", j.get("command").asText());
        for (String u : new String[] {"logDensity", "entropy", "entropyError"}) assertEquals("k_B/atom", j.get("units").get(u).asText());
        CsvRead read = CsvRead.of(csv.out());
        read.assertHolds(j);
        assertEquals("k_B/atom", read.tables.get("bins").units.get(6));
        JsonNode busiest = j.get("bins").get(0);
        for (JsonNode b : j.get("bins")) if (b.get("count").asLong() > busiest.get("count").asLong()) busiest = b;
        String row = String.format(java.util.Locale.ROOT, "%.6e", busiest.get("x").asDouble());
        String line = text.out().lines().filter(l -> l.contains(row)).findFirst().orElseThrow(() -> new AssertionError(text.out()));
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%.4e", busiest.get("entropy").asDouble())), line);
        assertTrue(text.out().contains("ln(p)/N (k_B/atom)"), text.out());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
