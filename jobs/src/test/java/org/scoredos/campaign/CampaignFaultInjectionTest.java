package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

/** Tasks that fail on their first attempt are retried by Spark, and the summaries do not notice. */
class CampaignFaultInjectionTest {
    private static JavaSparkContext sc;
    private static final AtomicInteger injected = new AtomicInteger();

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        // local[2,4]: two threads, four attempts per task, so that local mode retries failed tasks
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("CampaignFaultInjectionTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        sc.setLogLevel("OFF"); // the injected failures would fill the log with stack traces
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure f && f.description().contains(FaultInjection.MESSAGE)) {
                    injected.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    private PhaseSummary run(CampaignConfig c, Path out, String fraction) throws Exception {
        sc.setLocalProperty(FaultInjection.FIRST_ATTEMPT_FAILURE_FRACTION, fraction);
        try {
            String identity = "test-identity-" + c.seed();
            CampaignStore store = CampaignStore.open(out.toString(), sc.hadoopConfiguration(), CampaignManifest.initial(c, identity));
            Progress progress = new Progress(new PrintWriter(new StringWriter(), true), c.name(), Duration.ofMinutes(1));
            new CampaignJob(sc, c, identity, List.of(CampaignJobTest.reference()), new GaussianDescriptors(c.seed(), 5),
                    store, progress, ShardPlan.of(c).shards().size()).run(); // one task per shard: each first attempt is its own
            sc.sc().listenerBus().waitUntilEmpty();
            return SummaryStore.read(out.resolve("summaries/t"));
        } finally {
            sc.setLocalProperty(FaultInjection.FIRST_ATTEMPT_FAILURE_FRACTION, null);
        }
    }

    @Test
    void retriedTasksGiveBitIdenticalSummaries() throws Exception {
        CampaignConfig c = CampaignJobTest.config(96, 8, 17); // 3 cells × 12 shards, one descriptor task per shard
        PhaseSummary clean = run(c, tmp.resolve("clean"), null);
        assertEquals(0, injected.getAndSet(0));
        PhaseSummary faulty = run(c, tmp.resolve("faulty"), "0.3");
        int faults = injected.get();
        // which shards fail is a hash of (stage, shard): count the expected ones the same way. A
        // descriptor task holds one shard; a commit task the shards of the cells hashed to it (3
        // cells in min(3, 2) tasks), and its first attempt fails at the first chosen one (after
        // committing it), the retry commits them all again
        FaultInjection f = new FaultInjection(0.3);
        org.apache.spark.HashPartitioner commitTasks = new org.apache.spark.HashPartitioner(Math.min(3, sc.defaultParallelism()));
        int described = 0;
        java.util.Set<Integer> committing = new java.util.HashSet<>();
        for (Shard s : ShardPlan.of(c).shards()) {
            if (f.fails("describe", s)) described++;
            if (f.fails("commit", s)) committing.add(commitTasks.getPartition(s.cell()));
        }
        assertEquals(described + committing.size(), faults, "every chosen first attempt failed, once");
        assertTrue(described >= 5 && committing.size() == 2, "about 30 % of 36 descriptor tasks and both commit tasks: "
                + described + ", " + committing.size());
        assertSameStore(clean, faulty);
        System.out.println("CampaignFaultInjectionTest: " + faults + " injected task failures (of 38 first attempts) survived");
        assertEquals(36, CampaignOutputs.shardFiles(tmp.resolve("faulty")).size(), "a retried commit keeps one copy of its shard");
        assertFalse(Files.exists(tmp.resolve("faulty/_tmp")), "no temporary file left behind");
    }

    @Test
    void theSwitchIsOffUnlessSetAndRefusesAFractionOutsideZeroToOne() throws IOException {
        sc.setLocalProperty(FaultInjection.FIRST_ATTEMPT_FAILURE_FRACTION, "1.5");
        try {
            assertThrows(IllegalArgumentException.class, () -> FaultInjection.of(sc));
        } finally {
            sc.setLocalProperty(FaultInjection.FIRST_ATTEMPT_FAILURE_FRACTION, null);
        }
        assertFalse(new FaultInjection(0).fails("describe", new Shard(0, 0, 0, 8)));
        assertTrue(new FaultInjection(1).fails("describe", new Shard(0, 0, 0, 8)));
    }

    static void assertSameStore(PhaseSummary a, PhaseSummary b) {
        assertEquals(a.cells().size(), b.cells().size());
        for (int i = 0; i < a.cells().size(); i++) {
            CellSummary x = a.cells().get(i), y = b.cells().get(i);
            assertEquals(x.samples(), y.samples());
            assertArrayEquals(x.mean(), y.mean(), 0.0);
            assertArrayEquals(x.eigenvalues(), y.eigenvalues(), 0.0);
            for (int k = 0; k < x.components(); k++) {
                assertArrayEquals(x.covariance()[k], y.covariance()[k], 0.0);
                assertArrayEquals(x.rotation()[k], y.rotation()[k], 0.0);
                assertArrayEquals(x.binEdges()[k], y.binEdges()[k], 0.0);
                assertArrayEquals(x.counts()[k], y.counts()[k]);
            }
            ScoreTable s = x.scores(), t = y.scores();
            assertArrayEquals(s.centre(), t.centre(), 0.0);
            assertArrayEquals(s.scale(), t.scale(), 0.0);
            assertArrayEquals(s.shift(), t.shift(), 0.0);
            for (int k = 0; k < x.components(); k++) assertArrayEquals(s.coefficients()[k], t.coefficients()[k], 0.0);
        }
    }
}
