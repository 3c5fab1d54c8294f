package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.structure.Cell;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/** Published LAMMPS model files through the command line: energy, forces and stress, ZBL included, and refusals. */
class ModelFileCommandsTest {
    private static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");

    /** A 16-atom bcc tantalum crystal, compressed (ZBL pairs inside 4.8 Å), sheared by {@code xy}, rattled, then strained by xx. */
    private static Path tantalum(Path dir, String name, double xx, double xy) throws IOException {
        Structure s = Lattices.bcc(3.05, 2, 2, 2);
        double[][] h = s.cell().matrix();
        // the strain acts on the sheared cell: F = (1 + xx e_x e_x) · F₀, F₀ = the shear
        double[][] f = {{1 + xx, (1 + xx) * xy, 0}, {0, 1, 0.02}, {0, 0, 1}};
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) g[i][a] += f[a][b] * h[i][b];
        Random rng = new Random(3);
        double[] p = s.positions();
        double[] q = new double[p.length];
        for (int k = 0; k < p.length; k += 3) {
            double[] x = {p[k] + 0.1 * rng.nextGaussian(), p[k + 1] + 0.1 * rng.nextGaussian(), p[k + 2] + 0.1 * rng.nextGaussian()};
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) q[k + a] += f[a][b] * x[b];
        }
        Path file = dir.resolve(name);
        LammpsDataWriter.write(new Structure(new Cell(g, null), q, s.types(), new double[] {180.95}), file, "Ta");
        return file;
    }

    private JsonNode energy(String... args) throws IOException {
        CommandRun ran = run(args);
        assertEquals(0, ran.code(), ran.err());
        return new ObjectMapper().readTree(ran.out());
    }

    @Test
    void stressOfAZblModelIsTheStrainDerivativeOfItsEnergy(@TempDir Path dir) throws IOException {
        String model = POTENTIALS.resolve("Ta06A.snap").toString();
        JsonNode json = energy("energy", "--model", model, "--structure", tantalum(dir, "ta.data", 0, 0.03).toString(),
                "--forces", "--stress", "--format", "json");
        JsonNode p = json.get("pressureTensor");
        assertEquals(6, p.size());
        assertEquals(16, json.get("forces").size());
        double h = 1e-5;
        double up = energy("energy", "--model", model, "--structure", tantalum(dir, "up.data", h, 0.03).toString(), "--format", "json")
                .get("energy").asDouble();
        double down = energy("energy", "--model", model, "--structure", tantalum(dir, "down.data", -h, 0.03).toString(), "--format", "json")
                .get("energy").asDouble();
        double volume = Math.pow(2 * 3.05, 3);
        double pxx = -(up - down) / (2 * h) / volume * Units.GPA_PER_EV_PER_A3;
        assertTrue(Math.abs(pxx) > 1, "a compressed crystal is under GPa pressures: " + pxx);
        assertEquals(pxx, p.get(0).asDouble(), 1e-5 * Math.abs(pxx));
    }

    @Test
    void energyForcesAndStressOfAPublishedModelAreLammps() throws IOException {
        Path reference = Path.of("..", "lib", "src", "test", "resources", "lammps-reference");
        JsonNode lammps = null;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(reference.resolve("reference.json.gz")))) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("model").asText().equals("Ta06A.snap") && c.get("structure").asText().equals("structures/Ta-sheared.data")) {
                    lammps = c.get("full");
                }
            }
        }
        JsonNode json = energy("energy", "--model", POTENTIALS.resolve("Ta06A.snap").toString(), "--structure",
                reference.resolve("structures/Ta-sheared.data").toString(), "--forces", "--stress", "--format", "json");
        assertEquals(lammps.get("energy").asDouble(), json.get("energy").asDouble(), 1e-6);
        for (int i = 0; i < json.get("forces").size(); i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(lammps.get("forces").get(i).get(a).asDouble(), json.get("forces").get(i).get(a).asDouble(), 1e-6);
            }
        }
        for (int k = 0; k < 6; k++) {
            assertEquals(lammps.get("pressureTensor").get(k).asDouble(), json.get("pressureTensor").get(k).asDouble(), 1e-3);
        }
    }

    @Test
    void theZblOverlayIsPartOfTheModel(@TempDir Path dir) throws IOException {
        String structure = tantalum(dir, "ta.data", 0, 0).toString();
        double withZbl = energy("energy", "--model", POTENTIALS.resolve("Ta06A.snap").toString(), "--structure", structure,
                "--format", "json").get("energy").asDouble();
        double snapOnly = energy("energy", "--params", POTENTIALS.resolve("Ta06A.snapparam").toString(), "--coeff",
                POTENTIALS.resolve("Ta06A.snapcoeff").toString(), "--structure", structure, "--format", "json").get("energy").asDouble();
        assertTrue(withZbl - snapOnly > 1e-3, "ZBL repels: " + withZbl + " vs " + snapOnly);
    }

    @Test
    void harmonicFreeEnergyOfAModelFileIsThatOfItsParameterAndCoefficientFiles(@TempDir Path dir) throws IOException {
        Path mo = dir.resolve("mo.data");
        LammpsDataWriter.write(Lattices.bcc(3.16, 2, 2, 2).withMassByType(new double[] {95.95}), mo, "Mo");
        JsonNode viaModel = energy("harmonic", "--model", POTENTIALS.resolve("Mo_Chen_PRM2017.snap").toString(), "--structure",
                mo.toString(), "--temperatures", "300,1000", "--format", "json");
        JsonNode viaFiles = energy("harmonic", "--params", POTENTIALS.resolve("Mo_Chen_PRM2017.snapparam").toString(), "--coeff",
                POTENTIALS.resolve("Mo_Chen_PRM2017.snapcoeff").toString(), "--structure", mo.toString(), "--temperatures", "300,1000",
                "--format", "json");
        assertEquals(viaFiles.get("results").toString(), viaModel.get("results").toString());
        assertTrue(viaModel.get("omegaBar").asDouble() > 0);
        assertEquals(2, run("harmonic", "--model", POTENTIALS.resolve("Mo_Chen_PRM2017.snap").toString(), "--coeff", "x", "--params", "y",
                "--structure", mo.toString(), "--temperatures", "300").code());
    }

    @Test
    void descriptorsOfAModelFile() throws IOException {
        JsonNode json = energy("descriptors", "--model", POTENTIALS.resolve("Mo_Chen_PRM2017.snap").toString(), "--structure",
                Path.of("..", "conf", "structures", "W-bcc.dat").toString(), "--format", "json");
        assertEquals(30, json.get("components").asInt()); // twojmax 6
    }

    @Test
    void estimationTakesThetaFromAModelFileWithoutFixedTerms(@TempDir Path dir) throws IOException {
        Path store = Path.of(getClass().getResource("/bad-inputs/companions/w-tiny-store").getPath());
        Path theta = store.resolveSibling("theta.txt");
        java.nio.file.Files.writeString(dir.resolve("tiny.snapparam"), "rcutfac 4.7\ntwojmax 1\n"); // 2 components, as the store
        java.nio.file.Files.writeString(dir.resolve("tiny.snapcoeff"), "1 3\nX 0.5 1.0\n0.0\n0.01\n-0.02\n");
        Path model = dir.resolve("tiny.snap");
        java.nio.file.Files.writeString(model, "pair_style snap\npair_coeff * * tiny.snapcoeff tiny.snapparam X\n");
        JsonNode fromModel = energy("estimate", "--summaries", store.toString(), "--model", model.toString(), "--temperatures", "300",
                "--format", "json");
        JsonNode fromCoeff = energy("estimate", "--summaries", store.toString(), "--coeff", theta.toString(), "--temperatures", "300",
                "--format", "json");
        assertEquals(fromCoeff.get("results").toString(), fromModel.get("results").toString());

        java.nio.file.Files.writeString(model, "pair_style hybrid/overlay zbl 4 4.8 snap\npair_coeff 1 1 zbl 74 74\n"
                + "pair_coeff * * snap tiny.snapcoeff tiny.snapparam X\n");
        CommandRun ran = run("estimate", "--summaries", store.toString(), "--model", model.toString(), "--temperatures", "300");
        assertEquals(2, ran.code());
        // a store sampled without fixed terms has no ZBL component for θ's model to use
        assertTrue(ran.err().contains(model + ": fixed terms [zbl inner=4.0 outer=4.8 1-1:74.0,74.0] of the model θ comes from")
                && ran.err().contains("was sampled with none"), ran.err());
        assertEquals(1, ran.err().strip().lines().count(), ran.err());
        CommandRun ran2 = run("estimate", "--summaries", store.toString(), "--model", model.toString(), "--coeff", theta.toString(),
                "--temperatures", "300");
        assertEquals(2, ran2.code());
        assertTrue(ran2.err().contains("give θ as --coeff FILE or --model FILE.snap"), ran2.err());
    }

    @Test
    void unsupportedModelsAndMixedOptionsAreBadInput() {
        String he = POTENTIALS.resolve("W_2940_2017_2_He_JW2013.snap").toString();
        String bcc = Path.of("..", "conf", "structures", "W-bcc.dat").toString();
        CommandRun ran = run("energy", "--model", he, "--structure", bcc);
        assertEquals(2, ran.code());
        assertTrue(ran.err().contains(he + ":10: pair_style: sub-style 'table' not supported"), ran.err());
        assertEquals(1, ran.err().lines().count(), ran.err());
        CommandRun ran2 = run("energy", "--model", POTENTIALS.resolve("Ta06A.snap").toString(), "--params", "x", "--structure", bcc);
        assertEquals(2, ran2.code());
        assertTrue(ran2.err().contains("--model replaces --params and --coeff"), ran2.err());
        CommandRun ran3 = run("energy", "--structure", bcc);
        assertEquals(2, ran3.code());
        assertTrue(ran3.err().contains("a model is needed"), ran3.err());
    }
}
