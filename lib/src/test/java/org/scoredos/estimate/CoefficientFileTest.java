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
    void plainListAndBadInput(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("theta.txt");
        Files.writeString(plain, "# θ\n1 2 3\n4.5e-1\n");
        assertArrayEquals(new double[] {1, 2, 3, 0.45}, CoefficientFile.read(plain, 4).theta(), 0);
        BadInputException e = assertThrows(BadInputException.class, () -> CoefficientFile.read(plain, 55));
        assertEquals(plain + ": coefficients: expected 55 values of θ (a plain list holds θ without β0), got 4", e.getMessage());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "0.5 1.5 2.5\nthree\n");
        e = assertThrows(BadInputException.class, () -> CoefficientFile.read(bad, 4));
        assertTrue(e.getMessage().startsWith(bad + ":2: coefficients: 'three'"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> CoefficientFile.read(IronCampaigns.resource("X_Fe.snapcoeff"), 30));
        assertTrue(e.getMessage().contains("expected 30 values of θ (β0 is dropped), got 55"), e.getMessage());
    }
}
