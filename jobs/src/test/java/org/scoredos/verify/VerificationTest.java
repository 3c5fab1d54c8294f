package org.scoredos.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.thermo.TiResult;

/** The comparison the verify command prints: the DDOS bar plus 2σ_TI must reach F_TI. */
class VerificationTest {
    private static TiResult ti(double f, double sigma) {
        return new TiResult(1000, f, sigma, -0.34, new double[] {0.5}, new double[] {f + 0.34}, new double[] {sigma});
    }

    @Test
    void theBarCoversTheDifferenceUpToTwoTiSigmas() {
        Verification inside = Verification.of(0, ti(-0.340, 0.001), -0.350, 0.0085);
        assertEquals(-0.010, inside.difference(), 1e-15);
        assertEquals(1000, inside.temperature());
        assertTrue(inside.covered(), "10 meV ≤ 8.5 + 2 × 1 meV");
        assertFalse(Verification.of(0, ti(-0.340, 0.0005), -0.350, 0.0085).covered(), "10 meV > 8.5 + 2 × 0.5 meV");
        assertTrue(Verification.of(0, ti(-0.340, 0.0), -0.330, 0.0101).covered(), "either sign");
        assertFalse(Verification.of(0, ti(-0.340, 0.0), -0.330, 0.0099).covered());
        assertTrue(Verification.of(3, ti(-0.340, 0.0), -0.340, 0.0).covered(), "no difference needs no bar");
    }

    @Test
    void anEstimateWithoutAnErrorBarCoversNothing() {
        Verification v = Verification.of(1, ti(-0.340, 0.001), -0.340, Double.NaN);
        assertFalse(v.covered());
        assertEquals(1, v.model());
        assertEquals(0.0, v.difference(), 1e-15);
    }
}
