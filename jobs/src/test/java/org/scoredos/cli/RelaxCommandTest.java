package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.FireRelaxation;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;

/** {@code scoredos relax} on a 53-atom W vacancy cell with the bundled SNAP. */
class RelaxCommandTest {
    private static final String COEFF = "../conf/potentials/w-snap/X_W.snapcoeff";
    private static final String PARAMS = "../conf/potentials/w-snap/D.snapparam";

    @TempDir
    Path dir;
    private Path vacancy;

    @BeforeEach
    void vacancyCell() throws IOException {
        Structure perfect = Lattices.bcc(3.18563, 3, 3, 3);
        double[] all = perfect.positions();
        int n = perfect.size() - 1;
        double[] x = new double[3 * n];
        System.arraycopy(all, 3, x, 0, 3 * n); // atom 0 removed
        int[] types = new int[n];
        java.util.Arrays.fill(types, 1);
        vacancy = dir.resolve("W-vac-53.data");
        LammpsDataWriter.write(new Structure(perfect.cell(), x, types, new double[] {183.84}), vacancy, "W vacancy, unrelaxed");
    }

    /** The outcome with units, the same numbers in JSON, CSV (its # lines) and text. */
    @Test
    void unitsAndTheSameNumbersInEveryFormat() throws IOException {
        Path out = dir.resolve("relaxed.data");
        JsonNode json = null;
        String csv = null, text = null;
        for (String format : new String[] {"json", "csv", "text"}) {
            CommandRun r = run("relax", "--structure", vacancy.toString(), "--coeff", COEFF, "--params", PARAMS, "--out", out.toString(),
                    "--force-tolerance", "1e-3", "--format", format);
            assertEquals(0, r.code(), r.err());
            if (format.equals("json")) json = new ObjectMapper().readTree(r.out());
            else if (format.equals("csv")) csv = r.out();
            else text = r.out();
        }
        assertEquals("relax", json.get("command").asText());
        JsonNode units = json.get("units");
        for (String energy : new String[] {"initialEnergy", "energy", "relaxationEnergy"}) assertEquals("eV", units.get(energy).asText());
        assertEquals("eV/Å", units.get("maxForce").asText());
        assertTrue(json.get("maxForce").asDouble() < 1e-3);
        assertEquals(json.get("energy").asDouble() - json.get("initialEnergy").asDouble(), json.get("relaxationEnergy").asDouble(), 1e-12);
        CsvRead.of(csv).assertHolds(json);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "energy %.10f eV", json.get("energy").asDouble())), text);
    }

    @Test
    void relaxedCellIsWrittenWithForcesBelowTheTolerance() throws IOException {
        Path out = dir.resolve("relaxed.data");
        CommandRun r = run("relax", "--structure", vacancy.toString(), "--coeff", COEFF, "--params", PARAMS, "--out", out.toString(),
                "--force-tolerance", "1e-5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(53, json.get("natoms").asInt());
        assertTrue(json.get("converged").asBoolean());
        assertTrue(json.get("energy").asDouble() < json.get("initialEnergy").asDouble());
        assertTrue(r.err().contains("relax: step "), r.err());

        SnapParameters p = SnapParameterReader.read(Path.of(PARAMS));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(Path.of(COEFF), p));
        Structure relaxed = StructureFiles.read(out);
        assertEquals(53, relaxed.size());
        assertEquals(183.84, relaxed.massOfType(1));
        double[] f = new double[3 * relaxed.size()];
        double e = snap.energyAndForces(relaxed, f);
        assertTrue(FireRelaxation.maxForce(f) < 1e-5, "max |F| of the file " + FireRelaxation.maxForce(f));
        assertEquals(json.get("energy").asDouble(), e, 1e-9);
    }

    @Test
    void nonConvergenceIsRefusedAndWritesNothing() throws IOException {
        Path out = dir.resolve("relaxed.data");
        CommandRun r = run("relax", "--structure", vacancy.toString(), "--coeff", COEFF, "--params", PARAMS, "--out", out.toString(),
                "--max-steps", "2");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("relaxation did not converge in 2 steps: largest force"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));

        CommandRun bad = run("relax", "--structure", vacancy.toString(), "--coeff", COEFF, "--params", PARAMS, "--out", out.toString(),
                "--force-tolerance", "-1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--force-tolerance"), bad.err());
        CommandRun self = run("relax", "--structure", vacancy.toString(), "--coeff", COEFF, "--params", PARAMS, "--out", vacancy.toString());
        assertEquals(2, self.code());
        assertTrue(self.err().contains("is the --structure input"), self.err());
    }
}
