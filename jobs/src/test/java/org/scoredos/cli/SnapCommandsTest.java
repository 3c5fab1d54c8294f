package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.output;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;

/** The descriptors and energy commands on the bundled tungsten files, and their bad-input paths. */
class SnapCommandsTest {
    private static final Path CONF = Path.of("..", "conf");
    private static final String BCC = CONF.resolve("structures/W-bcc.dat").toString();
    private static final String PARAMS = CONF.resolve("potentials/w-snap/D.snapparam").toString();
    private static final String COEFF = CONF.resolve("potentials/w-snap/X_W.snapcoeff").toString();

    @Test
    void energyOfTheBundledTungstenExampleIsLammps() throws IOException {
        CommandRun ran = run("energy", "--structure", BCC, "--coeff", COEFF, "--params", PARAMS, "--forces", "--format", "json");
        assertEquals(0, ran.code(), ran.err());
        JsonNode json = new ObjectMapper().readTree(ran.out());
        assertEquals(128, json.get("natoms").asInt());
        assertEquals(-544.12179, json.get("energy").asDouble(), 1e-5);
        assertEquals(128, json.get("forces").size());
        for (JsonNode f : json.get("forces")) {
            assertEquals(3, f.size());
            for (JsonNode c : f) assertEquals(0, c.asDouble(), 1e-9); // a perfect lattice
        }
    }

    @Test
    void energyTextAndCsv() {
        CommandRun ran = run("energy", "--structure", BCC, "--coeff", COEFF, "--params", PARAMS);
        assertEquals(0, ran.code());
        assertTrue(ran.out().startsWith("energy -544.121785"), ran.out());
        CommandRun ran2 = run("energy", "--structure", BCC, "--coeff", COEFF, "--params", PARAMS, "--format", "csv");
        assertEquals(0, ran2.code());
        CsvRead csv = CsvRead.of(ran2.out());
        assertEquals("128", csv.metadata.get("natoms"));
        assertEquals("eV", csv.metadataUnits.get("energy"));
        assertTrue(csv.metadata.get("energy").startsWith("-544.121785"), csv.metadata.toString());
        assertTrue(csv.tables.isEmpty(), "no forces asked for");
    }

    /** A vacancy cell (non-zero forces): JSON, CSV and text carry the same energy, forces and pressure, each with its unit. */
    @Test
    void energyHasUnitsAndTheSameNumbersInEveryFormat() throws IOException {
        String vacancy = CONF.resolve("structures/W-bcc-vacancy.dat").toString();
        String[] args = {"energy", "--structure", vacancy, "--coeff", COEFF, "--params", PARAMS, "--forces", "--stress", "--format"};
        JsonNode json = new ObjectMapper().readTree(output(args, "json"));
        assertEquals("energy", json.get("command").asText());
        assertEquals(COEFF, json.get("model").asText().split(" ")[1]);
        assertEquals(vacancy, json.get("structure").asText());
        JsonNode units = json.get("units");
        assertEquals("eV", units.get("energy").asText());
        assertEquals("eV/atom", units.get("energyPerAtom").asText());
        assertEquals("eV/Å", units.get("forces").asText());
        assertEquals("GPa", units.get("pressureTensor").asText());
        assertEquals(6, json.get("pressureTensor").size());
        assertEquals(json.get("natoms").asInt(), json.get("forces").size());
        double largest = 0;
        for (JsonNode f : json.get("forces")) largest = Math.max(largest, Math.abs(f.get(0).asDouble()));
        assertTrue(largest > 1e-3, "atoms next to the vacancy are pushed");

        CsvRead csv = CsvRead.of(output(args, "csv"));
        csv.assertHolds(json);
        assertEquals(List.of("eV/Å", "eV/Å", "eV/Å"), csv.tables.get("forces").units);

        List<String> text = output(args, "text").lines().toList();
        assertTrue(text.get(0).startsWith(String.format(java.util.Locale.ROOT, "energy %.10f eV", json.get("energy").asDouble())), text.get(0));
        assertTrue(text.get(1).contains(String.format(java.util.Locale.ROOT, "xx %.8f", json.get("pressureTensor").get(0).asDouble())), text.get(1));
        assertTrue(text.get(2).contains("fx (eV/Å)"), text.get(2));
        assertEquals(json.get("natoms").asInt() + 3, text.size());
        assertTrue(text.get(3).contains(String.format(java.util.Locale.ROOT, "%.10f", json.get("forces").get(0).get(0).asDouble())), text.get(3));
    }

