package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.ScoreTable;
import org.scoredos.store.SummaryStore;

class CampaignJobTest {
    private static JavaSparkContext sc;
    private static final int D = 5;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("CampaignJobTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        sc.setLogLevel("ERROR");
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    static CampaignConfig config(int samples, long seed) {
        return config(samples, 16, seed);
    }

    static CampaignConfig config(int samples, int samplesPerShard, long seed) {
        return CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL
                .replace("tau: [0.5, 1.0]", "tau: [0.5, 1.0, 2.0]")
                .replace("seed: 3", "seed: " + seed)
                + "samples: " + samples + "\nsamplesPerShard: " + samplesPerShard + "\nhistogram: {bins: 12}\n", "test.yaml");
    }

    static ReferenceConstants reference() {
        return new ReferenceConstants(16, 183.84, 129.0, new double[D], 20.0, -0.1, 45, 0.1939, 0.0,
                new double[][] {{6.4, 0, 0}, {0, 6.4, 0}, {0, 0, 6.4}}, new double[48]);
    }

    private record Run(CampaignJob.Result result, String log) {}

    private Run run(CampaignConfig c, Path out, int partitions) throws IOException {
        return run(c, out.toString(), partitions);
    }

    private Run run(CampaignConfig c, String out, int partitions) throws IOException {
        StringWriter err = new StringWriter();
        String identity = "test-identity-" + c.seed();
        CampaignStore store = CampaignStore.open(out, sc.hadoopConfiguration(), CampaignManifest.initial(c, identity));
        Progress progress = new Progress(new PrintWriter(err, true), c.name(), Duration.ofMinutes(1));
        CampaignJob job = new CampaignJob(sc, c, identity, List.of(reference()), new GaussianDescriptors(c.seed(), D),
                store, progress, partitions);
        return new Run(job.run(), err.toString());
    }

    private static void assertSameSummaries(PhaseSummary a, PhaseSummary b, boolean sameFrames) {
        assertEquals(a.cells().size(), b.cells().size());
        for (int i = 0; i < a.cells().size(); i++) {
            CellSummary x = a.cells().get(i), y = b.cells().get(i);
            assertEquals(x.samples(), y.samples());
            assertArrayEquals(x.mean(), y.mean(), 0.0);
            for (int k = 0; k < D; k++) assertArrayEquals(x.covariance()[k], y.covariance()[k], 0.0);
            if (sameFrames) {
                assertArrayEquals(x.eigenvalues(), y.eigenvalues(), 0.0);
                for (int k = 0; k < D; k++) {
                    assertArrayEquals(x.rotation()[k], y.rotation()[k], 0.0);
                    assertArrayEquals(x.binEdges()[k], y.binEdges()[k], 0.0);
                    assertArrayEquals(x.counts()[k], y.counts()[k]);
                }
            }
        }
    }

    @Test
    void summariesAreBitIdenticalForAnyPartitioning() throws IOException {
        CampaignConfig c = config(64, 5);
        Run one = run(c, tmp.resolve("one"), 1);
        Run many = run(c, tmp.resolve("many"), 7);
        assertSameSummaries(one.result().phases().get(0), many.result().phases().get(0), true);
        CellSummary cell = one.result().phases().get(0).cells().get(2);
        assertEquals(64, cell.samples());
        assertEquals(2.0, cell.tau());
        assertEquals(reference().alphaOfTau(2.0), cell.alpha(), 1e-15);
        // the test descriptors have mean 10(k+1) and variance growing with τ
        assertEquals(30.0, cell.mean()[2], 5 * Math.sqrt(2.0 * 9.16 / 64));
        long kept = 0;
        for (long n : cell.counts()[0]) kept += n;
        assertTrue(kept <= 64 && kept >= 58, "about 99 % of the samples fall inside the edges: " + kept);
        assertTrue(one.log().contains("descriptors: 3 cells, shards 12/12"), one.log());
        // the summary store holds the same phase, score models included
        PhaseSummary stored = SummaryStore.read(tmp.resolve("one/summaries/t"));
        assertSameSummaries(one.result().phases().get(0), stored, true);
        ScoreTable scores = stored.cells().get(2).scores();
        assertEquals("chebyshev", scores.basis());
        assertEquals(4, scores.order());
        for (int k = 0; k < D; k++) {
            assertTrue(Double.isFinite(scores.shift()[k]));
            for (double coefficient : scores.coefficients()[k]) assertTrue(Double.isFinite(coefficient));
        }
    }

