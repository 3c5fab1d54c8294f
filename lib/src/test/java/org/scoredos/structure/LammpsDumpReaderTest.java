package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;

class LammpsDumpReaderTest {

    /** Writes one frame the way LAMMPS dump custom does, atoms in a shuffled order. */
    static String frame(Structure s, long step, String coords, Random rng) {
        Cell c = s.cell();
        double xy = c.h(1, 0), xz = c.h(2, 0), yz = c.h(2, 1);
        boolean tri = xy != 0 || xz != 0 || yz != 0;
        double[] o = c.origin();
        double xlo = o[0] + Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
        double xhi = o[0] + c.h(0, 0) + Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
        double ylo = o[1] + Math.min(0, yz), yhi = o[1] + c.h(1, 1) + Math.max(0, yz);
        StringBuilder sb = new StringBuilder();
        sb.append("ITEM: TIMESTEP\n").append(step).append("\nITEM: NUMBER OF ATOMS\n").append(s.size()).append('\n');
        sb.append("ITEM: BOX BOUNDS ").append(tri ? "xy xz yz " : "").append("pp pp pp\n");
        sb.append(xlo).append(' ').append(xhi).append(tri ? " " + xy : "").append('\n');
        sb.append(ylo).append(' ').append(yhi).append(tri ? " " + xz : "").append('\n');
        sb.append(o[2]).append(' ').append(o[2] + c.h(2, 2)).append(tri ? " " + yz : "").append('\n');
        String[] names = coords.split(" ");
        sb.append("ITEM: ATOMS id type ").append(coords).append(" vx\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        double[] f = new double[3];
        for (int i : order) {
            double[] v = {s.x(i), s.y(i), s.z(i)};
            if (names[0].startsWith("xs")) {
                c.toFractional(v[0], v[1], v[2], f);
                v = f.clone();
            }
            sb.append(i + 1).append(' ').append(s.type(i)).append(' ')
                    .append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append(" 0.0\n");
        }
        return sb.toString();
    }

    private static List<LammpsDumpReader.Frame> readAll(String text) throws IOException {
        List<LammpsDumpReader.Frame> out = new ArrayList<>();
        try (LammpsDumpReader r = LammpsDumpReader.open(new StringReader(text), "test.dump")) {
            while (r.hasNext()) out.add(r.next());
        }
        return out;
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> readAll(text)).getMessage();
    }

