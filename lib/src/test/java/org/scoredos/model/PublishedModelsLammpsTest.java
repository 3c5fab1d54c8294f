package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scoredos.descriptor.TestStructures;
import org.scoredos.potential.Evaluation;
import org.scoredos.structure.Structure;

/**
 * Every supported model of the LAMMPS potential library, read from its {@code .snap} file (ZBL
 * overlays, element mapping and chemflag included), against LAMMPS on displaced, sheared and
 * compressed crystals ({@code lammps-reference/reference.json.gz}, made by LAMMPS with the
 * file's own lines): energy within 1e-6 eV, forces within 1e-6 eV/Å, virial pressure tensor
 * within 1e-3 GPa.
 */
class PublishedModelsLammpsTest {

    static List<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(PublishedModelsLammpsTest.class.getResourceAsStream("/lammps-reference/reference.json.gz"))) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) out.add(Arguments.of(c.get("model").asText(), c.get("structure").asText(), c.get("full")));
        return out;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void modelFileGivesLammpsEnergyForcesAndPressure(String model, String structure, JsonNode lammps) throws IOException {
        Structure s = TestStructures.resource("/lammps-reference/" + structure);
        Evaluation e = ModelFixtures.published(model.substring(0, model.length() - ".snap".length())).model().evaluate(s, true, true);
        assertEquals(lammps.get("energy").asDouble(), e.energy(), 1e-6, "energy, eV");
        JsonNode f = lammps.get("forces");
        assertEquals(s.size(), f.size());
        for (int i = 0; i < s.size(); i++) {
            for (int a = 0; a < 3; a++) assertEquals(f.get(i).get(a).asDouble(), e.forces()[3 * i + a], 1e-6, "force on atom " + (i + 1));
        }
        double[] p = e.pressureTensor(s.cell());
        for (int k = 0; k < 6; k++) assertEquals(lammps.get("pressureTensor").get(k).asDouble(), p[k], 1e-3, "pressure " + k + ", GPa");
    }
}
