package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;

class ExtendedXyzTest {

    private static Structure parse(String text) throws IOException {
        return ExtendedXyzReader.read(new StringReader(text), "test.xyz");
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void writtenAndReadBackExactly(@TempDir Path dir) throws IOException {
        Structure w = LammpsDataReader.read(Path.of(getClass().getResource("/w-snap/W-bcc.dat").getPath()))
                .withMassByType(new double[] {183.84});
        Path file = dir.resolve("w.extxyz");
        ExtendedXyzWriter.write(w, file, null);
        Structure back = StructureFiles.read(file);
        assertEquals(w.size(), back.size());
        assertEquals(183.84, back.massOfType(1));
        for (int k = 0; k < 3 * w.size(); k++) assertEquals(w.positions()[k], back.positions()[k], 0.0);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(w.cell().h(i, j), back.cell().h(i, j), 0.0);
    }

    @Test
    void triclinicTwoSpeciesRoundTripKeepsTypesAndOrigin() throws IOException {
        Cell skew = new Cell(new double[][] {{4.9, 0.1, 0.4}, {0.3, 5.1, -0.2}, {-0.7, 0.5, 6.2}}, new double[] {1, -1, 2});
        double[] p = {1, 1, 1, 2, 3, 4, 0.5, 4, 5};
        Structure s = new Structure(skew, p, new int[] {1, 2, 2}, new double[] {55.845, 12.011});
        StringWriter out = new StringWriter();
        ExtendedXyzWriter.write(s, out, null);
        assertTrue(out.toString().contains("Properties=species:S:1:pos:R:3:masses:R:1"), out.toString());
        assertTrue(out.toString().contains("\nFe 1.0 1.0 1.0 55.845\n"), out.toString());
        Structure back = parse(out.toString());
        assertEquals(2, back.typeCount());
        assertEquals(2, back.type(2));
        assertEquals(12.011, back.massOfType(2));
        for (int i = 0; i < 3; i++) {
            assertEquals(skew.origin()[i], back.cell().origin()[i], 0.0);
            for (int j = 0; j < 3; j++) assertEquals(skew.h(i, j), back.cell().h(i, j), 0.0);
        }
        for (int k = 0; k < 9; k++) assertEquals(p[k], back.positions()[k], 0.0);
    }

    @Test
    void readsAseStyleFilesWithExtraColumnsAndElementMasses() throws IOException {
        String text = """
                2
                Lattice="3.1856 0.0 0.0 0.0 3.1856 0.0 0.0 0.0 3.1856" Properties=species:S:1:pos:R:3:forces:R:3:id:I:1 energy=-25.3 pbc="T T T" note='two words'
                W       0.00000000       0.00000000       0.00000000  0.1 0.2 0.3 1
                W       1.59280000       1.59280000       1.59280000  0 0 0 2
                """;
        Structure s = parse(text);
        assertEquals(2, s.size());
        assertEquals(1, s.typeCount());
        assertEquals(183.84, s.massOfType(1));
        assertEquals(1.5928, s.y(1));
        assertEquals(Math.pow(3.1856, 3), s.cell().volume(), 1e-12);
        // The default Properties is species:S:1:pos:R:3; unknown species have no mass.
        Structure d = parse("1\nLattice=\"2 0 0 0 2 0 0 0 2\"\nQq 0.5 0.5 0.5\n");
        assertTrue(Double.isNaN(d.massOfType(1)));
        assertEquals(0.5, d.z(0));
    }

    @Test
    void badInputNamesFileAndLine() {
        String lattice = "Lattice=\"2 0 0 0 2 0 0 0 2\"";
        assertEquals("test.xyz:3: atom 1: 'abc' is not a number", error("2\n" + lattice + "\nW abc 0 0\nW 1 1 1\n"));
        assertEquals("test.xyz:3: expected 2 atom lines, the file ends after 1", error("2\n" + lattice + "\nW 0 0 0\n"));
        assertEquals("test.xyz:4: atom 2: has 3 fields, Properties names 4", error("2\n" + lattice + "\nW 0 0 0\nW 1 1\n"));
        assertEquals("test.xyz:2: Lattice: no Lattice=\"...\" on the comment line (periodic cells need one)", error("1\nProperties=species:S:1:pos:R:3\nW 0 0 0\n"));
        assertEquals("test.xyz:2: Lattice: expected 9 numbers, got 3", error("1\nLattice=\"2 2 2\"\nW 0 0 0\n"));
        assertTrue(error("1\nLattice=\"2 0 0 0 0 0 0 0 2\"\nW 0 0 0\n").startsWith("test.xyz:2: Lattice: cell has zero or negative volume"));
        assertTrue(error("1\nLattice=\"-2 0 0 0 2 0 0 0 2\"\nW 0 0 0\n").startsWith("test.xyz:2: Lattice: cell has zero or negative volume"));
        assertTrue(error("1\n" + lattice + " pbc=\"T T F\"\nW 0 0 0\n").contains("test.xyz:2: pbc: "));
        assertTrue(error("x\n").contains("test.xyz:1: atom count: 'x' is not a whole number"));
        assertTrue(error("1\n" + lattice + " Properties=species:S:1:pos:R\n").contains("Properties: 'species:S:1:pos:R' is not name:type:columns triples"));
        assertTrue(error("1\n" + lattice + " Properties=species:S:1:pos:R:3:masses:R:1\nW 0 0 0 -3\n").contains("masses must be positive"));
        assertTrue(error("1\n" + lattice + " Properties=species:S:1:pos:R:3\nW 0 0 Infinity\n").contains("not a finite number"));
        assertTrue(error("1\nLattice=\"2 0 0 0 2 0 0 0 2\n").contains("unclosed \""));
    }

    @Test
    void structureFilesChoosesByExtensionAndRefusesUnknownOnes(@TempDir Path dir) {
        assertEquals(StructureFiles.Format.LAMMPS_DATA, StructureFiles.format(Path.of("a/W-bcc.dat")));
        assertEquals(StructureFiles.Format.LAMMPS_DATA, StructureFiles.format(Path.of("w.LMP")));
        assertEquals(StructureFiles.Format.LAMMPS_DUMP, StructureFiles.format(Path.of("run.lammpstrj")));
        assertEquals(StructureFiles.Format.EXTENDED_XYZ, StructureFiles.format(Path.of("x.extxyz")));
        String e = assertThrows(BadInputException.class, () -> StructureFiles.read(Path.of("w.cif"))).getMessage();
        assertTrue(e.startsWith("w.cif: unknown structure format '.cif'"), e);
        String missing = assertThrows(BadInputException.class, () -> StructureFiles.read(dir.resolve("none.data"))).getMessage();
        assertTrue(missing.endsWith("none.data: no such file"), missing);
    }
}
