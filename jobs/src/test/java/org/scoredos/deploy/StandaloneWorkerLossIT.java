package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.campaign.CampaignOutputs.committedShards;
import static org.scoredos.campaign.CampaignOutputs.shardFiles;
import static org.scoredos.campaign.CampaignOutputs.temporaryFiles;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.campaign.TinyCampaign;
import org.scoredos.cli.ScoreDos;
import org.scoredos.store.SummaryStore;

/**
 * A worker of a two-worker standalone cluster killed (SIGKILL, with its executor) while a campaign
 * commits its shards: Spark runs the lost tasks again on the surviving worker (describing again
 * the shards whose cached descriptors died with the executor), the submission
 * exits 0, and the output equals a local run's: the same summaries bit for bit, every shard
 * committed once with the same statistics, no temporary file. Every process is ended in the end.
 */
class StandaloneWorkerLossIT {
    private static final int SHARDS = 3 * 32;
    /** Some shards committed, most still to come when the worker dies. */
    private static final int KILL_AT = 8;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void aCampaignSurvivesTheLossOfAWorkerAndItsExecutor() throws Exception {
        long t0 = System.nanoTime();
        Path yaml = config();
        String cache = tmp.resolve("hessians").toString();
        Path out = tmp.resolve("cluster");
        int committedAtKill;
        long lostPartitions;
        try (ChildJvms jvms = new ChildJvms(tmp.resolve("logs"))) {
            StandaloneCluster cluster = StandaloneCluster.start(jvms, tmp, 2);
            // a task lost with its executor counts as one failure or none (as the driver hears first of the
            // executor's connection or of the lost worker): 4 attempts per task leave room for that
            Process submit = cluster.submit("submit", yaml, out, " --conf spark.task.maxFailures=4",
                    List.of("--hessian-cache", cache, "--format", "json"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (committedShards(out) < KILL_AT) {
                assertTrue(submit.isAlive(), "the campaign ran until the kill: " + StandaloneCluster.tail(cluster.log("submit")));
                assertTrue(System.nanoTime() < deadline, "shards committed in time: " + StandaloneCluster.tail(cluster.log("submit")));
                Thread.sleep(5);
            }
            // the worker and its executor at once, as when their machine goes
            Process worker = cluster.worker(0);
            List<ProcessHandle> executors = worker.toHandle().descendants().toList();
            worker.destroyForcibly();
            executors.forEach(ProcessHandle::destroyForcibly);
            committedAtKill = committedShards(out);
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "worker 0 is gone");
            for (ProcessHandle e : executors) e.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(executors.isEmpty(), "worker 0 was running an executor");
            assertTrue(committedAtKill < SHARDS, "the worker died mid-campaign: " + committedAtKill + "/" + SHARDS);

            boolean finished = submit.waitFor(240, TimeUnit.SECONDS);
            String log = cluster.log("submit");
            assertTrue(finished, "the campaign finishes on the surviving worker: " + StandaloneCluster.tail(log));
            assertEquals(0, submit.exitValue(), StandaloneCluster.tail(log));
            assertTrue(log.contains("\"shardsComputed\" : " + SHARDS), StandaloneCluster.tail(log));
            assertTrue(log.contains("Lost executor"), "the driver saw the executor go: " + StandaloneCluster.tail(log));
            assertTrue(cluster.executorLogs(1) > 0, "worker 1 ran an executor");
            // the shards' descriptors the dead executor held (described again where still uncommitted)
            lostPartitions = log.lines().filter(l -> l.contains("No more replicas available for rdd_")).count();
        }
        long clusterMillis = (System.nanoTime() - t0) / 1_000_000;

        StringWriter stdout = new StringWriter(), err = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(stdout, true), new PrintWriter(err, true)).execute("campaign",
                "--config", yaml.toString(), "--out", tmp.resolve("local").toString(), "--master", "local[2]",
                "--hessian-cache", cache);
        assertEquals(0, code, err.toString());
        SummaryComparison.assertBitIdentical(SummaryStore.read(tmp.resolve("local/summaries/tiny")),
                SummaryStore.read(out.resolve("summaries/tiny")));
        Map<String, String> shards = shardFiles(out);
        assertEquals(SHARDS, shards.size(), "one file per shard");
        assertEquals(shardFiles(tmp.resolve("local")), shards, "every shard once, with the statistics of the local run");
        assertEquals(List.of(), temporaryFiles(out), "no temporary file survives the lost executor");
        assertEquals(List.of(), temporaryFiles(tmp.resolve("local")), "nor a local run");
        System.out.printf("StandaloneWorkerLossIT: 1 worker and its executor killed at %d/%d committed shards (%d cached"
                + " partitions lost), survived; cluster part %d ms, whole test %d ms%n", committedAtKill, SHARDS, lostPartitions,
                clusterMillis, (System.nanoTime() - t0) / 1_000_000);
    }

    /** 16-atom W bcc, 3 cells × 256 samples in shards of 8: 96 tasks, so the commits last a while. */
    private Path config() throws Exception {
        return TinyCampaign.write(tmp, """
                tau: [0.5, 1.0, 2.0]
                samples: 256
                samplesPerShard: 8
                histogram: {bins: 12}
                score: {order: 3}
                seed: 29
                output: unused
                """);
    }
}
