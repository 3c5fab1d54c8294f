package org.scoredos.campaign;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk under the scheme "mock:", standing in for a remote Hadoop file system (HDFS,
 * S3A) in tests: code that assumes a local java.nio path fails on it.
 */
public final class MockSchemeFileSystem extends RawLocalFileSystem {
    static final URI ROOT = URI.create("mock:///");
    /** A full disk: creating or renaming onto a path that contains this fails as ENOSPC does (null: never). */
    static volatile String fullAt;

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
            long blockSize, Progressable progress) throws IOException {
        full(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        full(dst);
        return super.rename(src, dst);
    }

    private static void full(Path p) throws IOException {
        String at = fullAt;
        if (at != null && p.toString().contains(at)) throw new IOException("No space left on device");
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return "mock";
    }

    @Override
    public FileStatus[] listStatus(Path dir) throws IOException {
        FileStatus[] raw = super.listStatus(dir);
        for (int i = 0; i < raw.length; i++) raw[i] = plain(raw[i]);
        return raw;
    }

    @Override
    public FileStatus getFileStatus(Path p) throws IOException {
        return plain(super.getFileStatus(p));
    }

    /** The local status loads permissions through java.io.File, which knows no "mock:" URI. */
    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(),
                s.getAccessTime(), FsPermission.getDefault(), "owner", "group", s.getPath());
    }

    /** Registers the scheme in a Hadoop configuration. */
    static void register(Configuration conf) {
        conf.set("fs.mock.impl", MockSchemeFileSystem.class.getName());
        conf.set("fs.mock.impl.disable.cache", "true");
        conf.set("fs.AbstractFileSystem.mock.impl", Abstract.class.getName());
    }

    /** The FileContext face of the same file system. */
    public static final class Abstract extends DelegateToFileSystem {
        public Abstract(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new MockSchemeFileSystem(), conf, "mock", false);
        }
    }
}
