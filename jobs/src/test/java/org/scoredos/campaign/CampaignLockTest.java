package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignLockTest {
    @TempDir
    Path tmp;
    private final StringWriter err = new StringWriter();

    private CampaignLock take(CampaignLock.Policy policy) throws Exception {
        return CampaignLock.acquire(tmp.resolve("out").toString(), new Configuration(), policy, new PrintWriter(err, true));
    }

    private Path lockFile() {
        return tmp.resolve("out").resolve(CampaignLock.FILE);
    }

    private void writeLock(String host, long pid, Instant modified) throws Exception {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "{\"host\":\"" + host + "\",\"pid\":" + pid + ",\"started\":\"" + modified + "\",\"token\":\"t\"}");
        Files.setLastModifiedTime(lockFile(), FileTime.from(modified));
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndMayTakeItAfterwards() throws Exception {
        try (CampaignLock first = take(CampaignLock.Policy.failFast())) {
            assertTrue(Files.readString(lockFile()).contains("\"pid\":" + ProcessHandle.current().pid()));
            CampaignLock.LockedException e = assertThrows(CampaignLock.LockedException.class, () -> take(CampaignLock.Policy.failFast()));
            assertTrue(e.getMessage().startsWith("another run is using this output (host "), e.getMessage());
            assertTrue(e.getMessage().endsWith("rerun with --wait-lock SECONDS"), e.getMessage());
            // --break-lock never breaks the lock of a live process on this host
            assertThrows(CampaignLock.LockedException.class, () -> take(new CampaignLock.Policy(Duration.ZERO, Duration.ofMillis(1), true)));
        }
        assertFalse(Files.exists(lockFile()), "released in close");
        assertFalse(Files.exists(lockFile().getParent()), "an output the lock created and nothing filled is removed");
        try (CampaignLock second = take(CampaignLock.Policy.failFast())) {
            assertTrue(Files.exists(lockFile()));
            Files.writeString(lockFile().resolveSibling("manifest.json"), "{}");
        }
        assertTrue(Files.exists(lockFile().getParent().resolve("manifest.json")), "a written output is kept");
    }

    @Test
    void aWaitingRunTakesTheLockOnceTheHolderReleasesIt() throws Exception {
        CampaignLock first = take(CampaignLock.Policy.failFast());
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1200);
                first.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        try (CampaignLock second = take(new CampaignLock.Policy(Duration.ofSeconds(30), Duration.ofHours(1), false))) {
            assertTrue(System.nanoTime() - t0 > 1_000_000_000L, "waited for the holder");
            assertTrue(err.toString().contains("waiting for the lock"), err.toString());
            release.join();
            assertTrue(Files.readString(lockFile()).contains(second.holder().token()));
        }
        // waiting is bounded
        try (CampaignLock held = take(CampaignLock.Policy.failFast())) {
            CampaignLock.LockedException e = assertThrows(CampaignLock.LockedException.class,
                    () -> take(new CampaignLock.Policy(Duration.ofSeconds(1), Duration.ofHours(1), false)));
            assertTrue(e.getMessage().endsWith("gave up after waiting 1 s"), e.getMessage());
        }
    }

    @Test
    void aLockOfADeadProcessOnThisHostIsBrokenWithAMessage() throws Exception {
        // a run killed (SIGKILL, power loss) leaves its lock; the next run resumes unattended
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        writeLock(CampaignLock.hostName(), done.pid(), Instant.now());
        try (CampaignLock taken = take(CampaignLock.Policy.failFast())) {
            assertTrue(err.toString().contains("breaking the stale lock"), err.toString());
            assertTrue(err.toString().contains("process " + done.pid() + " on this host is not running"), err.toString());
            assertTrue(Files.readString(lockFile()).contains(taken.holder().token()));
        }
    }

    @Test
    void aLockWhosePidWasReusedByAnotherProcessIsBroken() throws Exception {
        // the pid is alive (this JVM) but the lock names another process start: a reused pid
        long pid = ProcessHandle.current().pid();
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "{\"host\":\"" + CampaignLock.hostName() + "\",\"pid\":" + pid
                + ",\"started\":\"2020-01-01T00:00:00Z\",\"token\":\"t\",\"processStart\":\"2020-01-01T00:00:00Z\"}");
        try (CampaignLock taken = take(CampaignLock.Policy.failFast())) {
            assertTrue(err.toString().contains("process " + pid + " on this host is not running"), err.toString());
            assertTrue(Files.readString(lockFile()).contains("\"processStart\":\""
                    + ProcessHandle.current().info().startInstant().orElseThrow() + "\""));
        }
    }

    @Test
    void anOldLockOfThisHostWithoutAProcessStartYieldsToBreakLock() throws Exception {
        // locks of older versions name no process start: a live pid may be a reused one, so an old lock can be broken by hand
        writeLock(CampaignLock.hostName(), ProcessHandle.current().pid(), Instant.now().minus(Duration.ofHours(2)));
        assertThrows(CampaignLock.LockedException.class, () -> take(CampaignLock.Policy.failFast()));
        try (CampaignLock taken = take(new CampaignLock.Policy(Duration.ZERO, Duration.ofMinutes(1), true))) {
            assertTrue(err.toString().contains("its process unidentifiable"), err.toString());
        }
    }

    @Test
    void aLockFromAnotherHostIsLiveUntilItIsOlderThanTheMaximumAge() throws Exception {
        writeLock("elsewhere.example", 42, Instant.now().minus(Duration.ofHours(2)));
        CampaignLock.LockedException live = assertThrows(CampaignLock.LockedException.class,
                () -> take(new CampaignLock.Policy(Duration.ZERO, Duration.ofHours(3), true)));
        assertTrue(live.getMessage().startsWith("another run is using this output (host elsewhere.example, pid 42"), live.getMessage());
        CampaignLock.LockedException stale = assertThrows(CampaignLock.LockedException.class,
                () -> take(new CampaignLock.Policy(Duration.ofSeconds(60), Duration.ofHours(1), false)));
        assertTrue(stale.getMessage().contains("older than 60 min"), stale.getMessage());
    }

    @Test
    void onAHadoopFileSystemTheLockIsCreatedWithoutOverwriteAndTheLogRewrittenAside() throws Exception {
        Configuration conf = new Configuration();
        MockSchemeFileSystem.register(conf);
        String out = "mock://" + tmp.resolve("remote");
        PrintWriter quiet = new PrintWriter(err, true);
        try (CampaignLock first = CampaignLock.acquire(out, conf, CampaignLock.Policy.failFast(), quiet)) {
            assertTrue(Files.readString(tmp.resolve("remote").resolve(CampaignLock.FILE)).contains(first.holder().token()));
            CampaignLock.LockedException e = assertThrows(CampaignLock.LockedException.class,
                    () -> CampaignLock.acquire(out, conf, CampaignLock.Policy.failFast(), quiet));
            assertTrue(e.getMessage().contains("mock:"), e.getMessage());
            RunLog.append(out, conf, new RunLog.Entry("2026-01-01T00:00:00Z", "h", 16, 1, 1, 16, 2.0));
        }
        assertFalse(Files.exists(tmp.resolve("remote").resolve(CampaignLock.FILE)));
        assertEquals(2, Files.readAllLines(tmp.resolve("remote").resolve(RunLog.FILE)).size());
        assertFalse(Files.exists(tmp.resolve("remote/_tmp")), "no staging directory left");
    }

    @Test
    void theRunLogGainsOneTabSeparatedLinePerRun() throws Exception {
        String out = tmp.resolve("out").toString();
        RunLog.append(out, new Configuration(), new RunLog.Entry("2026-01-01T00:00:00Z", "h", 64, 4, 2, 32, 12.34));
        RunLog.append(out, new Configuration(), new RunLog.Entry("2026-01-02T00:00:00Z", "h", 0, 0, 2, 32, 1.0));
        List<String> lines = Files.readAllLines(tmp.resolve("out").resolve(RunLog.FILE));
        assertEquals(List.of(RunLog.HEADER, "2026-01-01T00:00:00Z\th\t64\t4\t2\t32\t12.3", "2026-01-02T00:00:00Z\th\t0\t0\t2\t32\t1.0"), lines);
        // the log is written after the run removed its temporary files: it leaves none either
        assertFalse(Files.exists(tmp.resolve("out/_tmp")), "no staging directory left");
    }
}
