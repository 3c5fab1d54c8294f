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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system that sets permissions through java.nio behaves as Hadoop's own: permissions, checksums, renames. */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set(NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName());
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
}
