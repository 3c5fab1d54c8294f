package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.ExtendedXyzReader;
import org.scoredos.structure.Structure;

/**
 * Structure species are matched to a model's elements by name ({@link ModelDescription#typed}):
 * the W–Be model of the LAMMPS library gives the same energy whichever species an extended XYZ
 * file lists first, the same as a LAMMPS data file typed as its pair_coeff line says, and a
 * species the model lacks is refused naming the file.
 */
class ModelTypingTest {
    private static final Structure CRYSTAL = ModelFixtures.crystal(false, 3.18, 2, 0.1, 2, 11); // types 1 = W, 2 = Be

    @Test
    void extendedXyzSpeciesAreMatchedByNameWhicheverComesFirst() throws IOException {
        ModelDescription model = ModelFixtures.published("WBe_Wood_PRB2019");
        double lammps = model.model().energy(CRYSTAL); // type 1 = W, type 2 = Be, as pair_coeff says
        Structure wFirst = xyz(CRYSTAL, 0);
        Structure beFirst = xyz(CRYSTAL, 1);
        assertEquals("Be", beFirst.speciesOfType(1), "the reader numbers species by first appearance");
        // read as numbered, the Be-first file swaps the elements: a different (wrong) energy
        assertTrue(Math.abs(model.model().energy(beFirst) - lammps) > 1e-3);
        assertEquals(lammps, model.model().energy(model.typed(wFirst, "w.xyz")), 1e-9 * Math.abs(lammps));
        assertEquals(lammps, model.model().energy(model.typed(beFirst, "be.xyz")), 1e-9 * Math.abs(lammps));
        Structure typed = model.typed(beFirst, "be.xyz");
        assertEquals("W", typed.speciesOfType(1));
        assertEquals(183.84, typed.massOfType(1), 1e-9);
        assertEquals(9.0122, typed.massOfType(2), 1e-9);
    }

    @Test
    void pureSnapModelsMatchByTheCoefficientFilesNamesAndElementsOptionRenamesTypes() throws IOException {
        ModelDescription snap = ModelFiles.snap(ModelFixtures.POTENTIALS.resolve("WBe_Wood_PRB2019.snapparam"),
                ModelFixtures.POTENTIALS.resolve("WBe_Wood_PRB2019.snapcoeff"));
        Structure beFirst = xyz(CRYSTAL, 1);
        double expected = snap.model().energy(CRYSTAL);
        assertEquals(expected, snap.model().energy(snap.typed(beFirst, "be.xyz")), 1e-9 * Math.abs(expected));
        // a LAMMPS file whose type 1 is Be: --elements Be,W says so
        int[] swapped = CRYSTAL.types();
        for (int i = 0; i < swapped.length; i++) swapped[i] = 3 - swapped[i];
        Structure beIsType1 = new Structure(CRYSTAL.cell(), CRYSTAL.positions(), swapped, new double[] {9.0122, 183.84});
        ModelDescription beW = snap.withTypes(List.of("Be", "W"), "--elements");
        assertSame(beIsType1, beW.typed(beIsType1, "be.data"), "unnamed types stay as they are");
        assertEquals(expected, beW.model().energy(beIsType1), 1e-9 * Math.abs(expected));
    }

    @Test
    void aSpeciesTheModelLacksIsRefusedNamingTheFileAndElement() throws IOException {
        ModelDescription model = ModelFixtures.published("WBe_Wood_PRB2019");
        String feFile = xyzText(CRYSTAL, 0).replace("\nBe ", "\nFe ");
        Structure fe = ExtendedXyzReader.read(new StringReader(feFile), "wfe.xyz");
        BadInputException e = assertThrows(BadInputException.class, () -> model.typed(fe, "wfe.xyz"));
        assertTrue(e.getMessage().startsWith("wfe.xyz: element Fe: not in the model"), e.getMessage());
        assertTrue(e.getMessage().contains("W, Be"), e.getMessage());
        BadInputException option = assertThrows(BadInputException.class, () -> model.withTypes(List.of("W", "Mo"), "--elements"));
        assertTrue(option.getMessage().startsWith("--elements: element Mo: not in the model"), option.getMessage());
        Structure threeTypes = new Structure(CRYSTAL.cell(), CRYSTAL.positions(), CRYSTAL.types(), new double[] {1, 2, 3});
        int[] t = CRYSTAL.types();
        t[0] = 3;
        Structure usesType3 = new Structure(CRYSTAL.cell(), CRYSTAL.positions(), t, new double[] {1, 2, 3});
        assertSame(threeTypes, model.typed(threeTypes, "a.data"));
        BadInputException types = assertThrows(BadInputException.class, () -> model.typed(usesType3, "a.data"));
        assertTrue(types.getMessage().startsWith("a.data: atoms of type 3, but the model"), types.getMessage());
    }

    @Test
    void framesThatChangeSpeciesAreFound() throws IOException {
        Structure w = xyz(CRYSTAL, 0);
        Structure fe = ExtendedXyzReader.read(new StringReader(xyzText(CRYSTAL, 0).replace("\nW ", "\nFe ")), "fe.xyz");
        assertEquals(-1, w.firstSpeciesChange(w.types(), w.speciesByType()));
        assertEquals(0, fe.firstSpeciesChange(w.types(), w.speciesByType()), "atom 1 is W, then Fe");
    }

    /** The crystal as an extended XYZ file (type 1 = W, 2 = Be) whose atom lines start at atom {@code first}. */
    private static Structure xyz(Structure s, int first) throws IOException {
        return ExtendedXyzReader.read(new StringReader(xyzText(s, first)), "crystal.xyz");
    }

    private static String xyzText(Structure s, int first) {
        StringBuilder b = new StringBuilder().append(s.size()).append('\n').append("Lattice=\"");
        for (int i = 0; i < 3; i++) for (double x : s.cell().vector(i)) b.append(String.format(Locale.ROOT, "%.17g ", x));
        b.setLength(b.length() - 1);
        b.append("\" Properties=species:S:1:pos:R:3\n");
        for (int k = 0; k < s.size(); k++) {
            int i = (first + k) % s.size();
            b.append(s.type(i) == 1 ? "W" : "Be").append(String.format(Locale.ROOT, " %.17g %.17g %.17g%n", s.x(i), s.y(i), s.z(i)));
        }
        return b.toString();
    }
}