    private static void assertSame(Structure want, Structure got, double tol) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) assertEquals(want.cell().h(i, j), got.cell().h(i, j), 1e-12);
            assertEquals(want.cell().origin()[i], got.cell().origin()[i], 1e-12);
        }
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.type(i), got.type(i));
            assertEquals(want.x(i), got.x(i), tol);
            assertEquals(want.y(i), got.y(i), tol);
            assertEquals(want.z(i), got.z(i), tol);
        }
    }

    @Test
    void streamsFramesOfAFileWrittenAndReadBack(@TempDir Path dir) throws IOException {
        Random rng = new Random(3);
        Structure w = LammpsDataReader.read(Path.of(getClass().getResource("/w-snap/W-bcc.dat").getPath()));
        StringBuilder text = new StringBuilder();
        List<Structure> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] p = w.positions();
            for (int q = 0; q < p.length; q++) p[q] += 0.05 * rng.nextGaussian();
            frames.add(w.withPositions(p));
            text.append(frame(frames.get(k), 100L * k, new String[] {"x y z", "xu yu zu", "xs ys zs"}[k], rng));
        }
        Path file = dir.resolve("w.lammpstrj");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            for (int k = 0; k < 3; k++) {
                assertTrue(r.hasNext());
                LammpsDumpReader.Frame f = r.next();
                assertEquals(100L * k, f.timestep());
                assertSame(frames.get(k), f.structure(), k == 2 ? 1e-12 : 0.0);
                assertTrue(Double.isNaN(f.structure().massOfType(1)));
            }
            assertFalse(r.hasNext());
        }
        assertSame(frames.get(0), LammpsDumpReader.readFirst(file), 0.0);
        assertSame(frames.get(0), StructureFiles.read(file), 0.0);
    }

    @Test
    void triclinicBoundingBoxIsConvertedToTheCell() throws IOException {
        String text = """
                ITEM: TIMESTEP
                7
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS xy xz yz pp pp pp
                -0.5 11.0 1.0
                0.0 8.7 -0.5
                0.0 6.0 0.7
                ITEM: ATOMS id type xs ys zs
                2 2 0.5 0.5 0.5
                1 1 0 0 0
                """;
        Structure s = readAll(text).get(0).structure();
        double[][] h = s.cell().matrix();
        double[][] want = {{10, 0, 0}, {1, 8, 0}, {-0.5, 0.7, 6}};
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(want[i][j], h[i][j], 1e-12);
        assertEquals(0.0, s.cell().origin()[0], 1e-12);
        assertEquals(2, s.typeCount());
        assertEquals(0.5 * (10 + 1 - 0.5), s.x(1), 1e-12);
        assertEquals(0.5 * (8 + 0.7), s.y(1), 1e-12);
        assertEquals(3.0, s.z(1), 1e-12);
    }

    @Test
    void triclinicRoundTripThroughAWrittenDump() throws IOException {
        Random rng = new Random(5);
        Structure hcp = Lattices.hcp(3.2, 5.2, 2, 3, 2);
        Cell skew = new Cell(new double[][] {{9, 0, 0}, {-2, 8, 0}, {1.5, -3, 7}}, new double[] {1, 2, 3});
        double[] f = new double[3];
        double[] p = new double[3 * 20];
        for (int i = 0; i < 20; i++) {
            skew.toCartesian(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), f);
            System.arraycopy(f, 0, p, 3 * i, 3);
        }
        int[] types = new int[20];
        for (int i = 0; i < 20; i++) types[i] = 1 + i % 3;
        Structure random = new Structure(skew, p, types, new double[] {Double.NaN, Double.NaN, Double.NaN});
        for (Structure s : List.of(hcp, random)) {
            for (String cols : new String[] {"x y z", "xs ys zs", "xsu ysu zsu"}) {
                assertSame(s, readAll(frame(s, 1, cols, rng)).get(0).structure(), 1e-12);
            }
        }
    }

    @Test
    void acceptsUnitsAndTimeItemsAndNoIdOrTypeColumns() throws IOException {
        String text = "ITEM: UNITS\nmetal\nITEM: TIME\n0.5\nITEM: TIMESTEP\n3\nITEM: NUMBER OF ATOMS\n1\n"
                + "ITEM: BOX BOUNDS pp pp pp\n0 2\n0 3\n0 4\nITEM: ATOMS x y z\n1 1.5 2\n";
        Structure s = readAll(text).get(0).structure();
        assertEquals(1, s.type(0));
        assertEquals(24.0, s.cell().volume(), 1e-12);
        assertEquals(1.5, s.y(0));
    }

    private static final String HEAD = "ITEM: TIMESTEP\n5\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\n";

    @Test
    void truncatedFramesNameFileAndLine() {
        assertEquals("test.dump:10: timestep 5: expected 3 atom lines, the file ends after 1",
                error(HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n"));
        assertEquals("test.dump:11: timestep 5: expected 3 atom lines, found 1 before 'ITEM: TIMESTEP'",
                error(HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n" + HEAD));
        assertEquals("test.dump:6: timestep 5: BOX BOUNDS: the file ends in the middle of a frame", error(HEAD.substring(0, HEAD.indexOf("0 4\n0 4\n0 4"))+ "0 4\n"));
        String two = HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2\n";
        assertEquals("test.dump:15: timestep 10: NUMBER OF ATOMS: the file ends in the middle of a frame",
                error(two + "ITEM: TIMESTEP\n10\nITEM: NUMBER OF ATOMS\n"));
    }

    @Test
    void badFieldsAndBoxes() {
        assertEquals("test.dump:11: timestep 5: atom 2: 'x1' is not a number",
                error(HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 x1 1 1\n3 1 2 2 2\n"));
        assertEquals("test.dump:10: timestep 5: atom line has 4 fields, the ATOMS line names 5",
                error(HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0\n"));
        assertEquals("test.dump:7: timestep 5: BOX BOUNDS: box length along y must be positive, got 0.0",
                error(HEAD.replace("0 4\n0 4\n0 4", "0 4\n4 4\n0 4") + "ITEM: ATOMS id type x y z\n"));
        assertTrue(error(HEAD.replace("0 4\n0 4\n0 4", "0 4\n0 4\n2 -1") + "ITEM: ATOMS x y z\n").contains("along z must be positive"));
        assertTrue(error(HEAD.replace("pp pp pp", "pp pp ss")).contains("test.dump:5: timestep 5: BOX BOUNDS: boundary 'ss' is not periodic"));
        assertTrue(error(HEAD + "ITEM: ATOMS id type vx vy vz\n").contains("test.dump:9: timestep 5: ATOMS: no coordinate columns"));
        assertTrue(error(HEAD + "ITEM: ATOMS x y z\n1 1 inf\n1 1 1\n1 1 1\n").contains("is not a number"));
        assertTrue(error("ITEM: TIMESTEP\nfive\n").contains("test.dump:2: TIMESTEP: 'five' is not a whole number"));
        assertTrue(error("hello\n").contains("test.dump:1: expected an 'ITEM:' line, got 'hello'"));
        assertEquals("test.dump:11: atom 1: id already used on line 10",
                error(HEAD + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n1 1 1 1 1\n3 1 2 2 2\n"));
    }
}
