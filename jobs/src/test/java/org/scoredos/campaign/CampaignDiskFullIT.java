package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.ScoreDos;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.store.SummaryStore;

/**
 * A disk that fills up during a campaign (issue #22): the shard commits of the executors, or the
 * first write at start-up, fail as ENOSPC does (through {@link MockSchemeFileSystem#fullAt}).
 * The run prints one line and exits 1; once there is space the rerun finishes with summaries
 * identical, bit for bit, to those of a run that never met a full disk.
 */
class CampaignDiskFullIT {
    private static final String SETTINGS = "tau: [0.5, 1.0]\nsamples: 32\nsamplesPerShard: 16\nhistogram: {bins: 8}\nseed: 9\noutput: unused\n";
    private static final Map<String, String> MOCK = Map.of("spark.hadoop.fs.mock.impl", MockSchemeFileSystem.class.getName(),
            "spark.hadoop.fs.mock.impl.disable.cache", "true",
            "spark.hadoop.fs.AbstractFileSystem.mock.impl", MockSchemeFileSystem.Abstract.class.getName());

    @TempDir
    Path tmp;

    private record Ran(int code, String err) {}

    @Test
    void aFullDiskIsOneLineAndTheRerunRecoversBitForBit() throws IOException {
        Path yaml = TinyCampaign.write(tmp, SETTINGS);
        MOCK.forEach(System::setProperty);
        try {
            Ran clean = campaign(yaml, tmp.resolve("clean"), null);
            assertEquals(0, clean.code, clean.err);
            for (String fullAt : List.of("/shards/", "/out/")) { // at the shard commits; at the first write of all
                Path out = tmp.resolve("out");
                Ran full = campaign(yaml, out, fullAt);
                assertEquals(1, full.code, full.err);
                List<String> lines = full.err.lines().filter(l -> l.startsWith("scoredos")).toList();
                assertEquals(List.of("scoredos campaign: cannot write: no space left on device; free some space and run the "
                        + "command again (a campaign resumes from its committed shards)"), lines, full.err);
                assertFalse(full.err.contains("\tat ") || full.err.contains("Exception") || full.err.contains("internal error"), full.err);
                Ran rerun = campaign(yaml, out, null);
                assertEquals(0, rerun.code, rerun.err);
                PhaseSummary expected = summary(tmp.resolve("clean"));
                assertTrue(expected.cells().get(0).samples() > 0);
                CampaignFaultInjectionTest.assertSameStore(expected, summary(out));
                deleteTree(out);
            }
        } finally {
            MockSchemeFileSystem.fullAt = null;
            MOCK.keySet().forEach(System::clearProperty);
        }
    }

    private static Ran campaign(Path yaml, Path out, String fullAt) {
        MockSchemeFileSystem.fullAt = fullAt;
        StringWriter err = new StringWriter();
        try {
            int code = ScoreDos.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                    .execute("campaign", "--config", yaml.toString(), "--out", "mock://" + out, "--master", "local[1]");
            return new Ran(code, err.toString());
        } finally {
            MockSchemeFileSystem.fullAt = null;
        }
    }

    private static PhaseSummary summary(Path out) throws IOException {
        try (Stream<Path> stores = Files.list(out.resolve("summaries"))) {
            return SummaryStore.read(stores.findFirst().orElseThrow());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