    @Test
    void topUpAddsOnlyNewShardsAndEqualsAFreshRun() throws IOException {
        Path topped = tmp.resolve("topped");
        Run first = run(config(256, 64, 9), topped, 3);
        assertEquals(12, first.result().shardsComputed());
        Run topUp = run(config(512, 64, 9), topped, 2);
        assertEquals(12, topUp.result().shardsComputed(), "only shards 4..7 of each cell");
        assertEquals(768, topUp.result().samplesComputed());
        Run fresh = run(config(512, 64, 9), tmp.resolve("fresh"), 5);
        PhaseSummary t = topUp.result().phases().get(0), f = fresh.result().phases().get(0);
        assertSameSummaries(t, f, false);
        for (int i = 0; i < 3; i++) {
            CellSummary before = first.result().phases().get(0).cells().get(i), after = t.cells().get(i);
            assertEquals(512, after.samples());
            assertArrayEquals(before.eigenvalues(), after.eigenvalues(), 0.0, "the frame stays fixed");
            long total = 0, earlier = 0;
            for (long n : after.counts()[D - 1]) total += n;
            for (long n : before.counts()[D - 1]) earlier += n;
            assertTrue(total > earlier, "counts only grow");
        }
        Run again = run(config(512, 64, 9), topped, 2);
        assertEquals(0, again.result().shardsComputed(), "nothing left to do");
        assertSameSummaries(t, again.result().phases().get(0), true);
        CampaignManifest m = CampaignStore.existing(topped.toString(), sc.hadoopConfiguration()).manifest();
        assertEquals(512, m.samplesPerCell());
        assertEquals(List.of(512L, 512L, 512L), m.cells().stream().map(CampaignManifest.CellCount::samples).toList());
    }

    @Test
    void aShortLastShardIsReplacedByTheTopUp() throws IOException {
        Path out = tmp.resolve("short");
        run(config(40, 17), out, 2);
        Run topUp = run(config(48, 17), out, 2);
        assertEquals(3, topUp.result().shardsComputed(), "samples 32..47 of each cell, in place of 32..39");
        assertSameSummaries(run(config(48, 17), tmp.resolve("short-fresh"), 3).result().phases().get(0),
                topUp.result().phases().get(0), false);
        assertEquals(48, topUp.result().phases().get(0).cells().get(1).samples());
    }

    @Test
    void anInterruptedRunResumesWithoutLossOrDuplicates() throws IOException {
        CampaignConfig c = config(64, 13);
        Path out = tmp.resolve("interrupted");
        Run complete = run(c, out, 2);
        // as if the run had died after pass 1 and five of its twelve commits, mid-way through a sixth
        try (Stream<Path> shards = Files.walk(out.resolve("shards"))) {
            List<Path> files = shards.filter(p -> p.getFileName().toString().startsWith("shard-")).sorted().toList();
            for (Path p : files.subList(5, files.size())) {
                Files.delete(p);
                Files.deleteIfExists(p.resolveSibling("." + p.getFileName() + ".crc"));
            }
        }
        Files.createDirectories(out.resolve("_tmp"));
        Files.writeString(out.resolve("_tmp/half-written.json"), "{\"identity\": \"test-id");
        Run resumed = run(c, out, 3);
        assertEquals(7, resumed.result().shardsComputed());
        assertSameSummaries(complete.result().phases().get(0), resumed.result().phases().get(0), true);
    }

