package org.scoredos.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.structure.StructureFiles;

/**
 * Inputs that used to exhaust memory or block forever (issue #22): devices, FIFOs, huge sparse
 * files, headers that declare 10⁹ atoms. Each must be a one-line {@link BadInputException}
 * naming the file, quickly and within the test JVM's heap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputFilesTest {
    @TempDir
    Path dir;

    @Test
    void devicesAreRefusedBeforeReading() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        BadInputException e = assertThrows(BadInputException.class, () -> InputFiles.open(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero: not a regular file"), e.getMessage());
        assertThrows(BadInputException.class, () -> SnapParameterReader.read(zero));
    }

    @Test
    void aFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("structure.data");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo unavailable");
        BadInputException e = assertThrows(BadInputException.class, () -> StructureFiles.read(fifo));
        assertEquals(fifo + ": not a regular file (a FIFO, device or socket cannot be read as input)", e.getMessage());
    }

    @Test
    void aHugeSparseStructureFileIsRefusedByItsFirstLine() throws IOException {
        Path data = sparse("huge.data", 2L << 30);
        BadInputException e = assertThrows(BadInputException.class, () -> StructureFiles.read(data));
        assertTrue(e.getMessage().startsWith(data + ":1: line longer than"), e.getMessage());
    }

    @Test
    void filesReadWholeAreBoundedBySizeBeforeAllocation() throws IOException {
        Path params = sparse("huge.snapparam", 2L << 30);
        BadInputException e = assertThrows(BadInputException.class, () -> SnapParameterReader.read(params));
        assertTrue(e.getMessage().contains("is 2147483648 bytes; at most 67108864"), e.getMessage());
        Path coeff = sparse("huge.snapcoeff", 100L << 20);
        assertThrows(BadInputException.class, () -> CoefficientFile.read(coeff, 55));
    }

    @Test
    void anAtomCountHeaderIsNotTrustedForAllocation() throws IOException {
        Path xyz = dir.resolve("liar.xyz");
        Files.writeString(xyz, "700000000\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nW 0 0 0\n");
        long before = usedHeap();
        BadInputException e = assertThrows(BadInputException.class, () -> StructureFiles.read(xyz));
        assertEquals(xyz + ":3: expected 700000000 atom lines, the file ends after 1", e.getMessage());
        assertTrue(usedHeap() - before < (256L << 20), "the reader allocated by the header's count");
    }

    @Test
    void boundedLinesMatchBufferedReaderLineEnds() throws IOException {
        String text = "a\r\nb\rc\n\nlast";
        List<String> expected = new ArrayList<>(), got = new ArrayList<>();
        try (BufferedReader plain = new BufferedReader(new StringReader(text));
                BufferedReader bounded = new BoundedLineReader(new StringReader(text), "t")) {
            for (String l; (l = plain.readLine()) != null; ) expected.add(l);
            for (String l; (l = bounded.readLine()) != null; ) got.add(l);
        }
        assertEquals(expected, got);
        StringBuilder longLine = new StringBuilder("ok\n");
        for (int i = 0; i < 40_000; i++) longLine.append("0123456789");
        try (BufferedReader bounded = new BoundedLineReader(new StringReader(longLine.toString()), "f.dump", 100_000)) {
            assertEquals("ok", bounded.readLine());
            BadInputException e = assertThrows(BadInputException.class, bounded::readLine);
            assertEquals("f.dump:2: line longer than 100000 characters: not a text file of this kind", e.getMessage());
        }
        try (BufferedReader bounded = new BoundedLineReader(
                new java.io.InputStreamReader(new java.io.ByteArrayInputStream("x\ny".getBytes(StandardCharsets.UTF_8))), "g")) {
            assertEquals("x", bounded.readLine());
            assertEquals("y", bounded.readLine());
            assertEquals(null, bounded.readLine());
        }
    }

    @Test
    void gzipBombsAreRefusedByWhatTheyDecompressTo() throws IOException {
        // a DescriptorDOS export holding one 300 MB string: well under 1 MB on disk
        Path bomb = gzip("bomb.json.gz", "[{\"N\": \"", 'a', 300L << 20, "\"}]");
        assertTrue(Files.size(bomb) < (1 << 20), "the bomb is small on disk: " + Files.size(bomb));
        long before = usedHeap();
        BadInputException e = assertThrows(BadInputException.class,
                () -> org.scoredos.summary.DescriptorDosReader.read(bomb));
        assertTrue(e.getMessage().startsWith(bomb.toString()), e.getMessage());
        assertTrue(usedHeap() - before < (256L << 20), "the reader stopped early, not after inflating 300 MB");
        try (java.io.InputStream in = InputFiles.decompressed(bomb, 1 << 20)) {
            e = assertThrows(BadInputException.class, () -> in.transferTo(java.io.OutputStream.nullOutputStream()));
        }
        assertEquals(bomb + ": decompresses to more than 1048576 bytes; at most 1048576 are read for a file of this kind", e.getMessage());
        // the same file uncompressed passes the bound untouched
        Path small = gzip("small.json.gz", "[", ' ', 1000, "]");
        try (java.io.InputStream in = InputFiles.decompressed(small, 1002)) {
            assertEquals(1002, in.readAllBytes().length);
        }
        // a gzip'd dynamical matrix of one endless line of digits
        Path dynmat = gzip("bomb.dynmat.gz", "1", '1', 300L << 20, "\n");
        e = assertThrows(BadInputException.class, () -> org.scoredos.harmonic.DynamicalMatrixReader.read(dynmat,
                new double[] {1, 1}, org.scoredos.harmonic.DynamicalMatrixReader.Style.REGULAR));
        assertTrue(e.getMessage().startsWith(dynmat.toString()), e.getMessage());
    }

    /**
     * A gzip file of {@code head}, {@code count} copies of {@code fill} and {@code tail}, generated
     * here as concatenated gzip members (which gunzip reads as one stream): one 1 MiB member
     * compressed once and repeated, so 300 MB take a moment and a few hundred kilobytes.
     */
    private Path gzip(String name, String head, char fill, long count, String tail) throws IOException {
        Path p = dir.resolve(name);
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) fill);
        byte[] member = member(chunk);
        try (java.io.OutputStream out = Files.newOutputStream(p)) {
            out.write(member(head.getBytes(StandardCharsets.UTF_8)));
            for (long left = count; left >= chunk.length; left -= chunk.length) out.write(member);
            out.write(member(java.util.Arrays.copyOf(chunk, (int) (count % chunk.length))));
            out.write(member(tail.getBytes(StandardCharsets.UTF_8)));
        }
        return p;
    }

    private static byte[] member(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    private Path sparse(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
