package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system that forks no process behaves as Hadoop's own: permissions, checksums, renames, link status. */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs() throws IOException {
        Configuration conf = new Configuration(false);
        NioLocalFileSystem.SETTINGS.forEach(conf::set);
        conf.setBoolean("fs.file.impl.disable.cache", true); // not another test's cached file system
        return FileSystem.get(dir.toUri(), conf);
    }

    @Test
    void createsWithTheUmaskedPermissionAndChecksumsAsHadoopsOwn() throws IOException {
        FileSystem fs = fs();
        assertTrue(fs instanceof NioLocalFileSystem, fs.getClass().getName());
        Path file = new Path(dir.resolve("a/b.json").toUri());
        byte[] body = "{\"x\": 1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(body);
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b.json"))));
        assertTrue(Files.exists(dir.resolve("a/.b.json.crc")), "the checksum sidecar is written as before");
        fs.setPermission(file, new FsPermission((short) 0640));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b.json"))));

        Path moved = new Path(dir.resolve("c.json").toUri());
        assertTrue(fs.rename(file, moved));
        try (FSDataInputStream in = fs.open(moved)) {
            assertArrayEquals(body, in.readAllBytes());
        }
        Files.write(dir.resolve("c.json"), "{\"x\": 2}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(ChecksumException.class, () -> {
            try (FSDataInputStream in = fs.open(moved)) {
                in.readAllBytes();
            }
        }, "a changed file fails its checksum");
    }

    @Test
    void fileContextRenamesOverAFileWithItsChecksum() throws IOException {
        FileSystem fs = fs();
        FileContext context = FileContext.getFileContext(fs.getUri(), fs.getConf());
        assertTrue(context.getDefaultFileSystem() instanceof NioLocalFileSystem.Context, context.getDefaultFileSystem().getClass().getName());
        Path manifest = new Path(dir.resolve("manifest.json").toUri());
        Path next = new Path(dir.resolve("_tmp/manifest.json").toUri());
        write(fs, manifest, "old");
        write(fs, next, "new");
        context.rename(next, manifest, Options.Rename.OVERWRITE);
        try (FSDataInputStream in = fs.open(manifest)) {
            assertArrayEquals("new".getBytes(java.nio.charset.StandardCharsets.US_ASCII), in.readAllBytes(), "checked against the moved checksum");
        }
        assertTrue(!Files.exists(dir.resolve("_tmp/manifest.json")) && !Files.exists(dir.resolve("_tmp/.manifest.json.crc")));
        assertThrows(org.apache.hadoop.fs.FileAlreadyExistsException.class, () -> {
            write(fs, next, "newer");
            context.rename(next, manifest); // without OVERWRITE, as Hadoop's own
        });
    }

    @Test
    void linkStatusIsHadoopsOwnForFilesDirectoriesLinksAndMissingPaths() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        Files.createDirectory(dir.resolve("directory"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("file"));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        RawLocalFileSystem ours = new NioLocalFileSystem.Raw();
        RawLocalFileSystem stock = new RawLocalFileSystem();
        ours.initialize(dir.toUri(), new Configuration(false));
        stock.initialize(dir.toUri(), new Configuration(false));
        for (String name : new String[] {"file", "directory", "link", "dangling", "missing"}) {
            // Hadoop's own reads links of plain paths only: it runs readlink on the path as written
            for (Path p : new Path[] {new Path(dir.resolve(name).toString()), new Path(dir.resolve(name).toUri())}) {
                assertEquals(linkStatus(stock, p), linkStatus(ours, p), p.toString());
            }
        }
        assertEquals("link to file:" + dir.resolve("file") + ", 1 bytes", linkStatus(ours, new Path(dir.resolve("link").toString())));
        FileContext context = FileContext.getFileContext(fs().getUri(), fs().getConf());
        assertEquals("directory", context.getFileLinkStatus(new Path(dir.resolve("directory").toUri())).isDirectory() ? "directory" : "?");
    }

    private static String linkStatus(RawLocalFileSystem fs, Path p) {
        try {
            FileStatus s = fs.getFileLinkStatus(p);
            return (s.isSymlink() ? "link to " + s.getSymlink() : s.isDirectory() ? "directory" : "file") + ", "
                    + (s.isDirectory() ? "" : s.getLen() + " bytes");
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static void write(FileSystem fs, Path p, String text) throws IOException {
        try (FSDataOutputStream out = fs.create(p, true)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
