package org.scoredos.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/**
 * The summary store of one phase in a local directory: manifest.json plus Parquet files
 * (layout: README, "Summary store format"; version: {@link SchemaVersion}). Reading needs no
 * Spark and no Hadoop file system and takes milliseconds.
 *
 * <p>Commit protocol. The manifest is the commit point: a store is exactly the files its
 * manifest names, and data file names carry a generation number, so a new generation never
 * overwrites a file the current manifest names.
 * <ul>
 *   <li>{@link #write}: everything goes into a sibling temporary directory {@code .DIR.tmp-*},
 *       is fsynced, then renamed to DIR in one step. DIR exists complete or not at all.
 *   <li>{@link #writeReplacing}: the new generation's data files are written and fsynced next to
 *       the old ones, then the manifest is replaced by an atomic rename, then the old files are
 *       deleted. At every instant DIR holds a complete store, old or new.
 * </ul>
 * Recovery after a crash: nothing to do for readers. Files in DIR that the manifest does not
 * name are leftovers of an interrupted replacement (the next {@code writeReplacing} deletes
 * them); {@code .DIR.tmp-*} siblings are leftovers of an interrupted first write and can be
 * deleted by hand.
 */
public final class SummaryStore {
    private static final Pattern DATA_FILE = Pattern.compile("(reference|cells|scores)-(\\d+)\\.parquet");
    private static final String MANIFEST_TMP = "." + StoreManifest.FILE_NAME + ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SummaryStore() {}

    /** Writes a new store at {@code dir} (which must not exist, or be an empty directory). */
    public static StoreManifest write(PhaseSummary phase, Path dir, String source) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new BadInputException(dir + ": already exists" + (isStore(dir)
                    ? " (a summary store; replace it explicitly)" : " and is not an empty directory"));
        }
        StoreCodec.Encoded encoded = StoreCodec.encode(phase, 1, source);
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + dir.getFileName() + ".tmp-" + randomSuffix());
        try {
            Files.createDirectory(tmp);
            for (Map.Entry<String, byte[]> f : encoded.files().entrySet()) writeSynced(tmp.resolve(f.getKey()), f.getValue());
            writeSynced(tmp.resolve(StoreManifest.FILE_NAME), encoded.manifest().toJson());
            syncDirectory(tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw new BadInputException(dir + ": already exists (written concurrently by someone else?)", e);
            }
            syncDirectory(parent);
        } finally {
            deleteRecursively(tmp);
        }
        return encoded.manifest();
    }

    /** {@link #write} with an unknown source. */
    public static StoreManifest write(PhaseSummary phase, Path dir) throws IOException {
        return write(phase, dir, "unknown");
    }

    /**
     * Writes {@code phase} at {@code dir}, atomically replacing the store already there (a
     * top-up or a refit), or writes a new one if there is none. Refuses to touch a non-empty
     * directory that is not a summary store.
     */
    public static StoreManifest writeReplacing(PhaseSummary phase, Path dir, String source) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!Files.exists(dir) || isEmptyDirectory(dir)) return write(phase, dir, source);
        if (!isStore(dir)) {
            throw new BadInputException(dir + ": exists and is not a summary store (no " + StoreManifest.FILE_NAME + "); not replacing it");
        }
        StoreCodec.Encoded encoded = StoreCodec.encode(phase, latestGeneration(dir) + 1, source);
        for (Map.Entry<String, byte[]> f : encoded.files().entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.deleteIfExists(target); // a leftover of an interrupted replacement, never named by the manifest
            writeSynced(target, f.getValue());
        }
        Path manifestTmp = dir.resolve(MANIFEST_TMP + randomSuffix());
        try {
            writeSynced(manifestTmp, encoded.manifest().toJson());
            Files.move(manifestTmp, dir.resolve(StoreManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(manifestTmp);
        }
        removeUnnamedFiles(dir, encoded.files().keySet());
        return encoded.manifest();
    }

    /** Reads the whole phase. Bad, missing, newer or corrupted stores → {@link BadInputException}. */
    public static PhaseSummary read(Path dir) throws IOException {
        StoreManifest manifest = manifest(dir);
        try {
            return StoreCodec.decode(manifest, dir.toString(), name -> Files.readAllBytes(dir.resolve(name)));
        } catch (NoSuchFileException e) {
            // A concurrent writeReplacing may have committed a new generation and deleted ours.
            StoreManifest now = manifest(dir);
            if (now.generation() != manifest.generation()) {
                return StoreCodec.decode(now, dir.toString(), name -> Files.readAllBytes(dir.resolve(name)));
            }
            throw new BadInputException(e.getFile() + ": missing: the store is incomplete", e);
        }
    }

    /** Reads only the manifest (what the store holds, its provenance and files). */
    public static StoreManifest manifest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no summary store here (" + (Files.exists(dir) ? "not a directory" : "no such directory") + ")");
        }
        Path file = dir.resolve(StoreManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(dir + ": not a summary store (no " + StoreManifest.FILE_NAME + ")");
        }
        return StoreManifest.parse(Files.readAllBytes(file), file.toString());
    }

    private static boolean isStore(Path dir) {
        return Files.isRegularFile(dir.resolve(StoreManifest.FILE_NAME));
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** The highest generation in the manifest or among the data files (even a damaged store's). */
    private static int latestGeneration(Path dir) throws IOException {
        int latest = 0;
        try {
            JsonNode g = new ObjectMapper().readTree(dir.resolve(StoreManifest.FILE_NAME).toFile()).get("generation");
            if (g != null && g.canConvertToInt()) latest = g.asInt();
        } catch (IOException e) {
            // unreadable manifest: the file names still tell
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                Matcher m = DATA_FILE.matcher(p.getFileName().toString());
                if (m.matches()) latest = Math.max(latest, Integer.parseInt(m.group(2)));
            }
        }
        return latest;
    }

    /** Deletes data files of other generations and stale manifest temporaries. */
    private static void removeUnnamedFiles(Path dir, Set<String> keep) throws IOException {
        Set<String> names = new HashSet<>(keep);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if ((DATA_FILE.matcher(name).matches() || name.startsWith(MANIFEST_TMP)) && !names.contains(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    /** Makes a rename durable; some platforms cannot open directories, where this is a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows): the rename itself is still atomic
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String randomSuffix() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }
}
