package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.output;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;

class InspectCommandTest {
    private static final String W_BCC = Path.of("..", "conf", "structures", "W-bcc.dat").toString();
    private static final double A = 12.742537224023346 / 4;

    @Test
    void jsonOfTheTungstenBccCell() throws Exception {
        CommandRun ran = run("inspect", "--structure", W_BCC, "--format", "json");
        assertEquals(0, ran.code(), ran.err());
        JsonNode j = new ObjectMapper().readTree(ran.out());
        assertEquals(128, j.get("natoms").asInt());
        assertEquals(4 * A, j.get("cell").get(0).get(0).asDouble(), 1e-12);
        assertEquals(0.0, j.get("cell").get(1).get(0).asDouble());
        assertEquals(A * A * A / 2, j.get("volumePerAtom").asDouble(), 1e-9);
        assertEquals(A * Math.sqrt(3) / 2, j.get("nearestNeighborDistance").asDouble(), 1e-9);
        double[][] shells = {{A * Math.sqrt(3) / 2, 8}, {A, 6}, {A * Math.sqrt(2), 12}};
        assertEquals(3, j.get("shells").size());
        for (int k = 0; k < 3; k++) {
            assertEquals(shells[k][0], j.get("shells").get(k).get("distance").asDouble(), 1e-9);
            assertEquals(shells[k][1], j.get("shells").get(k).get("count").asDouble(), 1e-12);
        }
        assertEquals(128, j.get("types").get("1").get("count").asInt());
        assertTrue(j.get("types").get("1").get("mass").isNull(), "the file has no Masses");
        assertTrue(j.get("density").isNull());
    }

    @Test
    void massOptionGivesTheDensityAndTextIsReadable() {
        CommandRun ran = run("inspect", "--structure", W_BCC, "--mass", "183.84");
        assertEquals(0, ran.code(), ran.err());
        String text = ran.out();
        assertTrue(text.contains("atoms              128"), text);
        assertTrue(text.contains("mass 183.8400 amu"), text);
        // 2 atoms of 183.84 amu per a³ with a = 3.1856 Å (the SNAP lattice): 18.886 g/cm³.
        double rho = 2 * 183.84 * 1.66053906660 / (A * A * A);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "density            %.4f g/cm³", rho)), text);
        assertTrue(text.contains("nearest neighbour  2.758"), text);
    }

    @Test
    void csvListsTheShells() {
        CommandRun ran = run("inspect", "--structure", W_BCC, "--format", "csv", "--shells", "2");
        assertEquals(0, ran.code(), ran.err());
        CsvRead csv = CsvRead.of(ran.out());
        CsvRead.Table shells = csv.tables.get("shells");
        assertEquals(java.util.List.of("shell", "distance", "count"), shells.names);
        assertEquals(java.util.Arrays.asList(null, "Å", null), shells.units);
        assertEquals(2, shells.rows.size());
        assertEquals(A * Math.sqrt(3) / 2, shells.number(0, "distance"), 1e-9);
        assertEquals(8.0, shells.number(0, "count"));
        assertEquals(6.0, shells.number(1, "count"));
    }

    /** Every number with its unit, and the same numbers in JSON, CSV and text. */
    @Test
    void unitsAndTheSameNumbersInEveryFormat() throws Exception {
        String[] args = {"inspect", "--structure", W_BCC, "--mass", "183.84", "--format"};
        JsonNode j = new ObjectMapper().readTree(output(args, "json"));
        assertEquals("inspect", j.get("command").asText());
        JsonNode units = j.get("units");
        assertEquals("Å", units.get("cell").asText());
        assertEquals("Å³", units.get("volume").asText());
        assertEquals("Å³/atom", units.get("volumePerAtom").asText());
        assertEquals("g/cm³", units.get("density").asText());
        assertEquals("amu", units.get("types.1.mass").asText());
        assertEquals("Å", units.get("nearestNeighborDistance").asText());
        assertEquals("Å", units.get("distance").asText());
        assertEquals(183.84, j.get("types").get("1").get("mass").asDouble());
        assertEquals(j.get("volume").asDouble() / 128, j.get("volumePerAtom").asDouble(), 1e-12);

        CsvRead.of(output(args, "csv")).assertHolds(j);

        String text = output(args, "text");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.6f", j.get("cell").get(2).get(2).asDouble())), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.4f g/cm³", j.get("density").asDouble())), text);
        assertTrue(text.contains("distance (Å)"), text);
    }

    @Test
    void badFileIsExitTwoWithOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.data");
        Files.writeString(bad, "title\n2 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nAtoms\n\n1 1 0 0 0\n2 1 abc 0 0\n");
        CommandRun ran = run("inspect", "--structure", bad.toString());
        assertEquals(2, ran.code());
        assertEquals("scoredos inspect: " + bad + ":11: atom 2: 'abc' is not a number", ran.err().strip());
        assertEquals("", ran.out());
    }

    @Test
    void everyKindOfBadFileIsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        String dumpHead = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 3\n0 3\n0 3\n";
        String[][] cases = {
            {"truncated.dump", dumpHead + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n", ":10: timestep 0: expected 2 atom lines"},
            {"flat.lammpstrj", dumpHead.replace("0 3\n0 3\n0 3", "0 3\n0 0\n0 3") + "ITEM: ATOMS x y z\n", ":7: timestep 0: BOX BOUNDS: box length along y"},
            {"nolattice.xyz", "1\nProperties=species:S:1:pos:R:3\nW 0 0 0\n", ":2: Lattice: no Lattice"},
            {"short.extxyz", "2\nLattice=\"3 0 0 0 3 0 0 0 3\"\nW 0 0 0\n", ":3: expected 2 atom lines"},
            {"noatoms.lmp", "t\n2 atoms\n1 atom types\n0 3 xlo xhi\n0 3 ylo yhi\n0 3 zlo zhi\n", ":6: no Atoms section"},
            {"negative.data", "t\n2 atoms\n1 atom types\n0 3 xlo xhi\n0 -3 ylo yhi\n", ":5: ylo yhi: box length must be positive"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve(c[0]);
            Files.writeString(file, c[1]);
            CommandRun ran = run("inspect", "--structure", file.toString());
            assertEquals(2, ran.code(), c[0]);
            String line = ran.err().strip();
            assertTrue(line.startsWith("scoredos inspect: " + file + c[2]), line);
            assertEquals(1, line.lines().count(), line);
            assertEquals("", ran.out());
        }
    }

    @Test
    void missingFileUnknownExtensionAndBadOptionsAreExitTwo(@TempDir Path dir) {
        CommandRun ran = run("inspect", "--structure", dir.resolve("none.data").toString());
        assertEquals(2, ran.code());
        assertTrue(ran.err().strip().endsWith("none.data: no such file"), ran.err());
        assertEquals(1, ran.err().strip().lines().count());
        assertEquals(2, run("inspect", "--structure", "W.cif").code());
        assertEquals(2, run("inspect", "--structure", W_BCC, "--mass", "heavy").code());
        assertEquals(2, run("inspect", "--structure", W_BCC, "--mass", "2=50").code());
        assertEquals(2, run("inspect", "--structure", W_BCC, "--shells", "0").code());
        assertEquals(2, run("inspect").code());
    }

    @Test
    void applyMassesFillsMissingAndOverridesNamedTypes() {
        double[] m = InspectCommand.applyMasses(new double[] {Double.NaN, 12.0, Double.NaN}, java.util.List.of("50", "2=13"));
        assertEquals(50, m[0]);
        assertEquals(13, m[1]);
        assertEquals(50, m[2]);
    }
}