    @Test
    void aPlainCoefficientListWorksForEnergy(@TempDir Path dir) throws IOException {
        List<String> snapcoeff = Files.readAllLines(Path.of(COEFF));
        Path theta = dir.resolve("theta.txt");
        Files.writeString(theta, String.join(" ", snapcoeff.subList(6, snapcoeff.size())));
        CommandRun ran = run("energy", "--structure", BCC, "--coeff", theta.toString(), "--params", PARAMS, "--format", "json");
        assertEquals(0, ran.code(), ran.err());
        assertEquals(-544.12179, new ObjectMapper().readTree(ran.out()).get("energy").asDouble(), 1e-5);
    }

    @Test
    void descriptorsAverageAndPerAtom() throws IOException {
        CommandRun ran = run("descriptors", "--structure", BCC, "--params", PARAMS, "--per-atom", "--format", "json");
        assertEquals(0, ran.code(), ran.err());
        JsonNode json = new ObjectMapper().readTree(ran.out());
        assertEquals(128, json.get("natoms").asInt());
        assertEquals(55, json.get("components").asInt());
        assertEquals(55, json.get("average").size());
        assertEquals(128, json.get("perAtom").size());
        // every site of a perfect bcc lattice is the same
        for (JsonNode atom : json.get("perAtom")) {
            for (int k = 0; k < 55; k++) assertEquals(json.get("average").get(k).asDouble(), atom.get(k).asDouble(), 1e-10);
        }
        // β·D times N is the energy
        List<String> snapcoeff = Files.readAllLines(Path.of(COEFF));
        double e = 0;
        for (int k = 0; k < 55; k++) e += Double.parseDouble(snapcoeff.get(6 + k).trim()) * json.get("average").get(k).asDouble();
        assertEquals(-544.12179, 128 * e, 1e-5);
    }

