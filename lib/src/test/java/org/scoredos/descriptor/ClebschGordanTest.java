package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClebschGordanTest {

    @Test
    void knownValuesWithCondonShortleyPhases() {
        double s = Math.sqrt(0.5);
        assertEquals(s, ClebschGordan.coefficient(1, 1, 1, -1, 2, 0), 1e-15);
        assertEquals(s, ClebschGordan.coefficient(1, 1, 1, -1, 0, 0), 1e-15);
        assertEquals(-s, ClebschGordan.coefficient(1, -1, 1, 1, 0, 0), 1e-15);
        assertEquals(1, ClebschGordan.coefficient(2, 2, 2, 2, 4, 4), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), ClebschGordan.coefficient(2, 0, 2, 0, 4, 0), 1e-15);
        assertEquals(-Math.sqrt(1.0 / 3), ClebschGordan.coefficient(2, 0, 2, 0, 0, 0), 1e-15);
        assertEquals(0, ClebschGordan.coefficient(2, 0, 2, 0, 2, 0), 1e-15);
    }

    @Test
    void orthonormalOverCoupledStates() {
        for (int j1 = 0; j1 <= 8; j1++) {
            for (int j2 = 0; j2 <= 8; j2++) {
                for (int j = Math.abs(j1 - j2); j <= j1 + j2; j += 2) {
                    for (int jp = Math.abs(j1 - j2); jp <= j1 + j2; jp += 2) {
                        for (int m = -Math.min(j, jp); m <= Math.min(j, jp); m += 2) {
                            double sum = 0;
                            for (int m1 = -j1; m1 <= j1; m1 += 2) {
                                int m2 = m - m1;
                                sum += ClebschGordan.coefficient(j1, m1, j2, m2, j, m) * ClebschGordan.coefficient(j1, m1, j2, m2, jp, m);
                            }
                            assertEquals(j == jp ? 1 : 0, sum, 1e-12);
                        }
                    }
                }
            }
        }
    }
}
