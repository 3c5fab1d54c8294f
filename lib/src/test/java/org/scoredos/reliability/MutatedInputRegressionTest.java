package org.scoredos.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.harmonic.DynamicalMatrixReader;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.CoordinationShells;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Cell;
import org.scoredos.structure.ExtendedXyzReader;
import org.scoredos.structure.LammpsDataReader;
import org.scoredos.structure.LammpsDumpReader;
import org.scoredos.structure.Structure;

/** The inputs {@link ReaderFuzzTest} found that broke a reader, each now a clean one-line refusal. */
class MutatedInputRegressionTest {
    private static final double[] TWO_W = {183.84, 183.84};

    @TempDir
    Path dir;

    /** Bytes that are not UTF-8 were an I/O error (exit 1); now the parser names the line. */
    @Test
    void bytesThatAreNotUtf8AreRefusedOnTheirLine() throws Exception {
        assertStartsWith("W-bcc-16.dat:17:", () -> LammpsDataReader.read(garbled("W-bcc-16.dat", 17)));
        assertStartsWith("W-bcc.dump:5:", () -> LammpsDumpReader.readFirst(garbled("W-bcc.dump", 5)));
        assertStartsWith("W-bcc.extxyz:2:", () -> ExtendedXyzReader.read(garbled("W-bcc.extxyz", 2)));
        assertStartsWith("D.snapparam:1:", () -> SnapParameterReader.read(garbled("D.snapparam", 1)));
        Path coeff = garbled("X_W.snapcoeff", 6);
        assertStartsWith("X_W.snapcoeff:6:", () -> SnapCoefficientReader.read(coeff, SnapParameterReader.read(seed("D.snapparam"))));
    }

    /** A box whose volume overflows to infinity was accepted and crashed the neighbour list. */
    @Test
    void anOverflowingBoxIsRefusedNamingTheFile() throws Exception {
        Path data = edited("W-bcc-16.dat", "0.0 6.3712 xlo xhi", "-1e308 6.3712 xlo xhi");
        assertEquals("W-bcc-16.dat: box: cell volume overflows: the lattice vectors are impossibly long",
                name(assertThrows(BadInputException.class, () -> LammpsDataReader.read(data))));
    }

    /** An atom the neighbour list cannot follow was refused there, naming neither file nor line. */
    @Test
    void atomsFarOutsideTheBoxAreRefusedOnTheirLine() throws Exception {
        Path data = edited("W-bcc-16.dat", "2 1 1.605300 1.592800", "2 1 1.605300e6 1.592800");
        assertEquals("W-bcc-16.dat:18: atom 2: lies 251961 cells outside the box along lattice vector a (at most 256 are followed): wrap its coordinates",
                name(assertThrows(BadInputException.class, () -> LammpsDataReader.read(data))));
        Path xyz = edited("W-bcc.extxyz", "W 0.000000 0.000000 0.000000", "W 0.000000 0.000000 -2000");
        assertStartsWith("W-bcc.extxyz:3: atom 1: lies -314 cells outside the box along lattice vector c", () -> ExtendedXyzReader.read(xyz));
    }

    /** Two atoms at one position: the neighbour list dropped the pair as if it were an atom's own entry. */
    @Test
    void coincidentAtomsAreRefusedNotIgnored() {
        Cell box = Cell.orthogonal(3.1856, 3.1856, 3.1856);
        Structure twoOnOneSite = new Structure(box, new double[] {0, 0, 0, 0, 0, 0}, new int[] {1, 1}, new double[] {183.84});
        assertEquals("atoms 1 and 2 sit at the same position",
                assertThrows(BadInputException.class, () -> NeighborList.build(twoOnOneSite, 4.7)).getMessage());
        Structure acrossTheBoundary = new Structure(box, new double[] {0, 0, 0, 3.1856, 0, 0}, new int[] {1, 1}, new double[] {183.84});
        assertThrows(BadInputException.class, () -> CoordinationShells.of(acrossTheBoundary, 3, 0.1));
    }

