package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;

/** rmin0 against the element radii is refused when the files are read, naming the parameter file. */
class ModelFilesTest {
    @TempDir
    Path dir;

    private Path params(double rmin0) throws IOException {
        return Files.writeString(dir.resolve("D.snapparam"),
                "rcutfac 4.7\nrfac0 0.99363\ntwojmax 8\nrmin0 " + rmin0 + "\nbzeroflag 1\nquadraticflag 0\nbnormflag 0\n");
    }

    @Test
    void rmin0BeyondTheSmallestPairCutoffNamesTheParameterFile() throws IOException {
        Path coeff = Files.writeString(dir.resolve("X_W.snapcoeff"), "1 56\nW 0.5 1.0\n" + "0\n".repeat(56));
        Path params = params(4.7); // rcutfac·2R = 4.7 Å for R = 0.5
        String expected = params + ": rmin0 (4.7 Å) must be below the smallest pair cutoff rcutfac·2R (4.7 Å)";
        assertEquals(expected, assertThrows(BadInputException.class, () -> ModelFiles.snap(params, coeff)).getMessage());
        assertEquals(expected, assertThrows(BadInputException.class, () -> ModelFiles.snap(params, null)).getMessage(),
                "a descriptor-only model has radius 0.5 too");
        assertEquals(4.7 - 1e-9, ModelFiles.snap(params(4.7 - 1e-9), coeff).snap().rmin0());
    }
}
