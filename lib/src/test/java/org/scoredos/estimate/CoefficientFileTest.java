package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;

class CoefficientFileTest {

    @Test
    void snapcoeffDropsBeta0AndRoundTrips(@TempDir Path dir) throws Exception {
        CoefficientFile c = CoefficientFile.read(IronCampaigns.resource("X_Fe.snapcoeff"), 55);
        assertArrayEquals(IronCampaigns.thetaRef(), c.theta(), 0);
        assertEquals(0.0, c.beta0());
        assertEquals("X 0.5 1.0", c.element());
        double[] tuned = c.theta().clone();
        tuned[3] += 1e-4;
        Path out = dir.resolve("tuned.snapcoeff");
        c.writeSnapcoeff(out, tuned, "tuned");
        CoefficientFile back = CoefficientFile.read(out, 55);
        assertArrayEquals(tuned, back.theta(), 0);
        assertTrue(Files.readString(out).startsWith("#\n# Test values for Fe\n#\n# tuned\n1 56\nX 0.5 1.0\n0.0\n"), Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aQuadraticModelWithItsProductsFixedIsWrittenWhole(@TempDir Path dir) throws Exception {
        Path library = Path.of("/usr/share/lammps/potentials/Cu_Zuo_JPCA2020.quadratic.snap");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(library), "the LAMMPS potential library is not installed");
        org.scoredos.model.ModelDescription model = org.scoredos.model.ModelFiles.lammps(library);
        org.scoredos.model.ModelDescription fixed = model.withFixedQuadratic();
        CoefficientFile c = CoefficientFile.of(fixed.elements().get(0), fixed.fixedTerms());
        assertEquals(30, c.theta().length);
        double[] tuned = c.theta().clone();
        tuned[2] += 1e-3;
        Path out = dir.resolve("tuned.snapcoeff");
        c.writeSnapcoeff(out, tuned, "tuned");
        // read back as the qSNAP coefficient file it is: β0, the tuned linear β, the published products
        org.scoredos.descriptor.SnapCoefficients back = org.scoredos.descriptor.SnapCoefficientReader.read(out, model.snap());
        double[] expected = model.elements().get(0).coefficients();
        System.arraycopy(tuned, 0, expected, 1, 30);
        assertArrayEquals(expected, back.element(1).coefficients(), 0);
        assertTrue(Files.readString(out).contains("# tuned\n1 496\nCu 0.5 1.0\n"), Files.readString(out));
    }

    @Test
    void plainListAndBadInput(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("theta.txt");
        Files.writeString(plain, "# θ\n1 2 3\n4.5e-1\n");
        assertArrayEquals(new double[] {1, 2, 3, 0.45}, CoefficientFile.read(plain, 4).theta(), 0);
        BadInputException e = assertThrows(BadInputException.class, () -> CoefficientFile.read(plain, 55));
        assertEquals(plain + ": coefficients: 4 numbers, but a descriptor of 55 components needs 55 (β) or 56 (β0 then β)", e.getMessage());
        Files.writeString(plain, "-1.5 1 2 3 4\n");
        CoefficientFile withBeta0 = CoefficientFile.read(plain, 4);
        assertEquals(-1.5, withBeta0.beta0());
        assertArrayEquals(new double[] {1, 2, 3, 4}, withBeta0.theta(), 0);
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "0.5 1.5 2.5\nthree\n");
        e = assertThrows(BadInputException.class, () -> CoefficientFile.read(bad, 4));
        assertTrue(e.getMessage().startsWith(bad + ":2: coefficient: 'three'"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> CoefficientFile.read(IronCampaigns.resource("X_Fe.snapcoeff"), 30));
        assertTrue(e.getMessage().contains("ncoeff: 56 coefficients per element, but a descriptor of 30 components needs 31"), e.getMessage());
    }
}
