package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/** The Hadoop variant, on Hadoop's local file system: same layout, same protocol, same errors. */
class HadoopSummaryStoreTest {
    private static PhaseSummary plain;
    private static PhaseSummary scored;
    private static FileSystem fs;

    @TempDir
    java.nio.file.Path tmp;

    @BeforeAll
    static void load() throws IOException {
        PhaseSummary bcc = StoreFixtures.firstCells(StoreFixtures.bcc(), 2);
        plain = bcc;
        scored = StoreFixtures.withScores(bcc, 11);
        fs = FileSystem.getLocal(new Configuration());
    }

    @Test
    void writesReplacesAndReadsLikeTheLocalStore() throws IOException {
        Path dir = new Path(tmp.resolve("summaries/bcc").toUri());
        assertEquals(1, HadoopSummaryStore.writeReplacing(plain, fs, dir, "first").generation());
        SummaryStoreTest.assertSame(plain, HadoopSummaryStore.read(fs, dir));
        // the same bytes on disk: the java.nio reader reads what the Hadoop writer wrote
        SummaryStoreTest.assertSame(plain, SummaryStore.read(tmp.resolve("summaries/bcc")));

        StoreManifest second = HadoopSummaryStore.writeReplacing(scored, fs, dir, "second");
        assertEquals(2, second.generation());
        SummaryStoreTest.assertSame(scored, HadoopSummaryStore.read(fs, dir));
        try (Stream<java.nio.file.Path> files = Files.list(tmp.resolve("summaries/bcc"))) {
            assertEquals(java.util.List.of("cells-2.parquet", "manifest.json", "reference-2.parquet", "scores-2.parquet"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList());
        }
    }

    @Test
    void refusesADirectoryThatIsNotAStore() throws IOException {
        Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(tmp.resolve("mine/notes.txt"), "precious");
        Path dir = new Path(tmp.resolve("mine").toUri());
        BadInputException e = assertThrows(BadInputException.class, () -> HadoopSummaryStore.writeReplacing(plain, fs, dir, "x"));
        assertTrue(e.getMessage().contains("not a summary store"), e.getMessage());
        assertEquals("precious", Files.readString(tmp.resolve("mine/notes.txt")));
    }

    @Test
    void badStoresAreOneLineErrors() throws IOException {
        Path dir = new Path(tmp.resolve("bcc").toUri());
        assertTrue(assertThrows(BadInputException.class, () -> HadoopSummaryStore.read(fs, dir)).getMessage()
                .contains("no summary store here"));
        StoreManifest m = HadoopSummaryStore.writeReplacing(plain, fs, dir, "x");
        java.nio.file.Path cells = tmp.resolve("bcc").resolve(m.files().get("cells").path());
        Files.write(cells, new byte[] {1, 2, 3});
        Files.deleteIfExists(tmp.resolve("bcc").resolve("." + cells.getFileName() + ".crc"));
        BadInputException e = assertThrows(BadInputException.class, () -> HadoopSummaryStore.read(fs, dir));
        assertTrue(e.getMessage().contains("cells-1.parquet: 3 bytes, the manifest says"), e.getMessage());
        Files.delete(cells);
        e = assertThrows(BadInputException.class, () -> HadoopSummaryStore.read(fs, dir));
        assertTrue(e.getMessage().contains("missing: the store is incomplete"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
