package org.scoredos.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/**
 * The summary store on a Hadoop file system (HDFS, S3A, …), same layout and versions as
 * {@link SummaryStore}. Object stores have no atomic directory rename, so every write follows
 * the in-place protocol: the new generation's data files first, then the manifest (the commit
 * point: a single object or an overwriting rename), then the old generation is deleted.
 * Before the first manifest lands the directory is "not a summary store"; after it, it always
 * holds a complete store, old or new.
 */
public final class HadoopSummaryStore {
    private HadoopSummaryStore() {}

    /** Writes {@code phase} at {@code dir}, replacing the store there if any. Refuses a directory that holds anything else. */
    public static StoreManifest writeReplacing(PhaseSummary phase, FileSystem fs, Path dir, String source) throws IOException {
        List<String> names = names(fs, dir);
        Path manifestFile = new Path(dir, StoreManifest.FILE_NAME);
        boolean store = names.contains(StoreManifest.FILE_NAME);
        if (!names.isEmpty() && !store) {
            throw new BadInputException(dir + ": exists and is not a summary store (no " + StoreManifest.FILE_NAME + "); not replacing it");
        }
        StoreCodec.Encoded encoded = StoreCodec.encode(phase, Generations.next(store ? readAll(fs, manifestFile) : null, names), source);
        fs.mkdirs(dir);
        for (var f : encoded.files().entrySet()) writeSynced(fs, new Path(dir, f.getKey()), f.getValue());
        Path tmp = new Path(dir, Generations.MANIFEST_TMP + Generations.randomSuffix());
        try {
            writeSynced(fs, tmp, encoded.manifest().toJson());
            FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, manifestFile, Options.Rename.OVERWRITE);
        } finally {
            fs.delete(tmp, false);
        }
        for (String name : Generations.garbage(names(fs, dir), encoded.files().keySet())) fs.delete(new Path(dir, name), false);
        return encoded.manifest();
    }

    /** Reads the whole phase; bad, missing, newer or corrupted stores → {@link BadInputException}. */
    public static PhaseSummary read(FileSystem fs, Path dir) throws IOException {
        StoreManifest manifest = manifest(fs, dir);
        StoreCodec.FileSource files = name -> {
            Path file = new Path(dir, name);
            try {
                return readAll(fs, file);
            } catch (FileNotFoundException e) {
                throw new NoSuchFileException(file.toString());
            }
        };
        try {
            return StoreCodec.decode(manifest, dir.toString(), files);
        } catch (NoSuchFileException e) {
            StoreManifest now = manifest(fs, dir); // a concurrent replacement may have committed meanwhile
            if (now.generation() != manifest.generation()) return StoreCodec.decode(now, dir.toString(), files);
            throw new BadInputException(e.getFile() + ": missing: the store is incomplete", e);
        }
    }

    /** Reads only the manifest. */
    public static StoreManifest manifest(FileSystem fs, Path dir) throws IOException {
        if (!fs.exists(dir)) throw new BadInputException(dir + ": no summary store here (no such directory)");
        Path file = new Path(dir, StoreManifest.FILE_NAME);
        if (!fs.exists(file)) throw new BadInputException(dir + ": not a summary store (no " + StoreManifest.FILE_NAME + ")");
        return StoreManifest.parse(readAll(fs, file), file.toString());
    }

    private static List<String> names(FileSystem fs, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!fs.exists(dir)) return names;
        for (FileStatus s : fs.listStatus(dir)) names.add(s.getPath().getName());
        return names;
    }

    private static byte[] readAll(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private static void writeSynced(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(bytes);
            out.hsync();
        }
    }
}
