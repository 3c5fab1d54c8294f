package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;

class LammpsDataTest {
    static Path resource(String name) throws URISyntaxException {
        return Path.of(LammpsDataTest.class.getResource("/w-snap/" + name).toURI());
    }

    private static Structure parse(String text) throws IOException {
        return LammpsDataReader.read(new StringReader(text), "test.data");
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsTheTungstenBccFile() throws Exception {
        Structure s = LammpsDataReader.read(resource("W-bcc.dat"));
        double a = 12.742537224023346 / 4;
        assertEquals(128, s.size());
        assertEquals(1, s.typeCount());
        assertTrue(Double.isNaN(s.massOfType(1)), "the file has no Masses section");
        assertEquals(Math.pow(4 * a, 3), s.cell().volume(), 1e-9);
        assertEquals(a / 2, s.x(1), 1e-12);
        assertEquals(a / 2, s.z(1), 1e-12);
        assertEquals(a, s.x(2), 1e-12);
        NeighborList nl = NeighborList.build(s, a * 1.5);
        for (int i = 0; i < s.size(); i++) assertEquals(26, nl.count(i));
    }

    @Test
    void readsTheTungstenA15File() throws Exception {
        Structure s = LammpsDataReader.read(resource("W-a15.dat"));
        double a = 10.182917621744457 / 2;
        assertEquals(64, s.size());
        NeighborList nl = NeighborList.build(s, 0.7 * a);
        int twelve = 0, fourteen = 0;
        for (int i = 0; i < s.size(); i++) {
            if (nl.count(i) == 12) twelve++;
            if (nl.count(i) == 14) fourteen++;
        }
        assertEquals(16, twelve);   // 2a sites: 2 per cubic cell
        assertEquals(48, fourteen); // 6c chain sites
    }

    @Test
    void readsMassesCommentsImageFlagsAndAnyIdOrder() throws IOException {
        Structure s = parse("""
                # a title line that looks like a comment
                3 atoms   # count
                2 atom types
                0 0 bonds
                -1.0 4.0 xlo xhi
                0 5 ylo yhi
                0 6 zlo zhi
                0.5 -0.25 0.75 xy xz yz

                Masses

                2 55.845   # Fe
                1 183.84

                Atoms # atomic

                7 2 1.0 2.0 3.0 0 1 -1
                2 1 0.5 0.5 0.5
                   5 1 2.5 3.5 4.5   # middle

                Velocities

                2 0 0 0
                7 0 0 0
                5 0 0 0
                """.replace("0 0 bonds", "0 bonds"));
        assertEquals(3, s.size());
        assertEquals(183.84, s.massOfType(1));
        assertEquals(55.845, s.massOfType(2));
        assertEquals(1, s.type(0));
        assertEquals(0.5, s.x(0));
        assertEquals(1, s.type(1));
        assertEquals(2.5, s.x(1));
        assertEquals(2, s.type(2));
        assertEquals(3.0, s.z(2));
        double[][] h = s.cell().matrix();
        assertEquals(5.0, h[0][0]);
        assertEquals(0.5, h[1][0]);
        assertEquals(-0.25, h[2][0]);
        assertEquals(0.75, h[2][1]);
        assertEquals(-1.0, s.cell().origin()[0]);
        assertEquals(5.0 * 5 * 6, s.cell().volume(), 1e-12);
    }

    @Test
    void withoutMassesEveryTypeIsNaNAndAShortMassesSectionIsRefused() throws IOException {
        String head = "t\n1 atoms\n2 atom types\n0 1 xlo xhi\n0 1 ylo yhi\n0 1 zlo zhi\n";
        Structure s = parse(head + "Atoms\n\n1 2 0 0 0\n");
        assertTrue(Double.isNaN(s.massOfType(1)));
        assertTrue(Double.isNaN(s.massOfType(2)));
        assertEquals("test.data:10: Masses: expected 2 lines after line 7, found 1 before 'Atoms'",
                error(head + "Masses\n\n2 12.0\nAtoms\n\n1 1 0 0 0\n"));
    }

    @Test
    void triclinicRoundTripIsExact(@TempDir Path dir) throws IOException {
        Structure hcp = Lattices.hcp(2.95, 4.68, 3, 2, 2).withMassByType(new double[] {47.867});
        Path file = dir.resolve("ti.data");
        LammpsDataWriter.write(hcp, file, "hcp Ti");
        Structure back = LammpsDataReader.read(file);
        assertEquals(hcp.size(), back.size());
        assertEquals(47.867, back.massOfType(1));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) assertEquals(hcp.cell().h(i, j), back.cell().h(i, j), 1e-13);
        }
        for (int k = 0; k < 3 * hcp.size(); k++) assertEquals(hcp.positions()[k], back.positions()[k], 0.0);
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left behind");
    }

    @Test
    void cellsOutOfLammpsOrientationAreRotatedKeepingGeometry() throws IOException {
        double a = 3.1856;
        Cell primitive = new Cell(new double[][] {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}}, null);
        Structure bcc = new Structure(primitive, new double[] {0.1, 0.2, 0.3}, new int[] {1}, new double[] {Double.NaN});
        StringWriter out = new StringWriter();
        LammpsDataWriter.write(bcc, out, null);
        assertFalse(out.toString().contains("Masses"), "unknown masses are not written");
        Structure back = parse(out.toString());
        assertEquals(a * a * a / 2, back.cell().volume(), 1e-12);
        NeighborList nl = NeighborList.build(back, 1.5 * a);
        assertEquals(26, nl.count(0));
    }

    private static final String HEADER = "title\n2 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\n";

    @Test
    void nonNumericFieldNamesFileLineAndAtom() {
        assertEquals("test.data:11: atom 3: 'abc' is not a number",
                error(HEADER + "Atoms\n\n1 1 0 0 0\n3 1 abc 0 0\n"));
        assertEquals("test.data:4: xlo xhi: 'zero' is not a number", error("title\n2 atoms\n1 atom types\nzero 4 xlo xhi\n"));
        assertEquals("test.data:10: atom 1: type: 'W' is not a whole number", error(HEADER + "Atoms\n\n1 W 0 0 0\n"));
        assertTrue(error(HEADER + "Atoms\n\n1 1 0 NaN 0\n2 1 0 0 0\n").startsWith("test.data:10: atom 1: 'NaN' is not a finite number"));
        assertTrue(error(HEADER + "Atoms\n\n1 1 0 Infinity 0\n2 1 0 0 0\n").contains("not a finite number"));
    }

    @Test
    void missingSectionsAndHeaderLines() {
        assertEquals("test.data:7: no Atoms section", error(HEADER));
        assertTrue(error("title\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\nAtoms\n\n1 1 0 0 0\n")
                .contains("test.data:6: the header has no 'atoms' line"));
        assertTrue(error("title\n1 atoms\n1 atom types\n0 4 xlo xhi\n0 4 zlo zhi\nAtoms\n\n1 1 0 0 0\n")
                .contains("no 'ylo yhi' line"));
        assertTrue(error("").contains("empty file"));
        assertTrue(error(HEADER + "Bonds\n\n1 1 1 2\n").contains("unknown or unsupported section 'Bonds'"));
        assertTrue(error("title\n2 atoms\n3 bonds\n").contains("test.data:3: bonds: only atomic-style"));
        assertTrue(error(HEADER + "Atoms # charge\n\n1 1 0 0 0 0\n").contains("atom style 'charge' is not supported"));
    }

    @Test
    void wrongAtomCounts() {
        assertEquals("test.data:10: Atoms: expected 2 lines after line 8, the file ends after 1",
                error(HEADER + "Atoms\n\n1 1 0 0 0\n"));
        assertEquals("test.data:12: Atoms: expected 2 lines after line 8, found 1 before 'Masses'",
                error(HEADER + "Atoms\n\n1 1 0 0 0\n\nMasses\n\n1 1.0\n"));
        assertEquals("test.data:12: Atoms: more than the 2 lines the header announces",
                error(HEADER + "Atoms\n\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2\n"));
        assertEquals("test.data:11: atom 1: id already used on line 10", error(HEADER + "Atoms\n\n1 1 0 0 0\n1 1 1 1 1\n"));
        assertEquals("test.data:11: Masses: type 1: given twice", error(HEADER.replace("1 atom types", "2 atom types") + "Masses\n\n1 1.0\n1 2.0\n"));
        // A header that promises more atoms than the file holds fails on the count, not on memory.
        assertEquals("test.data:10: Atoms: expected 200000000 lines after line 8, the file ends after 1",
                error(HEADER.replace("2 atoms", "200000000 atoms") + "Atoms\n\n1 1 0 0 0\n"));
        assertTrue(error(HEADER + "Atoms\n\n1 1 0 0\n2 1 1 1 1\n").contains("test.data:10: Atoms: an atomic-style atom line"));
        assertTrue(error(HEADER + "Atoms\n\n1 2 0 0 0\n2 1 1 1 1\n").contains("test.data:10: atom 1: type: 2 is out of range (1 to 1)"));
    }

    @Test
    void zeroOrNegativeBoxLengths() {
        assertEquals("test.data:4: xlo xhi: box length must be positive, got 4 to 4", error("t\n2 atoms\n1 atom types\n4 4 xlo xhi\n"));
        assertEquals("test.data:5: ylo yhi: box length must be positive, got 3 to -1",
                error("t\n2 atoms\n1 atom types\n0 1 xlo xhi\n3 -1 ylo yhi\n"));
        assertTrue(error("t\n2 atoms\n1 atom types\n0 1 xlo xhi\n").contains("no 'ylo yhi'"));
        assertTrue(error(HEADER.replace("2 atoms", "-2 atoms")).contains("atoms: must not be negative"));
        assertEquals("test.data:2: atoms: 2000000000 atoms is too many", error(HEADER.replace("2 atoms", "2000000000 atoms")));
    }
}