    /** Cell and Structure refusals came without the file name. */
    @Test
    void dumpBoxesAndScaledCoordinatesAreRefusedOnTheirLine() throws Exception {
        Path thin = edited("W-bcc.dump", "0 6.371200\nITEM: ATOMS id type xs", "0 1e-320\nITEM: ATOMS id type xs");
        LammpsDumpReader r = LammpsDumpReader.open(thin);
        r.next();
        assertStartsWith("W-bcc.dump:31: timestep 200: BOX BOUNDS: cell has zero or negative volume", r::next);
        r.close();
        Path far = edited("W-bcc.dump", "15 1 0.500000 0.500000 0.500000", "15 1 -1e308 0.500000 0.500000");
        try (LammpsDumpReader s = LammpsDumpReader.open(far)) {
            s.next();
            assertStartsWith("W-bcc.dump:49: timestep 200: atom 15: scaled coordinates give a position that is not finite", s::next);
        }
    }

    /** NaN and infinite entries reached the Hessian, whose message named no file. */
    @Test
    void dynamicalMatricesWithEntriesThatAreNotFiniteAreRefused() throws Exception {
        Path text = dir.resolve("nan.dynmat");
        Files.writeString(text, new String(bytes("W-2atom.dynmat"), StandardCharsets.US_ASCII).replaceFirst("^\\S+", "NaN"));
        assertEquals("nan.dynmat:1: 'NaN' is not a finite number", name(assertThrows(BadInputException.class,
                () -> DynamicalMatrixReader.read(text, TWO_W, DynamicalMatrixReader.Style.REGULAR))));
        Path huge = dir.resolve("huge.dynmat");
        Files.writeString(huge, new String(bytes("W-2atom.dynmat"), StandardCharsets.US_ASCII).replaceFirst("^\\S+", "1e308"));
        assertStartsWith("huge.dynmat: row 1, column 1: 1.0E308 is not a usable matrix entry",
                () -> DynamicalMatrixReader.read(huge, TWO_W, DynamicalMatrixReader.Style.REGULAR));
        Path binary = dir.resolve("nan.bin");
        ByteBuffer b = ByteBuffer.allocate(36 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 36; k++) b.putDouble(k == 7 ? Double.NaN : 0.1);
        Files.write(binary, b.array());
        assertStartsWith("nan.bin: row 2, column 2: NaN is not a usable matrix entry",
                () -> DynamicalMatrixReader.read(binary, TWO_W, DynamicalMatrixReader.Style.REGULAR));
    }

    private static void assertStartsWith(String prefix, Executable read) {
        String m = name(assertThrows(BadInputException.class, read));
        assertTrue(m.startsWith(prefix), m);
        assertTrue(!m.contains("\n"), m);
    }

    /** The message with the temporary directory taken off the file name. */
    private static String name(BadInputException e) {
        return e.getMessage().replaceFirst("^\\S*/", "");
    }

    /** A seed file with the last byte of line {@code line} replaced by 0xFF (never valid UTF-8). */
    private Path garbled(String seed, int line) throws IOException {
        byte[] b = bytes(seed);
        int at = 0;
        for (int l = 0; l < line; at++) if (b[at] == '\n') l++;
        b[at - 2] = (byte) 0xff;
        Path p = dir.resolve(seed);
        Files.write(p, b);
        return p;
    }

    private Path edited(String seed, String from, String to) throws IOException {
        String s = new String(bytes(seed), StandardCharsets.UTF_8);
        assertTrue(s.contains(from), from);
        Path p = dir.resolve(seed);
        Files.writeString(p, s.replace(from, to));
        return p;
    }

    private Path seed(String name) throws IOException {
        Path p = dir.resolve("seed-" + name);
        Files.write(p, bytes(name));
        return p;
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = MutatedInputRegressionTest.class.getResourceAsStream("/fuzz-seeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