    @Test
    void descriptorsTakeRadiiFromACoefficientFile(@TempDir Path dir) throws IOException {
        CommandRun ran = run("descriptors", "--structure", BCC, "--params", PARAMS, "--coeff", COEFF, "--format", "json");
        assertEquals(0, ran.code());
        JsonNode same = new ObjectMapper().readTree(ran.out()).get("average");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(COEFF)));
        lines.set(4, "W 0.4 1.0"); // rcut 3.76 Å: the third shell (4.5 Å) drops out
        Path smaller = dir.resolve("small.snapcoeff");
        Files.write(smaller, lines);
        CommandRun ran2 = run("descriptors", "--structure", BCC, "--params", PARAMS, "--coeff", smaller.toString(), "--format", "json");
        assertEquals(0, ran2.code());
        JsonNode shorter = new ObjectMapper().readTree(ran2.out()).get("average");
        CommandRun ran3 = run("descriptors", "--structure", BCC, "--params", PARAMS, "--format", "json");
        assertEquals(0, ran3.code());
        JsonNode plain = new ObjectMapper().readTree(ran3.out()).get("average");
        assertEquals(plain, same);
        assertTrue(Math.abs(plain.get(1).asDouble() - shorter.get(1).asDouble()) > 1e-3);
    }

    @Test
    void descriptorsTextAndCsv() {
        CommandRun ran = run("descriptors", "--structure", BCC, "--params", PARAMS);
        assertEquals(0, ran.code());
        assertTrue(ran.out().contains("55 components"), ran.out());
        assertTrue(ran.out().lines().anyMatch(l -> l.matches(" +1 +0 +0 +0 +\\S+")), "component 1 is (2j1, 2j2, 2j) = (0, 0, 0): " + ran.out());
        CommandRun ran2 = run("descriptors", "--structure", BCC, "--params", PARAMS, "--format", "csv", "--per-atom");
        assertEquals(0, ran2.code());
        CsvRead csv = CsvRead.of(ran2.out());
        assertEquals(55, csv.tables.get("bispectrum").rows.size());
        CsvRead.Table atoms = csv.tables.get("perAtom");
        assertEquals(128, atoms.rows.size());
        assertEquals("B1", atoms.names.get(0));
        assertEquals(55, atoms.names.size());
    }

    /** The average and the per-atom matrix: the same numbers in JSON, CSV and text; the triples beside the averages. */
    @Test
    void descriptorsHaveTheSameNumbersInEveryFormat() throws IOException {
        String vacancy = CONF.resolve("structures/W-bcc-vacancy.dat").toString();
        String[] args = {"descriptors", "--structure", vacancy, "--params", PARAMS, "--per-atom", "--format"};
        JsonNode json = new ObjectMapper().readTree(output(args, "json"));
        assertEquals("descriptors", json.get("command").asText());
        assertEquals(PARAMS, json.get("model").asText());
        JsonNode table = json.get("bispectrum");
        for (int k = 0; k < 55; k++) assertEquals(json.get("average").get(k).asDouble(), table.get(k).get("average").asDouble(), 0.0);
        assertEquals(8, table.get(54).get("twoJ1").asInt(), "the last component of 2J = 8 is (8, 8, 8)");
        double mean = 0;
        for (JsonNode atom : json.get("perAtom")) mean += atom.get(3).asDouble() / json.get("natoms").asInt();
        assertEquals(json.get("average").get(3).asDouble(), mean, 1e-12);

        CsvRead.of(output(args, "csv")).assertHolds(json);

        String text = output(args, "text");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.15g", json.get("average").get(1).asDouble())), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.15g", json.get("perAtom").get(0).get(54).asDouble())), text);
    }

    @Test
    void coefficientCountNotMatchingTwojmaxIsBadInput(@TempDir Path dir) throws IOException {
        Path six = dir.resolve("six.snapparam");
        Files.writeString(six, "rcutfac 4.7\ntwojmax 6\n");
        CommandRun ran = run("energy", "--structure", BCC, "--coeff", COEFF, "--params", six.toString());
        assertEquals(2, ran.code());
        assertOneLine(ran, "needs 31");
    }

    @Test
    void nonNumericCoefficientIsBadInput(@TempDir Path dir) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(COEFF)));
        lines.set(20, "0.0x1");
        Path bad = dir.resolve("bad.snapcoeff");
        Files.write(bad, lines);
        CommandRun ran = run("energy", "--structure", BCC, "--coeff", bad.toString(), "--params", PARAMS);
        assertEquals(2, ran.code());
        assertOneLine(ran, "bad.snapcoeff:21: coefficient: '0.0x1' is not a finite number");
    }

    @Test
    void negativeCutoffIsBadInput(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("neg.snapparam");
        Files.writeString(p, "rcutfac -4.7\ntwojmax 8");
        CommandRun ran = run("descriptors", "--structure", BCC, "--params", p.toString());
        assertEquals(2, ran.code());
        assertOneLine(ran, "neg.snapparam:1: rcutfac: must be positive");
    }

    @Test
    void atomsTooCloseAreBadInputNotNaN(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("close.data");
        Files.writeString(data, "two atoms\n\n2 atoms\n1 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\n"
                + "Atoms # atomic\n\n1 1 5 5 5\n2 1 5 5 5.05\n");
        CommandRun ran = run("energy", "--structure", data.toString(), "--coeff", COEFF, "--params", PARAMS);
        assertEquals(2, ran.code());
        assertOneLine(ran, "only 0.05");
    }

    @Test
    void missingFilesAreBadInput() {
        assertEquals(2, run("descriptors", "--structure", BCC, "--params", "no-such.snapparam").code());
        assertEquals(2, run("energy", "--structure", "none.dat", "--coeff", COEFF, "--params", PARAMS).code());
        assertEquals(2, run("energy", "--structure", BCC, "--params", PARAMS).code()); // --coeff missing
    }

    private static void assertOneLine(CommandRun ran, String fragment) {
        String e = ran.err();
        assertTrue(e.contains(fragment), e);
        assertEquals(1, e.lines().count(), e);
        assertEquals("", ran.out());
    }
}
