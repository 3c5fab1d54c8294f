package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.io.BadInputException;

/** The .snapparam and .snapcoeff readers: LAMMPS's files as they come, and clear errors. */
class SnapFileReadersTest {

    @Test
    void readsTheTungstenParameterFileWithItsGluedComment() throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        assertEquals(4.7, p.rcutfac());
        assertEquals(0.99363, p.rfac0());
        assertEquals(8, p.twojmax());
        assertEquals(0.0, p.rmin0());
        assertTrue(p.bzero());
        assertTrue(p.switching());
        assertFalse(p.quadratic());
    }

    @Test
    void lammpsDefaultsApplyAndTuningKeysAreAccepted() {
        SnapParameters p = params("rcutfac 5.0", "twojmax 6", "chunksize 2048", "switchinnerflag 0", "wselfallflag 1");
        assertFalse(p.bnorm());
        assertTrue(params("rcutfac 5.0", "twojmax 6", "bnormflag 1").bnorm());
        assertEquals(SnapParameters.of(5.0, 6).rfac0(), p.rfac0());
        assertTrue(p.bzero());
        assertTrue(p.wselfAll());
        assertEquals(30, p.bispectrumCount());
        assertFalse(p.chem());
    }

    @Test
    void chemflagCountsOneBlockPerElementTriple() {
        SnapParameters chem = params("rcutfac 1.0", "twojmax 6", "chemflag 1", "bnormflag 1", "wselfallflag 1");
        assertTrue(chem.chem());
        assertEquals(30, chem.descriptorCount(1));
        assertEquals(8 * 30, chem.descriptorCount(2));
        assertEquals(30, params("rcutfac 1.0", "twojmax 6").descriptorCount(2), "without chemflag one block for any number of elements");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rcutfac -4.7|twojmax 8",        // negative cutoff
        "rcutfac 0|twojmax 8",
        "twojmax 8",                     // rcutfac missing
        "rcutfac 4.7",                   // twojmax missing
        "rcutfac 4.7|twojmax 8|foo 1",   // unknown key
        "rcutfac 4.7|twojmax 8|bnormflag 2",
        "rcutfac 4.7|twojmax 8|chemflag 2",
        "rcutfac 4.7|twojmax 8|switchinnerflag 1",
        "rcutfac 4.7|twojmax 8|bzeroflag 2",
        "rcutfac 4.7|twojmax eight",
        "rcutfac 4.7|twojmax 8|rfac0 1.5",
        "rcutfac 4.7|twojmax 8|rmin0 -1",
        "rcutfac 4.7|twojmax 8 9",
        "rcutfac 4.7|twojmax 8|twojmax 6",
    })
    void badParameterFilesAreOneLineErrors(String content) {
        BadInputException e = assertThrows(BadInputException.class, () -> params(content.split("\\|")));
        assertTrue(e.getMessage().startsWith("test.snapparam"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void errorsNameTheLineAndField() {
        BadInputException e = assertThrows(BadInputException.class, () -> params("# W", "rcutfac -1", "twojmax 8"));
        assertEquals("test.snapparam:2: rcutfac: must be positive, got -1.0", e.getMessage());
    }

    @Test
    void readsTheTungstenCoefficients() throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        SnapCoefficients c = SnapLammpsReferenceTest.wCoefficients(p);
        assertEquals(1, c.elements().size());
        SnapElement w = c.element(1);
        assertEquals("X", w.name());
        assertEquals(0.5, w.radius());
        assertEquals(1.0, w.weight());
        assertEquals(56, w.coefficients().length);
        assertEquals(0.0, w.constant());
        assertEquals(2.597022798034786042e-02, w.linear()[0]);
    }

    @Test
    void aPlainListIsBetaOrBeta0ThenBeta() {
        SnapParameters p = new SnapParameters(4.7, 0.99363, 2, 0, true, false, true, false);
        SnapCoefficients beta = SnapCoefficientReader.parse("theta.txt", List.of("1 2 3", "4 5"), p);
        assertEquals(0.0, beta.element(1).constant());
        assertEquals(5.0, beta.element(1).linear()[4]);
        assertEquals(0.5, beta.element(1).radius());
        SnapCoefficients withConstant = SnapCoefficientReader.parse("theta.txt", List.of("-1 1 2 3 4 5 # comment"), p);
        assertEquals(-1.0, withConstant.element(1).constant());
        assertEquals(1.0, withConstant.element(1).linear()[0]);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SnapCoefficientReader.parse("theta.txt", List.of("1 2 3 4"), p));
        assertTrue(e.getMessage().contains("needs 5"), e.getMessage());
        assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("theta.txt", List.of("1 2 x 4 5"), p));
    }

    @Test
    void coefficientCountMustMatchTwojmaxAndQuadraticFlag() throws IOException {
        List<String> lines = SnapLammpsReferenceTest.lines("/w-snap/X_W.snapcoeff");
        SnapParameters six = new SnapParameters(4.7, 0.99363, 6, 0, true, false, true, false);
        BadInputException e = assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", lines, six));
        assertEquals("X_W.snapcoeff:4: ncoeff: 56 coefficients per element, but twojmax 6 needs 31 (β0 and 30 β)", e.getMessage());
        SnapParameters quadratic = new SnapParameters(4.7, 0.99363, 8, 0, true, true, true, false);
        assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", lines, quadratic));
    }

    @Test
    void nonNumericCoefficientsAndTruncatedFilesAreErrors() throws IOException {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        List<String> lines = new ArrayList<>(SnapLammpsReferenceTest.lines("/w-snap/X_W.snapcoeff"));
        List<String> broken = new ArrayList<>(lines);
        broken.set(10, "0.1x");
        BadInputException e = assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", broken, p));
        assertEquals("X_W.snapcoeff:11: coefficient: '0.1x' is not a finite number", e.getMessage());
        List<String> truncated = lines.subList(0, 30);
        assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", truncated, p));
        List<String> badRadius = new ArrayList<>(lines);
        badRadius.set(4, "X -0.5 1.0");
        assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", badRadius, p));
        List<String> extra = new ArrayList<>(lines);
        extra.add("0.5");
        assertThrows(BadInputException.class, () -> SnapCoefficientReader.parse("X_W.snapcoeff", extra, p));
    }

    private static SnapParameters params(String... lines) {
        return SnapParameterReader.parse("test.snapparam", List.of(lines));
    }
}
