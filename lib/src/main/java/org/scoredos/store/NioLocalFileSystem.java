package org.scoredos.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}, checksummed as usual) that forks no process. Without
 * Hadoop's native library, the stock one sets the permission of every file it creates by running
 * {@code chmod} in a new process, twice per file (the file and its {@code .crc}): a campaign of
 * 352 shards forked about 800 times, several seconds of CPU. And every {@code FileContext} rename
 * (the overwriting renames of manifests, packs and summary stores) asks for the link status of
 * source and destination, file and checksum, each by running {@code readlink}: ≈ 200 processes a
 * w-bcc campaign. Here permissions are set and links detected through java.nio. Spark's local
 * mode names it for {@code file:} with {@link #SETTINGS}: this class for {@code FileSystem},
 * {@link Context} for {@code FileContext}.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    /** The Hadoop setting that makes {@code file:} paths use this class. */
    public static final String SETTING = "fs.file.impl";
    /** The Hadoop setting that makes {@code FileContext}s of {@code file:} paths use {@link Context}. */
    public static final String CONTEXT_SETTING = "fs.AbstractFileSystem.file.impl";
    /** Both settings, with their values. */
    public static final Map<String, String> SETTINGS = Map.of(SETTING, NioLocalFileSystem.class.getName(),
            CONTEXT_SETTING, Context.class.getName());

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (unchecksummed) part, which both the files and their checksums go through. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            try {
                // the sticky bit (directories only) is not set here; nothing written here needs it
                String rwx = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL;
                Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
            } catch (UnsupportedOperationException e) { // not a POSIX file system
                super.setPermission(p, permission);
            }
        }

        /** A file or directory's status as Hadoop's own gives it (no link target); links still go Hadoop's way. */
        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            return Files.isSymbolicLink(pathToFile(f).toPath()) ? super.getFileLinkStatus(f) : getFileStatus(f);
        }
    }

    /** {@code FileContext}'s local file system (Hadoop's {@code LocalFs}) over {@link Raw}. */
    public static final class Context extends ChecksumFs {
        public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(new RawContext(uri, conf));
        }
    }

    /** As Hadoop's {@code RawLocalFs}, which cannot be given another file system. */
    static final class RawContext extends DelegateToFileSystem {
        RawContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
        }

        @Override
        public int getUriDefaultPort() {
            return -1; // no port
        }

        @Override
        @SuppressWarnings("deprecation")
        public FsServerDefaults getServerDefaults() throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        @Override
        public FsServerDefaults getServerDefaults(Path f) throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        @Override
        public boolean isValidName(String src) {
            return true; // local file systems differ in what they accept; they say so themselves
        }
    }
}
