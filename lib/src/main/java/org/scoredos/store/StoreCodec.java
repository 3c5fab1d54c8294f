package org.scoredos.store;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.ScoreTable;

/**
 * A phase ↔ the named byte arrays of a store (manifest + Parquet files), independent of where
 * they are kept: the local store ({@link SummaryStore}) and a later Hadoop one share it.
 */
final class StoreCodec {
    /** Footer key-value metadata of every data file: a file stays identifiable on its own. */
    static final String FORMAT_KEY = "scoredos.format";
    static final String VERSION_KEY = "scoredos.schemaVersion";

    private StoreCodec() {}

    /** The files of one store generation, by file name, and the manifest naming them. */
    record Encoded(StoreManifest manifest, Map<String, byte[]> files) {}

    /** Reads a store file's bytes by file name. */
    @FunctionalInterface
    interface FileSource {
        byte[] read(String fileName) throws IOException;
    }

    static Encoded encode(PhaseSummary phase, int generation, String source) {
        PhaseShape shape = PhaseShape.of(phase);
        Map<String, String> meta = Map.of(FORMAT_KEY, SchemaVersion.FORMAT,
                VERSION_KEY, Integer.toString(SchemaVersion.CURRENT), "scoredos.phase", phase.name());
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, StoreManifest.StoredFile> entries = new LinkedHashMap<>();
        add(files, entries, ReferenceFile.ROLE, generation, ReferenceFile.SCHEMA, ReferenceFile.rows(phase.reference()), meta);
        add(files, entries, CellsFile.ROLE, generation, CellsFile.SCHEMA, CellsFile.rows(phase.cells()), meta);
        StoreManifest.Scores scores = null;
        if (shape.scores() != null) {
            List<ScoreTable> tables = phase.cells().stream().map(CellSummary::scores).toList();
            add(files, entries, ScoresFile.ROLE, generation, ScoresFile.SCHEMA, ScoresFile.rows(tables), meta);
            scores = shape.scores();
        }
        ReferenceConstants r = phase.reference();
        Map<String, Number> reference = new LinkedHashMap<>();
        reference.put("atoms", r.atoms());
        reference.put("mass", r.mass());
        reference.put("volume", r.volume());
        reference.put("omegaBar", r.omegaBar());
        reference.put("meanLogNu", r.meanLogNu());
        reference.put("stableModes", r.stableModes());
        reference.put("u0", r.u0());
        reference.put("strain", r.strain());
        reference.put("alphaShift", r.alphaShift());
        StoreManifest manifest = new StoreManifest(phase.name(), generation, phase.cells().size(), shape.components(),
                shape.bins(), r.atoms(), phase.conditioning(), scores, reference, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "scoredos " + codeVersion(), source, entries, phase.model());
        return new Encoded(manifest, files);
    }

    /** Decodes the files a manifest names, checking each one's size and checksum first. */
    static PhaseSummary decode(StoreManifest manifest, String location, FileSource source) throws IOException {
        ReferenceConstants reference = ReferenceFile.decode(table(manifest, ReferenceFile.ROLE, location, source), manifest);
        List<CellSummary> cells = CellsFile.decode(table(manifest, CellsFile.ROLE, location, source), manifest);
        if (manifest.scores() != null) {
            List<ScoreTable> scores = ScoresFile.decode(table(manifest, ScoresFile.ROLE, location, source), manifest);
            List<CellSummary> scored = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) scored.add(cells.get(i).withScores(scores.get(i)));
            cells = scored;
        }
        return new PhaseSummary(manifest.phase(), reference, cells, manifest.conditioning(), manifest.model());
    }

    static String fileName(String role, int generation) {
        return role + "-" + generation + ".parquet";
    }

    static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }

    private static ParquetColumns table(StoreManifest manifest, String role, String location, FileSource source) throws IOException {
        StoreManifest.StoredFile entry = manifest.files().get(role);
        if (entry == null) throw new BadInputException(location + "/" + StoreManifest.FILE_NAME + ": files: no \"" + role + "\" entry");
        String where = location + "/" + entry.path();
        byte[] bytes = source.read(entry.path());
        if (bytes.length != entry.bytes()) {
            throw new BadInputException(where + ": " + bytes.length + " bytes, the manifest says " + entry.bytes()
                    + (bytes.length < entry.bytes() ? " (truncated)" : " (modified)"));
        }
        if (!crc32c(bytes).equals(entry.crc32c())) {
            throw new BadInputException(where + ": checksum mismatch (CRC-32C " + crc32c(bytes) + ", the manifest says "
                    + entry.crc32c() + "): the file is corrupted");
        }
        ParquetColumns table = ParquetColumns.read(where, bytes);
        String format = table.metadata(FORMAT_KEY), version = table.metadata(VERSION_KEY);
        if (!SchemaVersion.FORMAT.equals(format) || !Integer.toString(SchemaVersion.CURRENT).equals(version)) {
            throw new BadInputException(where + ": not a file of this store layout (footer says format " + format
                    + ", schema version " + version + "; expected " + SchemaVersion.FORMAT + " " + SchemaVersion.CURRENT + ")");
        }
        return table;
    }

    private static void add(Map<String, byte[]> files, Map<String, StoreManifest.StoredFile> entries, String role,
            int generation, MessageType schema, List<Group> rows, Map<String, String> meta) {
        String name = fileName(role, generation);
        byte[] bytes = ParquetBytes.write(schema, rows, meta);
        files.put(name, bytes);
        entries.put(role, new StoreManifest.StoredFile(name, bytes.length, crc32c(bytes)));
    }

    private static String codeVersion() {
        return org.scoredos.ScoreDosVersion.get();
    }
}
