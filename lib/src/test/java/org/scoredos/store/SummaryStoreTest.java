package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.MdAverages;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.ScoreTable;

class SummaryStoreTest {
    private static PhaseSummary bccFull;
    private static PhaseSummary bccFullScored;
    /** Three cells of bcc: the store mechanics do not need twenty, and writes then take ms. */
    private static PhaseSummary bcc;
    private static PhaseSummary bccScored;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        bccFull = StoreFixtures.bcc();
        bccFullScored = StoreFixtures.withScores(bccFull, 42);
        bcc = StoreFixtures.firstCells(bccFull, 3);
        bccScored = StoreFixtures.firstCells(bccFullScored, 3);
    }

    @Test
    void ironPhaseRoundTripsBitForBit() throws IOException {
        Path dir = tmp.resolve("bcc");
        StoreManifest written = SummaryStore.write(bccFull, dir, "test");
        PhaseSummary back = SummaryStore.read(dir);
        assertSame(bccFull, back);
        assertNull(written.scores());
        assertFalse(written.files().containsKey("scores"));
    }

    @Test
    void scoresRoundTripBitForBit() throws IOException {
        Path dir = tmp.resolve("bcc");
        StoreManifest written = SummaryStore.write(bccFullScored, dir, "test");
        assertEquals(new StoreManifest.Scores("chebyshev", 7, 6), written.scores());
        assertSame(bccFullScored, SummaryStore.read(dir));
    }

    @Test
    void fccRoundTripsToo() throws IOException {
        PhaseSummary fcc = StoreFixtures.withScores(StoreFixtures.firstCells(StoreFixtures.fcc(), 4), 7);
        Path dir = tmp.resolve("fcc");
        SummaryStore.write(fcc, dir, "test");
        assertSame(fcc, SummaryStore.read(dir));
    }

    @Test
    void twentyCellPhaseWithFittedScoresFitsInOneMegabyte() throws IOException {
        PhaseSummary fitted = new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(bccFull);
        StoreManifest m = SummaryStore.write(fitted, tmp.resolve("bcc"), "test");
        assertSame(fitted, SummaryStore.read(tmp.resolve("bcc")));
        long onDisk;
        try (Stream<Path> files = Files.list(tmp.resolve("bcc"))) {
            onDisk = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(m.totalBytes(), onDisk);
        assertTrue(onDisk <= 1_000_000, "store is " + onDisk + " bytes");
        assertEquals(20, m.cells());
        assertEquals(55, m.components());
        assertEquals(99, m.bins());
        assertEquals(128, m.atoms());
    }

    @Test
    void mdAveragesRoundTripInTheirTypedColumns() throws IOException {
        List<CellSummary> cells = new java.util.ArrayList<>();
        for (int a = 0; a < bcc.cells().size(); a++) {
            CellSummary c = bcc.cells().get(a);
            // one cell without ⟨U⟩ (ingested without θ_ref), the others from files, mapped and from θ_ref·D
            MdAverages md = a == 0 ? new MdAverages(500, Double.NaN, Double.NaN, 812.5, false, false)
                    : new MdAverages(1000 * a, -8.9 + 0.01 * a, 1.5e-4 * a, 123.25 * a, a == 1, a == 2);
            cells.add(c.withMd(md));
        }
        PhaseSummary md = new PhaseSummary("md", bcc.reference(), cells, Conditioning.TEMPERATURE);
        Path dir = tmp.resolve("md");
        SummaryStore.write(md, dir, "test");
        PhaseSummary back = SummaryStore.read(dir);
        for (int a = 0; a < cells.size(); a++) {
            MdAverages want = cells.get(a).md(), got = back.cells().get(a).md();
            assertEquals(want.temperature(), got.temperature(), 0.0);
            assertEquals(want.energy(), got.energy(), 0.0);
            assertEquals(want.energyError(), got.energyError(), 0.0);
            assertEquals(want.effectiveSamples(), got.effectiveSamples(), 0.0);
            assertEquals(want.fromFiles(), got.fromFiles());
            assertEquals(want.mapped(), got.mapped());
        }
        assertFalse(back.cells().get(0).md().hasEnergy());
        // isosurface cells have none
        SummaryStore.write(bcc, tmp.resolve("iso"), "test");
        assertNull(SummaryStore.read(tmp.resolve("iso")).cells().get(0).md());
    }

    @Test
    void uniformEdgesAreStoredAsFirstAndLastOnly() throws IOException {
        Path dir = tmp.resolve("bcc");
        StoreManifest m = SummaryStore.write(bcc, dir, "test");
        ParquetColumns cells = ParquetColumns.read("cells", Files.readAllBytes(dir.resolve(m.files().get("cells").path())));
        for (int r = 0; r < cells.rows(); r++) assertEquals(0, cells.doubleList("edges", r).length);
        // exactly symmetric covariances are stored as their upper triangle
        assertEquals(55 * 56 / 2, cells.longList("covarianceResidual", 0).length);
    }

    @Test
    void irregularEdgesAndAsymmetricMatricesAreStoredInFull() throws IOException {
        CellSummary c = bccScored.cells().get(1);
        double[][] edges = deepCopy(c.binEdges());
        edges[5][17] = Math.nextUp(edges[5][17]);
        double[][] covariance = deepCopy(c.covariance());
        covariance[1][2] = Math.nextUp(covariance[1][2]);
        ScoreTable s = c.scores();
        double[][][] scoreCov = new double[s.covariance().length][][];
        for (int k = 0; k < scoreCov.length; k++) scoreCov[k] = deepCopy(s.covariance()[k]);
        scoreCov[9][0][4] += 1e-3;
        CellSummary odd = new CellSummary(c.tau(), c.alpha(), c.samples(), c.mean(), covariance, c.eigenvalues(),
                c.rotation(), edges, c.counts(), new ScoreTable(s.basis(), s.order(), s.centre(), s.scale(),
                        s.coefficients(), scoreCov, s.shift()));
        List<CellSummary> cells = new java.util.ArrayList<>(bccScored.cells());
        cells.set(1, odd);
        PhaseSummary phase = new PhaseSummary("odd", bccScored.reference(), cells);
        Path dir = tmp.resolve("odd");
        SummaryStore.write(phase, dir, "test");
        assertSame(phase, SummaryStore.read(dir));
    }

    @Test
    void countsBeyondIntRangeSurvive() throws IOException {
        CellSummary c = bcc.cells().get(0);
        long[][] counts = new long[c.counts().length][];
        for (int k = 0; k < counts.length; k++) counts[k] = c.counts()[k].clone();
        counts[0][0] = 5_000_000_000L;
        List<CellSummary> cells = new java.util.ArrayList<>(bcc.cells());
        cells.set(0, new CellSummary(c.tau(), c.alpha(), 6_000_000_000L, c.mean(), c.covariance(), c.eigenvalues(),
                c.rotation(), c.binEdges(), counts, null));
        PhaseSummary big = new PhaseSummary("big", bcc.reference(), cells);
        SummaryStore.write(big, tmp.resolve("big"), "test");
        assertSame(big, SummaryStore.read(tmp.resolve("big")));
    }

    @Test
    void manifestRecordsWhatTheStoreHolds() throws IOException {
        Path dir = tmp.resolve("bcc");
        SummaryStore.write(bccScored, dir, "descriptordos:sha256:abc");
        StoreManifest m = SummaryStore.manifest(dir);
        assertEquals("fe_bcc_444", m.phase());
        assertEquals(1, m.generation());
        assertEquals("descriptordos:sha256:abc", m.source());
        assertTrue(m.createdBy().startsWith("scoredos "));
        assertNotNull(m.createdAt());
        assertEquals(128, m.reference().get("atoms").intValue());
        assertEquals(bcc.reference().omegaBar(), m.reference().get("omegaBar").doubleValue());
        String json = Files.readString(dir.resolve("manifest.json"));
        assertTrue(json.contains("\"format\" : \"scoredos-summary\""), json);
        assertTrue(json.contains("\"schemaVersion\" : 1"), json);
    }

    @Test
    void writeRefusesAnExistingStoreAndLeavesNoTemporaries() throws IOException {
        Path dir = tmp.resolve("bcc");
        SummaryStore.write(bcc, dir, "test");
        BadInputException e = assertThrows(BadInputException.class, () -> SummaryStore.write(bcc, dir, "test"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(dir), files.toList());
        }
    }

    @Test
    void writeAcceptsAnEmptyDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        SummaryStore.write(bcc, dir, "test");
        assertSame(bcc, SummaryStore.read(dir));
    }

    @Test
    void replacingSwapsInTheNewGenerationAndRemovesTheOld() throws IOException {
        Path dir = tmp.resolve("bcc");
        SummaryStore.write(bcc, dir, "first");
        StoreManifest second = SummaryStore.writeReplacing(bccScored, dir, "second");
        assertEquals(2, second.generation());
        assertSame(bccScored, SummaryStore.read(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("cells-2.parquet", "manifest.json", "reference-2.parquet", "scores-2.parquet"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        StoreManifest third = SummaryStore.writeReplacing(bcc, dir, "third");
        assertEquals(3, third.generation());
        assertSame(bcc, SummaryStore.read(dir));
        assertFalse(Files.exists(dir.resolve("scores-2.parquet")));
    }

    @Test
    void replacingCleansUpAfterAnInterruptedReplacement() throws IOException {
        Path dir = tmp.resolve("bcc");
        SummaryStore.write(bcc, dir, "first");
        // a crash after writing generation 2's data files, before its manifest: the store is still generation 1
        Files.write(dir.resolve("cells-2.parquet"), new byte[] {1, 2, 3});
        Files.write(dir.resolve(".manifest.json.tmp-dead"), new byte[] {4});
        assertSame(bcc, SummaryStore.read(dir));
        StoreManifest m = SummaryStore.writeReplacing(bccScored, dir, "again");
        assertEquals(3, m.generation());
        assertSame(bccScored, SummaryStore.read(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void replacingAMissingStoreWritesANewOne() throws IOException {
        Path dir = tmp.resolve("new");
        assertEquals(1, SummaryStore.writeReplacing(bcc, dir, "x").generation());
        assertSame(bcc, SummaryStore.read(dir));
    }

    @Test
    void replacingRefusesADirectoryThatIsNotAStore() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "precious");
        BadInputException e = assertThrows(BadInputException.class, () -> SummaryStore.writeReplacing(bcc, dir, "x"));
        assertTrue(e.getMessage().contains("not a summary store"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void inconsistentPhasesAreRefusedBeforeAnythingIsWritten() {
        CellSummary c = bccScored.cells().get(0);
        List<CellSummary> cells = new java.util.ArrayList<>(bccScored.cells());
        cells.set(0, c.withScores(null));
        PhaseSummary mixed = new PhaseSummary("mixed", bcc.reference(), cells);
        assertThrows(IllegalArgumentException.class, () -> SummaryStore.write(mixed, tmp.resolve("mixed"), "x"));
        assertFalse(Files.exists(tmp.resolve("mixed")));
    }

    static void assertSame(PhaseSummary expected, PhaseSummary actual) {
        assertEquals(expected.name(), actual.name());
        assertSame(expected.reference(), actual.reference());
        assertEquals(expected.cells().size(), actual.cells().size());
        for (int a = 0; a < expected.cells().size(); a++) {
            CellSummary e = expected.cells().get(a), g = actual.cells().get(a);
            assertBits(e.tau(), g.tau());
            assertBits(e.alpha(), g.alpha());
            assertEquals(e.samples(), g.samples());
            assertBits(e.mean(), g.mean());
            assertBits(e.eigenvalues(), g.eigenvalues());
            assertBits(e.covariance(), g.covariance());
            assertBits(e.rotation(), g.rotation());
            assertBits(e.binEdges(), g.binEdges());
            for (int k = 0; k < e.counts().length; k++) assertArrayEquals(e.counts()[k], g.counts()[k]);
            if (e.scores() == null) {
                assertNull(g.scores());
            } else {
                ScoreTable s = e.scores(), t = g.scores();
                assertEquals(s.basis(), t.basis());
                assertEquals(s.order(), t.order());
                assertBits(s.centre(), t.centre());
                assertBits(s.scale(), t.scale());
                assertBits(s.shift(), t.shift());
                assertBits(s.coefficients(), t.coefficients());
                for (int k = 0; k < s.covariance().length; k++) assertBits(s.covariance()[k], t.covariance()[k]);
            }
        }
    }

    static void assertSame(ReferenceConstants e, ReferenceConstants g) {
        assertEquals(e.atoms(), g.atoms());
        assertBits(e.mass(), g.mass());
        assertBits(e.volume(), g.volume());
        assertBits(e.d0(), g.d0());
        assertBits(e.omegaBar(), g.omegaBar());
        assertBits(e.meanLogNu(), g.meanLogNu());
        assertEquals(e.stableModes(), g.stableModes());
        assertBits(e.u0(), g.u0());
        assertBits(e.strain(), g.strain());
        assertBits(e.cell(), g.cell());
        assertBits(e.positions(), g.positions());
    }

    private static void assertBits(double e, double g) {
        assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(g));
    }

    private static void assertBits(double[] e, double[] g) {
        assertEquals(e.length, g.length);
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(g[i])) {
                throw new AssertionError("entry " + i + ": " + e[i] + " != " + g[i]);
            }
        }
    }

    private static void assertBits(double[][] e, double[][] g) {
        assertEquals(e.length, g.length);
        for (int i = 0; i < e.length; i++) assertBits(e[i], g[i]);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }
}
