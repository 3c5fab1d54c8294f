package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummariesCommandTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();
    @TempDir
    static Path tmp;

    private record Ran(int code, String out, String err) {}

    private static Ran run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Ran(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void importBccIron() {
        Ran imported = run("import-descriptordos", "--input", IRON.resolve("fe_bcc_444.json.gz").toString(),
                "--out", tmp.resolve("bcc").toString());
        assertEquals(0, imported.code(), imported.err());
    }

    @Test
    void theFittedEntropyFollowsTheLogDensityOfTheHistogram() throws Exception {
        Ran r = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--cell", "0,19", "--components", "0,1",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(128, json.get("atoms").asInt());
        JsonNode cells = json.get("cells");
        assertEquals(2, cells.size());
        assertTrue(cells.get(1).get("tau").asDouble() > cells.get(0).get("tau").asDouble());
        for (JsonNode cell : cells) {
            long samples = cell.get("samples").asLong();
            for (JsonNode c : cell.get("components")) {
                long total = 0;
                double maxLn = Double.NEGATIVE_INFINITY, minLn = Double.POSITIVE_INFINITY, maxS = Double.NEGATIVE_INFINITY;
                double weightedGap = 0;
                int bins = c.get("counts").size();
                assertEquals(99, bins);
                for (int b = 0; b < bins; b++) {
                    long n = c.get("counts").get(b).asLong();
                    total += n;
                    maxS = Math.max(maxS, c.get("entropy").get(b).asDouble());
                    assertTrue(c.get("entropyError").get(b).asDouble() >= 0);
                    if (n == 0) {
                        assertTrue(c.get("logDensity").get(b).isNull(), "no log density in an empty bin");
                        continue;
                    }
                    double ln = c.get("logDensity").get(b).asDouble();
                    maxLn = Math.max(maxLn, ln);
                    minLn = Math.min(minLn, ln);
                    weightedGap += n * Math.abs(c.get("entropy").get(b).asDouble() - ln);
                }
                // the clipped histogram holds nearly all samples (0.5-99.5 percentile range)
                assertTrue(total <= samples && total > 0.95 * samples, total + " of " + samples);
                assertEquals(0.0, maxLn, 0.0, "ln(p)/N shifted to a maximum of 0");
                assertEquals(0.0, maxS, 1e-12, "S shifted to a maximum of 0 over the bins");
                // score matching recovers the per-atom log density where the samples are
                assertTrue(weightedGap / total < 0.1 * (maxLn - minLn), "mean |S - ln p/N| " + weightedGap / total
                        + " against a range of " + (maxLn - minLn));
            }
        }
        // the hotter shell spreads the leading component more
        assertTrue(cells.get(1).get("components").get(0).get("eigenvalue").asDouble()
                > 2 * cells.get(0).get("components").get(0).get("eigenvalue").asDouble());
    }

    @Test
    void csvHasOneRowPerBinAndBadIndicesExitTwo() {
        Ran csv = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--cell", "3", "--components", "0,54", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        assertEquals("cell,tau,component,x,count,logDensity,entropy,entropyError", csv.out().lines().findFirst().orElseThrow());
        assertEquals(1 + 2 * 99, csv.out().lines().count());
        assertTrue(csv.out().lines().skip(1).allMatch(l -> l.startsWith("3,0.4") && l.split(",", -1).length == 8), csv.out());

        Ran badComponent = run("summaries", "--summaries", tmp.resolve("bcc").toString(), "--components", "55");
        assertEquals(2, badComponent.code());
        assertEquals("scoredos summaries: --components: 55 is not a component (cells have 55)", badComponent.err().strip());
        Ran missing = run("summaries", "--summaries", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
