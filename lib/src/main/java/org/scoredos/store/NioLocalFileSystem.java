package org.scoredos.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}, checksummed as usual) with permissions set through
 * java.nio. Without Hadoop's native library, the stock one sets the permission of every file it
 * creates by running {@code chmod} in a new process, twice per file (the file and its
 * {@code .crc}): a campaign of 352 shards forked about 800 times, several seconds of CPU.
 * Spark's local mode names it for {@code file:} ({@code fs.file.impl}).
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    /** The Hadoop setting that makes {@code file:} paths use this class. */
    public static final String SETTING = "fs.file.impl";

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
    }
}
