package org.scoredos.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;
import org.scoredos.summary.PhaseSummary;

/**
 * The summary store of one phase in a local directory: manifest.json plus Parquet files
 * (layout: lib/docs/store-format.md; version: {@link SchemaVersion}). Reading needs no
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
    private SummaryStore() {}

    /** Writes a new store at {@code dir} (which must not exist, or be an empty directory). */
    public static StoreManifest write(PhaseSummary phase, Path dir, String source) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        checkTarget(dir, false);
        StoreCodec.Encoded encoded = StoreCodec.encode(phase, 1, source);
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + dir.getFileName() + ".tmp-" + Generations.randomSuffix());
        try {
            Files.createDirectory(tmp);
            for (Map.Entry<String, byte[]> f : encoded.files().entrySet()) writeSynced(tmp.resolve(f.getKey()), f.getValue());
            writeSynced(tmp.resolve(StoreManifest.FILE_NAME), encoded.manifest().toJson());
            syncDirectory(tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                throw new BadInputException(dir + ": already exists (written concurrently by someone else?)", e);
            }
            syncDirectory(parent);
        } finally {
            deleteRecursively(tmp);
        }
        return encoded.manifest();
    }

    /**
     * Fails as {@link #write} ({@code replacing} false) or {@link #writeReplacing} would on what is
     * at {@code dir} now, so that a command can refuse its output before any long work.
     */
    public static void checkTarget(Path dir, boolean replacing) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!Files.exists(dir) || isEmptyDirectory(dir)) return;
        if (!isStore(dir)) {
            throw new BadInputException(dir + (replacing
                    ? ": exists and is not a summary store (no " + StoreManifest.FILE_NAME + "); not replacing it"
                    : ": already exists and is not an empty directory"));
        }
        if (!replacing) throw new BadInputException(dir + ": already exists (a summary store; replace it explicitly)");
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
        checkTarget(dir, true);
        Path manifestFile = dir.resolve(StoreManifest.FILE_NAME);
        byte[] current = Files.isReadable(manifestFile) ? Files.readAllBytes(manifestFile) : null;
        StoreCodec.Encoded encoded = StoreCodec.encode(phase, Generations.next(current, names(dir)), source);
        for (Map.Entry<String, byte[]> f : encoded.files().entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.deleteIfExists(target); // a leftover of an interrupted replacement, never named by the manifest
            writeSynced(target, f.getValue());
        }
        syncDirectory(dir); // the new files' entries are durable before the manifest names them
        Path manifestTmp = dir.resolve(Generations.MANIFEST_TMP + Generations.randomSuffix());
        try {
            writeSynced(manifestTmp, encoded.manifest().toJson());
            Files.move(manifestTmp, dir.resolve(StoreManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(manifestTmp);
        }
        for (String name : Generations.garbage(names(dir), encoded.files().keySet())) Files.deleteIfExists(dir.resolve(name));
        return encoded.manifest();
    }

    /** Largest data file read: stores are a few hundred kB to a few MB, so this only stops a damaged or hostile file. */
    static final long MAX_DATA_FILE_BYTES = 1L << 30;

    /** Reads the whole phase. Bad, missing, newer or corrupted stores → {@link BadInputException}. */
    public static PhaseSummary read(Path dir) throws IOException {
        StoreManifest manifest = manifest(dir);
        try {
            return StoreCodec.decode(manifest, dir.toString(), name -> dataFile(dir, name));
        } catch (NoSuchFileException e) {
            // A concurrent writeReplacing may have committed a new generation and deleted ours.
            StoreManifest now = manifest(dir);
            if (now.generation() != manifest.generation()) {
                return StoreCodec.decode(now, dir.toString(), name -> dataFile(dir, name));
            }
            throw new BadInputException(e.getFile() + ": missing: the store is incomplete", e);
        }
    }

    /** A data file's bytes; a missing one is a NoSuchFileException (a concurrent replacement may have deleted it). */
    private static byte[] dataFile(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        return InputFiles.readAll(file, MAX_DATA_FILE_BYTES);
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
        return StoreManifest.parse(InputFiles.readAll(file), file.toString());
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

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) names.add(p.getFileName().toString());
        }
        return names;
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
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
