package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/**
 * The pure-SNAP part of every SNAP-family model of the LAMMPS potential library, read from its
 * {@code .snapcoeff} and {@code .snapparam} files, against LAMMPS's {@code pair_style snap} on
 * displaced, sheared and compressed crystals (test resources {@code lammps-reference/}, made by
 * its {@code make_reference.py}). The model files come from the potential library itself
 * ({@code lammps-data}); without it the test is skipped.
 */
class SnapPotentialLibraryTest {
    static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");
    private static final double ENERGY_TOLERANCE = 1e-6; // eV
    private static final double FORCE_TOLERANCE = 1e-6;  // eV/Å

    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = new GZIPInputStream(SnapPotentialLibraryTest.class.getResourceAsStream("/lammps-reference/reference.json.gz"))) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    static Stream<String> models() throws IOException {
        readReference();
        TreeSet<String> models = new TreeSet<>();
        for (JsonNode c : reference.get("cases")) models.add(c.get("model").asText());
        return models.stream();
    }

    @Test
    void everySupportedModelOfTheLibraryHasReferenceValues() throws IOException {
        assumeTrue(Files.isDirectory(POTENTIALS), "the LAMMPS potential library (lammps-data) is not installed at " + POTENTIALS);
        List<String> library = new ArrayList<>();
        try (Stream<Path> files = Files.list(POTENTIALS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".snap")).forEach(library::add);
        }
        // the one .snap file that is no SNAP model: it overlays a tabulated W–He pair potential
        library.remove("W_2940_2017_2_He_JW2013.snap");
        assertEquals(17, library.size(), library.toString());
        assertEquals(new TreeSet<>(library), new TreeSet<>(models().toList()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void pureSnapEnergyAndForcesAreLammps(String model) throws IOException {
        assumeTrue(Files.isDirectory(POTENTIALS), "the LAMMPS potential library (lammps-data) is not installed at " + POTENTIALS);
        String stem = model.substring(0, model.length() - ".snap".length());
        SnapParameters params = SnapParameterReader.read(POTENTIALS.resolve(stem + ".snapparam"));
        SnapCoefficients coefficients = SnapCoefficientReader.read(POTENTIALS.resolve(stem + ".snapcoeff"), params);
        LinearSnapPotential snap = LinearSnapPotential.of(params, coefficients);
        int cases = 0;
        for (JsonNode c : reference.get("cases")) {
            if (!c.get("model").asText().equals(model)) continue;
            cases++;
            String where = model + " on " + c.get("structure").asText();
            JsonNode elements = c.get("elements");
            for (int t = 1; t <= elements.size(); t++) {
                assertEquals(elements.get(t - 1).asText(), coefficients.element(t).name(), where + ": type " + t);
            }
            Structure s = TestStructures.resource("/lammps-reference/" + c.get("structure").asText());
            double[] f = new double[3 * s.size()];
            double e = snap.energyAndForces(s, f);
            JsonNode lammps = c.get("snap");
            assertEquals(lammps.get("energy").asDouble(), e, ENERGY_TOLERANCE, where + ": energy (eV)");
            JsonNode forces = lammps.get("forces");
            assertEquals(s.size(), forces.size());
            for (int i = 0; i < s.size(); i++) {
                for (int d = 0; d < 3; d++) {
                    assertEquals(forces.get(i).get(d).asDouble(), f[3 * i + d], FORCE_TOLERANCE,
                            where + ": force on atom " + (i + 1) + ", component " + "xyz".charAt(d) + " (eV/Å)");
                }
            }
        }
        assertTrue(cases >= 2, model + " has " + cases + " reference structures");
    }
}
