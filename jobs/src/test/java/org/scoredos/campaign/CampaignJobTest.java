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
import java.util.Map;
import java.util.TreeMap;
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
        return reference(0.0);
    }

    static ReferenceConstants reference(double strain) {
        return new ReferenceConstants(16, 183.84, 129.0, new double[D], 20.0, -0.1, 45, 0.1939, strain,
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
        CampaignJob job = new CampaignJob(sc, c, identity, c.strains().stream().map(CampaignJobTest::reference).toList(),
                new GaussianDescriptors(c.seed(), D),
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
        Run byDefault = run(c, tmp.resolve("default"), 0);
        assertSameSummaries(one.result().phases().get(0), many.result().phases().get(0), true);
        assertSameSummaries(one.result().phases().get(0), byDefault.result().phases().get(0), true);
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

    private static CampaignConfig grid(String tau) {
        return CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]", "tau: " + tau)
                .replace("seed: 3", "seed: 13") + "samples: 48\nhistogram: {bins: 12}\n", "test.yaml");
    }

    /** Every file under frames/ and shards/ of an output (not the local file system's checksums), by relative path. */
    private static Map<String, byte[]> committedFiles(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String dir : List.of("frames", "shards")) {
            try (Stream<Path> walk = Files.walk(out.resolve(dir))) {
                for (Path p : walk.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".crc")).toList()) files.put(out.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void extendingTheGridBelowAndAboveKeepsEveryCommittedCellAndItsId() throws IOException {
        Path out = tmp.resolve("extended");
        Run first = run(grid("[0.5, 1.0, 2.0]"), out, 2);
        Map<String, byte[]> before = committedFiles(out);
        Run below = run(grid("[0.25, 0.5, 1.0, 2.0]"), out, 3);
        assertEquals(3, below.result().shardsComputed(), "the new cell's 3 shards only");
        assertTrue(below.log().contains("grid extended by 1 cells (τ [0.2500])"), below.log());
        Run both = run(grid("[0.125, 0.25, 0.5, 1.0, 2.0, 4.0]"), out, 2);
        assertEquals(6, both.result().shardsComputed());
        Map<String, byte[]> after = committedFiles(out);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " is kept bit for bit");
        }
        assertEquals(before.size() + 3 * 2, after.size(), "3 new cells: a frame and a pack of its 3 shards each");
        // ids: the first grid's 0..2 stay; 0.25 got 3, then 0.125 and 4.0 got 4 and 5
        CampaignManifest m = CampaignStore.existing(out.toString(), sc.hadoopConfiguration()).manifest();
        assertEquals(List.of(4, 3, 0, 1, 2, 5), m.cells().stream().map(CampaignManifest.CellCount::cell).toList());
        assertEquals(List.of(0.125, 0.25, 0.5, 1.0, 2.0, 4.0), m.cells().stream().map(CampaignManifest.CellCount::tau).toList());
        assertTrue(m.cells().stream().allMatch(c -> c.samples() == 48));

        // the store lists the cells by increasing α; the committed ones are unchanged, score fits included
        PhaseSummary extended = SummaryStore.read(out.resolve("summaries/t"));
        assertSameSummaries(extended, both.result().phases().get(0), true);
        PhaseSummary original = first.result().phases().get(0);
        for (int i = 0; i < 3; i++) {
            CellSummary was = original.cells().get(i), is = extended.cells().get(i + 2);
            assertEquals(was.tau(), is.tau());
            assertArrayEquals(was.mean(), is.mean(), 0.0);
            assertArrayEquals(was.counts()[D - 1], is.counts()[D - 1]);
            for (int k = 0; k < D; k++) assertArrayEquals(was.scores().coefficients()[k], is.scores().coefficients()[k], 0.0);
        }
        // a fresh run of the extended grid has the same cells, in the same order (its new cells are
        // numbered otherwise, so their samples are other draws of the same distribution)
        PhaseSummary fresh = run(grid("[0.125, 0.25, 0.5, 1.0, 2.0, 4.0]"), tmp.resolve("fresh"), 2).result().phases().get(0);
        assertEquals(fresh.cells().size(), extended.cells().size());
        for (int i = 0; i < fresh.cells().size(); i++) {
            CellSummary f = fresh.cells().get(i), e = extended.cells().get(i);
            assertEquals(f.tau(), e.tau());
            assertEquals(f.alpha(), e.alpha(), 0.0);
            assertEquals(f.samples(), e.samples());
            assertTrue(i == 0 || e.alpha() > extended.cells().get(i - 1).alpha());
            // the test descriptors' component 0 has mean 10 and standard deviation √τ
            assertEquals(f.mean()[0], e.mean()[0], 6 * Math.sqrt(2 * f.tau() / 48));
            // and variance τ: each new cell is sampled at its own τ (a cell looked up by its position
            // in the grid instead of its id was sampled at another cell's τ)
            assertEquals(e.tau(), e.covariance()[0][0], 0.6 * e.tau(), "variance of cell " + i);
        }
        assertTrue(fresh.cells().get(0).mean()[0] != extended.cells().get(0).mean()[0], "ids 0 and 4: other draws");
    }

    private static CampaignConfig strains(String strains) {
        return CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]", "tau: [0.5, 1.0, 2.0]")
                .replace("seed: 3", "seed: 31") + "samples: 32\nsamplesPerShard: 16\nhistogram: {bins: 12}\nstrains: " + strains + "\n", "test.yaml");
    }

    @Test
    void strainsAddedToAnOutputDrawItsStreamsAndEqualAFreshRunOfAllStrains() throws IOException {
        Path out = tmp.resolve("strains");
        run(strains("[0.0, 0.01]"), out, 2);
        Map<String, byte[]> before = committedFiles(out);
        // one strain below the first (a new first strain) and one above
        Run added = run(strains("[-0.01, 0.0, 0.01, 0.02]"), out, 3);
        assertEquals(12, added.result().shardsComputed(), "the two new strains' 3 cells × 2 shards only");
        Map<String, byte[]> after = committedFiles(out);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " is kept bit for bit");
        }
        // the new cells (ids 6..11) draw the streams of the output's first cells at their τ (0..2),
        // as a fresh run of all four strains draws its first strain's (0..2): the same samples
        Run fresh = run(strains("[-0.01, 0.0, 0.01, 0.02]"), tmp.resolve("strains-fresh"), 2);
        for (int p = 0; p < 4; p++) {
            PhaseSummary a = added.result().phases().get(p), f = fresh.result().phases().get(p);
            assertEquals(f.name(), a.name());
            assertSameSummaries(f, a, true);
        }
        assertTrue(added.result().phases().get(0).cells().get(0).mean()[0] < added.result().phases().get(3).cells().get(0).mean()[0],
                "the strains' samples differ (their means scale with 1 + strain)");
        CampaignManifest m = CampaignStore.existing(out.toString(), sc.hadoopConfiguration()).manifest();
        assertEquals(List.of(6, 7, 8, 0, 1, 2, 3, 4, 5, 9, 10, 11), m.cells().stream().map(CampaignManifest.CellCount::cell).toList());
        // a strain that goes is another campaign
        BadInputException gone = assertThrows(BadInputException.class, () -> run(strains("[-0.01, 0.0, 0.02]"), out, 2));
        assertTrue(gone.getMessage().endsWith("manifest.json: strains: the output's strain 0.01 is not in this list: strains may be "
                + "added, but a sampled one cannot change or go (that is another campaign: choose another output)"), gone.getMessage());
    }

    @Test
    void jackknifeReplicasLeaveOutOneShardOfEveryStrain() throws IOException {
        Path out = tmp.resolve("jackknife");
        List<PhaseSummary> full = run(strains("[0.0, 0.01]"), out, 2).result().phases();
        List<String> said = new java.util.ArrayList<>();
        List<List<PhaseSummary>> replicas = ShardJackknife.at(out).replicas(full, said::add);
        assertEquals(List.of(), said);
        assertEquals(2, replicas.size(), "32 samples in shards of 16: two replicas");
        for (int v = 0; v < 2; v++) {
            for (int a = 0; a < 3; a++) {
                CellSummary all = full.get(v).cells().get(a), x = replicas.get(0).get(v).cells().get(a), y = replicas.get(1).get(v).cells().get(a);
                assertEquals(16, x.samples());
                assertEquals(16, y.samples());
                assertArrayEquals(all.rotation()[0], x.rotation()[0], 1e-12, "the frame is kept");
                assertTrue(x.scores() != null && x.scores().order() == all.scores().order(), "refitted as stored");
                // each replica holds the other shard: together they are the cell
                for (int k = 0; k < D; k++) {
                    assertEquals(all.mean()[k], (x.mean()[k] + y.mean()[k]) / 2, 1e-12 * Math.abs(all.mean()[k]));
                    for (int b = 0; b < all.counts()[k].length; b++) assertEquals(all.counts()[k][b], x.counts()[k][b] + y.counts()[k][b]);
                }
                assertTrue(x.mean()[0] != y.mean()[0]);
            }
        }
        assertTrue(ShardJackknife.at(tmp.resolve("jackknife/summaries")).replicas(full, said::add).isEmpty(), "not a campaign output");
        assertEquals(List.of(), said, "a directory of stores has no shards to miss");
        // the summaries alone (shards removed): no replicas, and the line says which shard is missing
        try (Stream<Path> files = Files.walk(out.resolve("shards"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        assertTrue(ShardJackknife.at(out).replicas(full, said::add).isEmpty());
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("no jackknife replicas (") && said.get(0).contains("shards/cell-00000/shard-")
                && said.get(0).contains("committed shard disappeared")
                && said.get(0).endsWith("statistical bars propagated as independent between volumes"), said.get(0));
    }

    @Test
    void aChangedTauOfACommittedCellIsAnotherCampaign() throws IOException {
        Path out = tmp.resolve("changed");
        run(grid("[0.5, 1.0, 2.0]"), out, 2);
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> run(grid("[0.5, 1.1, 2.0]"), out, 2));
        assertTrue(e.getMessage().endsWith("manifest.json: tau: the output's cell 1 (strain 0.0, τ = 1.0) is not in this grid: "
                + "cells may be added below, above or between, but an existing τ cannot change or go (that is another "
                + "campaign: choose another output)"), e.getMessage());
        assertThrows(BadInputException.class, () -> run(grid("[0.5, 1.0]"), out, 2), "a cell cannot go either");
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")));
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
        CampaignOutputs.unpack(out);
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
        Path pack = out.resolve("shards/cell-00000.json");
        byte[] packed = Files.readAllBytes(pack);
        Files.writeString(pack, "{\"identity\": \"test-identity-1\", \"cell\": 0, \"ind");
        BadInputException e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("corrupted shard pack"), e.getMessage());
        Files.write(pack, packed);
        CampaignOutputs.unpack(out);
        Path shard;
        try (Stream<Path> s = Files.walk(out.resolve("shards"))) {
            shard = s.filter(p -> p.getFileName().toString().startsWith("shard-")).findFirst().orElseThrow();
        }
        Files.writeString(shard, "{\"identity\": \"test-identity-1\", \"cell\": 0, \"ind");
        e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("corrupted shard statistics"), e.getMessage());

        Files.writeString(out.resolve("manifest.json"), "{ not json");
        Files.deleteIfExists(out.resolve(".manifest.json.crc"));
        e = assertThrows(BadInputException.class, () -> run(config(32, 1), out, 2));
        assertTrue(e.getMessage().contains("corrupted campaign manifest"), e.getMessage());
        assertEquals("{ not json", Files.readString(out.resolve("manifest.json")));
    }
}
