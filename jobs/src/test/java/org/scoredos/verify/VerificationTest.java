package org.scoredos.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.thermo.TiResult;

/** The comparison the verify command prints: the DDOS bar plus 2σ_TI must reach F_TI. */
class VerificationTest {
    private static TiResult ti(double f, double sigma) {
        return new TiResult(1000, f, sigma, -0.34, new double[] {0.5}, new double[] {f + 0.34}, new double[] {sigma});
    }

    /** A row whose F_TI is already in the estimator's convention. */
    private static Verification row(int model, double fTi, double sigma, double f, double error) {
        return new Verification(model, 1000, fTi, sigma, f, error);
    }

    @Test
    void tiIsComparedInTheEstimatorsThreeNConvention() {
        // 16 atoms: the shell entropy's 3N degrees of freedom against TI's 3N − 3 add F_harm/15
        Verification v = Verification.of(0, ti(-0.350, 0.001), 16, new FreeEnergy(1000, -0.380, 0.01, -3, true, null, 0.006, 0.008));
        assertEquals(-0.350 - 0.34 / 15, v.freeEnergyTi(), 1e-15);
        assertEquals(0.001, v.errorTi());
        assertEquals(0.01, v.error());
        assertEquals(0.006, v.statisticalError());
        assertEquals(0.008, v.systematicError());
        assertEquals(-0.380 - (-0.350 - 0.34 / 15), v.difference(), 1e-15);
    }

    @Test
    void theBarCoversTheDifferenceUpToTwoTiSigmas() {
        Verification inside = row(0, -0.340, 0.001, -0.350, 0.0085);
        assertEquals(-0.010, inside.difference(), 1e-15);
        assertEquals(1000, inside.temperature());
        assertTrue(inside.covered(), "10 meV ≤ 8.5 + 2 × 1 meV");
        assertFalse(row(0, -0.340, 0.0005, -0.350, 0.0085).covered(), "10 meV > 8.5 + 2 × 0.5 meV");
        assertTrue(row(0, -0.340, 0.0, -0.330, 0.0101).covered(), "either sign");
        assertFalse(row(0, -0.340, 0.0, -0.330, 0.0099).covered());
        assertTrue(row(3, -0.340, 0.0, -0.340, 0.0).covered(), "no difference needs no bar");
    }

    @Test
    void anEstimateWithoutAnErrorBarCoversNothing() {
        Verification v = row(1, -0.340, 0.001, -0.340, Double.NaN);
        assertFalse(v.covered());
        assertEquals(1, v.model());
        assertEquals(0.0, v.difference(), 1e-15);
    }
}
