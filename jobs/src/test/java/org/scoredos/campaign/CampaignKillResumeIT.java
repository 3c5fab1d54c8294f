package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.campaign.CampaignOutputs.committedShards;
import static org.scoredos.campaign.CampaignOutputs.shardFiles;
import static org.scoredos.campaign.CampaignOutputs.temporaryFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.store.SummaryStore;

/**
 * A campaign process killed (SIGKILL) at random points of several runs, then resumed, ends with
 * exactly the summaries, shards and counts of an uninterrupted run with the same seed, and with
 * no temporary file left in its output.
 */
class CampaignKillResumeIT {
    private static final int SHARDS = 3 * 8;
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void endChildren() throws InterruptedException {
        for (Process p : started) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedRunsResumeToTheSummariesOfAnUninterruptedRun() throws Exception {
        Path yaml = config();
        long t0 = System.nanoTime();
        assertEquals(0, run("reference", yaml, tmp.resolve("reference")).waitFor(), () -> log("reference"));
        long runMillis = (System.nanoTime() - t0) / 1_000_000;

        Path out = tmp.resolve("killed");
        Random random = new Random(20261125);
        List<String> history = new ArrayList<>();
        int kills = 0;
        // start-up, Hessian and descriptors (nothing committed yet): a delay into the run
        long delay = (long) (runMillis * (0.1 + 0.5 * random.nextDouble()));
        kills += killWhen("killed-0", yaml, out, history, "after " + delay + " ms", elapsed -> elapsed >= delay);
        // among the shard commits, twice
        int first = 1 + random.nextInt(SHARDS / 2), second = first + 1 + random.nextInt(SHARDS - first - 1);
        kills += killWhen("killed-1", yaml, out, history, "at " + first + " shards", elapsed -> committedShards(out) >= first);
        kills += killWhen("killed-2", yaml, out, history, "at " + second + " shards", elapsed -> committedShards(out) >= second);
        // the score fits and the summary store, after the last commit
        long late = random.nextInt(2000);
        long[] allCommittedAt = {-1};
        kills += killWhen("killed-3", yaml, out, history, late + " ms after the last commit", elapsed -> {
            if (allCommittedAt[0] < 0 && committedShards(out) == SHARDS) allCommittedAt[0] = elapsed;
            return allCommittedAt[0] >= 0 && elapsed - allCommittedAt[0] >= late;
        });
        assertTrue(kills >= 3, "most runs were killed: " + history);
        assertEquals(0, run("resumed", yaml, out).waitFor(), () -> log("resumed"));
        System.out.println("CampaignKillResumeIT: uninterrupted run " + runMillis + " ms; " + kills + " kills survived: " + history);

        CampaignFaultInjectionTest.assertSameStore(SummaryStore.read(tmp.resolve("reference/summaries/tiny")),
                SummaryStore.read(out.resolve("summaries/tiny")));
        assertEquals(shardFiles(tmp.resolve("reference")), shardFiles(out), "every shard once, with the same statistics");
        CampaignLauncher.Options status = new CampaignLauncher.Options(out.toString(), null, null, 0, null, Duration.ofMinutes(1));
        CampaignLauncher.Options reference = new CampaignLauncher.Options(tmp.resolve("reference").toString(), null, null, 0, null,
                Duration.ofMinutes(1));
        assertEquals(CampaignLauncher.status(yaml, reference, new java.io.PrintWriter(java.io.Writer.nullWriter())).cells(),
                CampaignLauncher.status(yaml, status, new java.io.PrintWriter(java.io.Writer.nullWriter())).cells());
        assertEquals(List.of(), temporaryFiles(out), "no temporary file survives a completed run");
    }

    /** What a kill waits for, polled every 10 ms: ms since the process started → kill now. */
    private interface Moment {
        boolean reached(long elapsedMillis) throws IOException;
    }

    /** Runs the campaign and kills it (SIGKILL) at {@code moment}; 1 if it was killed, 0 if it finished first. */
    private int killWhen(String name, Path yaml, Path out, List<String> history, String when, Moment moment) throws Exception {
        long t0 = System.nanoTime();
        Process p = run(name, yaml, out);
        boolean killed = false;
        while (p.isAlive()) {
            if (moment.reached((System.nanoTime() - t0) / 1_000_000)) {
                p.destroyForcibly().waitFor();
                killed = true;
                break;
            }
            Thread.sleep(10);
        }
        p.waitFor();
        history.add((killed ? "killed " : "finished before the kill ") + when + ": " + committedShards(out) + "/" + SHARDS
                + " shards committed, " + temporaryFiles(out).size() + " temporary files (exit " + p.exitValue() + ")");
        if (!killed) assertEquals(0, p.exitValue(), () -> log(name));
        return killed ? 1 : 0;
    }

    private Path config() throws IOException {
        return TinyCampaign.write(tmp, """
                tau: [0.5, 1.0, 2.0]
                samples: 64
                samplesPerShard: 8
                histogram: {bins: 12}
                score: {order: 3}
                seed: 23
                output: unused
                """);
    }

    /** SIGTERM (what systemctl stop sends) prints one line and exits 1; the rerun resumes and completes. */
    @Test
    void aStopRequestPrintsOneLineAndTheRerunResumes() throws Exception {
        Path yaml = config();
        Path out = tmp.resolve("stopped");
        Process p = run("stopped", yaml, out);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (committedShards(out) < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        p.destroy(); // SIGTERM on Unix
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a stopped run ends within a minute");
        String log = log("stopped");
        assertEquals(1, p.exitValue(), log);
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("scoredos: stopped by SIGTERM; committed work is kept (a campaign resumes when run again)",
                lines.get(lines.size() - 1), log);
        assertTrue(log.lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("internal error") || l.contains("Exception")), log);
        assertEquals(0, run("resumed", yaml, out).waitFor(), () -> log("resumed"));
        assertEquals(SHARDS, committedShards(out));
    }

    /** {@code scoredos campaign} in a JVM of its own, on one core so that a run lasts a few seconds. */
    private Process run(String name, Path yaml, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("scoredos.it.jvmFlags", "");
        if (!flags.isBlank()) cmd.addAll(List.of(flags.trim().split("\\s+")));
        cmd.addAll(List.of("-Xmx768m", "-Dspark.local.dir=" + tmp.resolve("spark-scratch"), "-cp", System.getProperty("java.class.path"),
                "org.scoredos.cli.ScoreDos", "campaign", "--config", yaml.toString(), "--out", out.toString(),
                // no --break-lock: the lock a killed run leaves is held by a dead process of this
                // host, which the next run breaks by itself (resuming must need no one)
                "--master", "local[1]", "--hessian-cache", tmp.resolve("hessians").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
        started.add(p);
        return p;
    }

    private String log(String name) {
        try {
            return Files.readString(tmp.resolve(name + ".log"));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }
}
