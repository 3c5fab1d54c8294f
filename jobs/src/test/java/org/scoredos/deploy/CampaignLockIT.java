package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.campaign.CampaignLock;
import org.scoredos.campaign.RunLog;
import org.scoredos.campaign.SampledDescriptorsTest;
import org.scoredos.cli.ScoreDos;
import org.scoredos.store.SummaryStore;

/**
 * Two campaign processes on one output at once: the second without --wait-lock exits 3 with a
 * message and leaves the output alone; a third with --wait-lock waits, then tops up nothing; the
 * summaries equal those of a single run, and runs.log holds one line per finished run.
 */
class CampaignLockIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void overlappingRunsNeitherCorruptNorLoseData() throws Exception {
        Path yaml = SampledDescriptorsTest.tinyConfig(tmp, "");
        String cache = tmp.resolve("hessians").toString();
        Path shared = tmp.resolve("shared");
        Files.createDirectories(tmp.resolve("logs"));
        try (ChildJvms jvms = new ChildJvms(tmp.resolve("logs"))) {
            Process first = campaign(jvms, "first", yaml, shared, cache);
            Path lock = shared.resolve(CampaignLock.FILE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(lock) && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(Files.exists(lock), "the first run takes the lock: " + Files.readString(jvms.log("first")));

            // both start while the first holds the lock
            Process refused = campaign(jvms, "refused", yaml, shared, cache);
            Process waiting = campaign(jvms, "waiting", yaml, shared, cache, "--wait-lock", "180");
            assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
            assertTrue(first.isAlive(), "the first run outlasts the refused one");
            String refusedLog = Files.readString(jvms.log("refused"));
            assertEquals(3, refused.exitValue(), refusedLog);
            assertTrue(refusedLog.contains("scoredos campaign: another run is using this output (host "), refusedLog);

            assertTrue(first.waitFor(150, TimeUnit.SECONDS), "first run finishes");
            assertEquals(0, first.exitValue(), Files.readString(jvms.log("first")));
            assertTrue(waiting.waitFor(120, TimeUnit.SECONDS), "waiting run finishes");
            String waitingLog = Files.readString(jvms.log("waiting"));
            assertEquals(0, waiting.exitValue(), waitingLog);
            assertTrue(waitingLog.contains("campaign: waiting for the lock"), waitingLog);
            assertTrue(waitingLog.contains("\"shardsComputed\" : 0"), "nothing left to top up: " + waitingLog);
        }
        assertFalse(Files.exists(shared.resolve(CampaignLock.FILE)), "the lock is released");

        List<String> log = Files.readAllLines(shared.resolve(RunLog.FILE));
        assertEquals(3, log.size(), "header and the two finished runs: " + log);
        assertTrue(log.get(1).matches("\\S+\t\\S+\t64\t4\t2\t32\t\\d+\\.\\d"), log.get(1));
        assertTrue(log.get(2).matches("\\S+\t\\S+\t0\t0\t2\t32\t\\d+\\.\\d"), log.get(2));

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("campaign",
                "--config", yaml.toString(), "--out", tmp.resolve("single").toString(), "--master", "local[2]",
                "--hessian-cache", cache);
        assertEquals(0, code, err.toString());
        SummaryComparison.assertBitIdentical(SummaryStore.read(tmp.resolve("single/summaries/tiny")),
                SummaryStore.read(shared.resolve("summaries/tiny")));
    }

    private static Process campaign(ChildJvms jvms, String name, Path yaml, Path out, String cache, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("campaign", "--config", yaml.toString(), "--out", out.toString(),
                "--master", "local[1]", "--hessian-cache", cache, "--format", "json"));
        args.addAll(List.of(extra));
        return jvms.start(name, List.of("-Xmx1g", "-Dspark.ui.enabled=false"), ChildJvms.testClassPath(),
                "org.scoredos.cli.ScoreDos", args, Map.of());
    }
}
