package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/** Every way a store can be unreadable ends in one clear line naming the file (and field). */
class SummaryStoreErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PhaseSummary phase;

    @TempDir
    Path tmp;
    private Path dir;
    private StoreManifest manifest;

    /** Written once; every test damages its own copy. */
    @TempDir
    static Path template;
    private static StoreManifest written;

    @BeforeAll
    static void load() throws IOException {
        phase = StoreFixtures.withScores(StoreFixtures.firstCells(StoreFixtures.bcc(), 2), 3);
        written = SummaryStore.write(phase, template.resolve("store"), "test");
    }

    @BeforeEach
    void copyStore() throws IOException {
        dir = Files.createDirectory(tmp.resolve("store"));
        try (var files = Files.list(template.resolve("store"))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        manifest = written;
    }

    @Test
    void missingDirectory() {
        assertBad(tmp.resolve("nowhere"), "nowhere: no summary store here (no such directory)");
    }

    @Test
    void directoryThatIsNotAStore() throws IOException {
        assertBad(Files.createDirectory(tmp.resolve("plain")), "plain: not a summary store (no manifest.json)");
    }

    @Test
    void newerSchemaVersion() throws IOException {
        editManifest(m -> m.put("schemaVersion", 3));
        assertBad(dir, "manifest.json: store schema version 3 is newer than this scoredos (1): upgrade scoredos");
    }

    @Test
    void olderSchemaVersion() throws IOException {
        editManifest(m -> m.put("schemaVersion", 0));
        assertBad(dir, "store schema version 0 is older than this scoredos (1)");
    }

    @Test
    void otherFormat() throws IOException {
        editManifest(m -> m.put("format", "something-else"));
        assertBad(dir, "manifest.json: format: expected \"scoredos-summary\", got \"something-else\"");
    }

    @Test
    void garbledManifest() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"scoredos-summary\", ");
        assertBad(dir, "manifest.json: not valid JSON");
    }

    @Test
    void manifestMissingAField() throws IOException {
        editManifest(m -> m.remove("components"));
        assertBad(dir, "manifest.json: components: missing or not an integer");
    }

    @Test
    void absurdSizesInTheManifest() throws IOException {
        editManifest(m -> m.put("bins", 2_000_000_000));
        assertBad(dir, "manifest.json: bins: must be between 1 and 100000, got 2000000000");
    }

    @Test
    void truncatedParquetFile() throws IOException {
        Path cells = file("cells");
        byte[] bytes = Files.readAllBytes(cells);
        Files.write(cells, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertBad(dir, "cells-1.parquet: " + bytes.length / 2 + " bytes, the manifest says " + bytes.length + " (truncated)");
    }

    @Test
    void flippedBytes() throws IOException {
        Path scores = file("scores");
        byte[] bytes = Files.readAllBytes(scores);
        bytes[bytes.length / 3] ^= 0x5a;
        Files.write(scores, bytes);
        assertBad(dir, "scores-1.parquet: checksum mismatch");
    }

    @Test
    void deletedFile() throws IOException {
        Files.delete(file("reference"));
        assertBad(dir, "reference-1.parquet: missing: the store is incomplete");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aFifoInPlaceOfADataFileIsRefusedInsteadOfBlocking() throws Exception {
        Path cells = file("cells");
        Files.delete(cells);
        Process mk = new ProcessBuilder("mkfifo", cells.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo unavailable");
        assertBad(dir, "cells-1.parquet: not a regular file");
    }

    @Test
    void garbledParquetBehindAConsistentManifest() throws IOException {
        byte[] garbage = "PAR1 this is not a parquet file at all PAR1".getBytes();
        rewrite("cells", garbage);
        assertBad(dir, "cells-1.parquet: not a readable Parquet file");
    }

    @Test
    void parquetFileWithTheWrongColumns() throws IOException {
        rewrite("cells", Files.readAllBytes(file("scores")));
        assertBad(dir, "cells-1.parquet: column tau: missing");
    }

    @Test
    void dataFileOfAnotherLayoutVersion() throws IOException {
        byte[] other = ParquetBytes.write(ReferenceFile.SCHEMA, ReferenceFile.rows(phase.reference()),
                java.util.Map.of(StoreCodec.FORMAT_KEY, SchemaVersion.FORMAT, StoreCodec.VERSION_KEY, "2"));
        rewrite("reference", other);
        assertBad(dir, "reference-1.parquet: not a file of this store layout (footer says format scoredos-summary, schema version 2");
    }

    @Test
    void moreCellsInTheManifestThanInTheFiles() throws IOException {
        editManifest(m -> m.put("cells", 3));
        assertBad(dir, "cells-1.parquet: 2 rows, the manifest says 3");
    }

    @Test
    void shapesInconsistentWithTheManifest() throws IOException {
        editManifest(m -> m.put("components", 54));
        assertBad(dir, "reference-1.parquet: row 0: d0: expected 54 values, got 55");
        editManifest(m -> {
            m.put("components", 55);
            m.put("bins", 98);
        });
        assertBad(dir, "cells-1.parquet: row 0: counts: expected 5390 values, got 5445");
    }

    @Test
    void scoreModelsInconsistentWithTheManifest() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("scores")).put("coefficients", 5));
        assertBad(dir, "scores-1.parquet: row 0: coefficients: expected 275 values, got 330");
    }

    @Test
    void manifestNamingAPathOutsideTheStore() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("files").get("cells")).put("path", "../elsewhere.parquet"));
        assertBad(dir, "files.cells.path: must be a plain file name");
    }

    @Test
    void parquetReaderErrorsBecomeBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> ParquetColumns.read("x.parquet", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("x.parquet: not a readable Parquet file"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private void assertBad(Path store, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> SummaryStore.read(store));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private Path file(String role) {
        return dir.resolve(manifest.files().get(role).path());
    }

    /** Replaces a data file and updates the manifest's size and checksum, as a careless tool might. */
    private void rewrite(String role, byte[] bytes) throws IOException {
        Files.write(file(role), bytes);
        editManifest(m -> {
            ObjectNode f = (ObjectNode) m.get("files").get(role);
            f.put("bytes", bytes.length);
            f.put("crc32c", StoreCodec.crc32c(bytes));
        });
    }

    private void editManifest(Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve("manifest.json");
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(root);
        JSON.writeValue(file.toFile(), root);
    }
}
