package org.scoredos.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files: whole or not at all, never over a non-file, with the user's umask. */
class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWholeFilesWithTheSamePermissionsAsAnyNewFile() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path out = dir.resolve("F.png");
        OutputFiles.writeString(out, "first");
        OutputFiles.writeString(out, "second"); // a regular file is replaced whole
        assertEquals("second", Files.readString(out));
        // the umask applies as to any file (a temporary file would have been 0600)
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        assertEquals(List.of("F.png", "plain"), names());
    }

    @Test
    void nonFilesAreRefusedAndLeftAsTheyWere() throws IOException {
        Path target = Files.writeString(dir.resolve("real.png"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), target);
        BadInputException e = assertThrows(BadInputException.class, () -> OutputFiles.writeString(link, "x"));
        assertTrue(e.getMessage().endsWith("is a symbolic link: not replaced (name the file it points to, or another path)"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(sub + ": is a directory: name a file to write",
                assertThrows(BadInputException.class, () -> OutputFiles.writeString(sub, "x")).getMessage());
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertEquals("/dev/null: is not a regular file (a device, FIFO or socket): not replaced",
                    assertThrows(BadInputException.class, () -> OutputFiles.checkTarget(device)).getMessage());
        }
        Path nowhere = dir.resolve("no/such/F.png");
        assertEquals(nowhere + ": its directory does not exist",
                assertThrows(BadInputException.class, () -> OutputFiles.writeString(nowhere, "x")).getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path out = Files.writeString(dir.resolve("theta.snapcoeff"), "old");
        assertThrows(IOException.class, () -> OutputFiles.write(out, o -> {
            o.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("theta.snapcoeff"), names());
    }

    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        Path coeff = Files.writeString(dir.resolve("X.snapcoeff"), "1 2\nW 0.5 1\n0\n1\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> OutputFiles.checkNotAnInput(dir.resolve("./X.snapcoeff"), "--out", coeff, "--coeff"));
        assertTrue(e.getMessage().startsWith("--out "), e.getMessage());
        assertTrue(e.getMessage().endsWith("is the --coeff input; write the result to another file"), e.getMessage());
        OutputFiles.checkNotAnInput(dir.resolve("new.snapcoeff"), "--out", coeff, "--coeff");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