    @Test
    void anyHadoopFileSystemWillDo() throws IOException {
        MockSchemeFileSystem.register(sc.hadoopConfiguration());
        Path local = tmp.resolve("remote");
        Run remote = run(config(32, 23), "mock://" + local, 2);
        Run again = run(config(48, 23), "mock://" + local, 2);
        assertEquals(3, again.result().shardsComputed());
        assertTrue(Files.isRegularFile(local.resolve("manifest.json")));
        PhaseSummary stored = SummaryStore.read(local.resolve("summaries/t"));
        assertSameSummaries(again.result().phases().get(0), stored, true);
        assertEquals(32, remote.result().phases().get(0).cells().get(0).samples());
        assertEquals(48, stored.cells().get(0).samples());
        // the top-up replaced the store in place (its generation counts on), not by delete-then-rename
        assertEquals(2, SummaryStore.manifest(local.resolve("summaries/t")).generation());
        try (Stream<Path> files = Files.list(local.resolve("summaries"))) {
            assertEquals(List.of(local.resolve("summaries/t")), files.toList());
        }
        // a first summary write killed before its manifest landed leaves data files only: a rerun clears them
        Path killed = tmp.resolve("killed");
        run(config(32, 29), "mock://" + killed, 2);
        Path store = killed.resolve("summaries/t");
        Files.delete(store.resolve("manifest.json"));
        Files.writeString(store.resolve("cells-g9.parquet"), "half");
        run(config(32, 29), "mock://" + killed, 2);
        assertEquals(32, SummaryStore.read(store).cells().get(0).samples());
        assertTrue(Files.notExists(store.resolve("cells-g9.parquet")));
    }

    @Test
    void aRerunWithAnotherScoreModelRefitsWithoutSampling() throws IOException {
        Path out = tmp.resolve("refit");
        run(config(32, 21), out, 2);
        CampaignConfig hermite = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL
                .replace("tau: [0.5, 1.0]", "tau: [0.5, 1.0, 2.0]").replace("seed: 3", "seed: 21")
                + "samples: 32\nsamplesPerShard: 16\nhistogram: {bins: 12}\nscore: {basis: hermite, order: 4}\n", "test.yaml");
        Run refit = run(hermite, out, 2);
        assertEquals(0, refit.result().shardsComputed());
        ScoreTable scores = SummaryStore.read(out.resolve("summaries/t")).cells().get(0).scores();
        assertEquals("hermite", scores.basis());
        assertEquals(4, scores.order());
    }

    @Test
    void aFirstRunThatDiedBeforeItsManifestStartsAfresh() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("died/_tmp"));
        Files.writeString(out.resolve("half.json"), "{\"format\": \"scoredos-camp");
        assertEquals(6, run(config(32, 1), tmp.resolve("died"), 2).result().shardsComputed());
    }

    @Test
    void foreignDirectoryIsRefusedUntouched() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        BadInputException e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("not a campaign output directory"), e.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("notes.txt")), files.toList());
        }
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void anotherCampaignsOutputIsRefused() throws IOException {
        Path out = tmp.resolve("other");
        run(config(32, 1), out, 2);
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> run(config(32, 2), out, 2));
        assertTrue(e.getMessage().contains("identity: this directory holds campaign 't'"), e.getMessage());
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")));
    }

    @Test
    void corruptedManifestOrShardIsRefused() throws IOException {
        Path out = tmp.resolve("corrupt");
        run(config(32, 1), out, 2);
        Path shard;
        try (Stream<Path> s = Files.walk(out.resolve("shards"))) {
            shard = s.filter(p -> p.getFileName().toString().startsWith("shard-")).findFirst().orElseThrow();
        }
        Files.writeString(shard, "{\"identity\": \"test-identity-1\", \"cell\": 0, \"ind");
        BadInputException e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("corrupted shard statistics"), e.getMessage());

        Files.writeString(out.resolve("manifest.json"), "{ not json");
        Files.deleteIfExists(out.resolve(".manifest.json.crc"));
        e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("corrupted campaign manifest"), e.getMessage());
        assertEquals("{ not json", Files.readString(out.resolve("manifest.json")));
    }
}
