package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoredos.descriptor.SnapElement;
import org.scoredos.io.BadInputException;

/** LAMMPS potential-library files as models: the published ones, and the syntax they use. */
class LammpsModelFileTest {

    @ParameterizedTest
    @CsvSource({
        "Mo_Chen_PRM2017, Mo, 0, 0",
        "Ta06A, Ta, 4.8, 73",
        "W_2940_2017_2, W, 4.8, 74",
        "WBe_Wood_PRB2019, W Be, 4.8, 74",
        "InP_JCPA2020, In P, 4.2, 49",
        "Cu_Zuo_JPCA2020, Cu, 0, 0",
        "Cu_Zuo_JPCA2020.quadratic, Cu, 0, 0",
        "Ni_Zuo_JPCA2020, Ni, 0, 0",
        "Ni_Zuo_JPCA2020.quadratic, Ni, 0, 0",
        "Li_Zuo_JPCA2020, Li, 0, 0",
        "Li_Zuo_JPCA2020.quadratic, Li, 0, 0",
        "Mo_Zuo_JPCA2020, Mo, 0, 0",
        "Mo_Zuo_JPCA2020.quadratic, Mo, 0, 0",
        "Si_Zuo_JPCA2020, Si, 0, 0",
        "Si_Zuo_JPCA2020.quadratic, Si, 0, 0",
        "Ge_Zuo_JPCA2020, Ge, 0, 0",
        "Ge_Zuo_JPCA2020.quadratic, Ge, 0, 0",
    })
    void publishedModelsRead(String name, String elements, double zblOuter, double z1) throws IOException {
        ModelDescription m = ModelFixtures.published(name);
        assertEquals(List.of(elements.split(" ")), m.elements().stream().map(SnapElement::name).toList());
        assertEquals(name.endsWith("quadratic"), m.snap().quadratic());
        if (zblOuter == 0) {
            assertEquals(List.of(), m.fixedTerms());
        } else {
            assertEquals(4.0, zbl(m).inner(), 0);
            assertEquals(zblOuter, zbl(m).outer(), 0);
            assertEquals(z1, zbl(m).charge()[0][0][0], 0);
            for (double[][] row : zbl(m).charge()) for (double[] z : row) assertNotNull(z, "every type pair has ZBL");
        }
        int n = m.elements().size();
        assertEquals(n * m.snap().descriptorCount(n) + m.fixedTerms().size(), m.model().featureCount());
    }

    @Test
    void tableStyleIsRefusedWithItsLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ModelFixtures.published("W_2940_2017_2_He_JW2013"));
        assertTrue(e.getMessage().contains("W_2940_2017_2_He_JW2013.snap:10: pair_style: sub-style 'table'"), e.getMessage());
    }

    @Test
    void variablesContinuationsAndThePotentialsDirectory(@TempDir Path dir) throws IOException {
        Path library = Files.createDirectories(dir.resolve("library"));
        for (String ext : List.of(".snapcoeff", ".snapparam")) {
            Files.copy(ModelFixtures.POTENTIALS.resolve("WBe_Wood_PRB2019" + ext), library.resolve("WBe" + ext));
        }
        Path model = dir.resolve("mine.snap");
        Files.writeString(model, String.join("\n",
                "# two types, the order of the elements swapped",
                "variable in index 3.5",
                "variable in index 9     # an index variable keeps its first value",
                "variable z equal 4",
                "pair_style hybrid/overlay &",
                "  zbl ${in} 4.6 snap",
                "pair_coeff * * zbl $z $z",
                "pair_coeff 1 2 zbl 4 74",
                "pair_coeff 2* 2 zbl 74 74",
                "pair_coeff * * snap WBe.snapcoeff WBe.snapparam &",
                "  Be W"));
        assertThrows(BadInputException.class, () -> LammpsModelFile.read(model, null), "not next to the file, no LAMMPS_POTENTIALS");
        ModelDescription m = LammpsModelFile.read(model, library);
        assertEquals(List.of("Be", "W"), m.elements().stream().map(SnapElement::name).toList());
        assertEquals(3.5, zbl(m).inner(), 0);
        assertEquals(4.6, zbl(m).outer(), 0);
        assertEquals(List.of(4.0, 4.0), List.of(zbl(m).charge()[0][0][0], zbl(m).charge()[0][0][1]));
        assertEquals(List.of(4.0, 74.0), List.of(zbl(m).charge()[0][1][0], zbl(m).charge()[0][1][1]));
        assertEquals(List.of(74.0, 74.0), List.of(zbl(m).charge()[1][1][0], zbl(m).charge()[1][1][1]));
    }

    @Test
    void anythingElseIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.copy(ModelFixtures.POTENTIALS.resolve("Ta06A.snapcoeff"), dir.resolve("Ta06A.snapcoeff"));
        Files.copy(ModelFixtures.POTENTIALS.resolve("Ta06A.snapparam"), dir.resolve("Ta06A.snapparam"));
        String snap = "pair_coeff * * Ta06A.snapcoeff Ta06A.snapparam Ta";
        refused(dir, "pair_style snap\nmass 1 180.9\n" + snap, ":2: mass: command not supported");
        refused(dir, "pair_style eam\n" + snap, ":1: pair_style: 'eam' not supported");
        refused(dir, "variable a equal 2*3\npair_style snap\n" + snap, ":1: a: '2*3' is not a finite number");
        refused(dir, "pair_style snap\npair_coeff * * ${f}.snapcoeff x Ta", ":2: $f: variable not defined");
        refused(dir, "pair_style snap\npair_coeff * * Ta06A.snapcoeff Ta06A.snapparam Nb", ":2: element Nb: not in the model");
        refused(dir, "pair_style snap\npair_coeff * * Ta06A.snapcoeff Ta06A.snapparam Ta NULL", ":2: NULL: a type without SNAP");
        refused(dir, "pair_style snap\npair_coeff * * missing.snapcoeff Ta06A.snapparam Ta", ":2: missing.snapcoeff: file not found");
        refused(dir, "pair_style hybrid/overlay zbl 4 4.8 snap\npair_coeff 2 1 zbl 73 73\npair_coeff * * snap "
                + snap.substring(15), ":2: pair_coeff: type range '2' outside");
        refused(dir, "pair_style hybrid/overlay zbl 4 4.8 snap\npair_coeff 1 1 zbl 73 74\npair_coeff * * snap "
                + snap.substring(15), ":2: zbl: type 1 with itself needs Z1 = Z2");
        refused(dir, "pair_style snap\n", "pair_coeff: no 'pair_coeff * * snap");
    }

    private static void refused(Path dir, String text, String expected) throws IOException {
        Path file = dir.resolve("m.snap");
        Files.writeString(file, text);
        BadInputException e = assertThrows(BadInputException.class, () -> LammpsModelFile.read(file, null));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    /** The model's one fixed term, ZBL. */
    private static ZblSettings zbl(ModelDescription m) {
        assertEquals(1, m.fixedTerms().size());
        return (ZblSettings) m.fixedTerms().get(0);
    }
}
