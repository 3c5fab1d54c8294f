package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TiComparisonTest {
    private static final TiResult TI = new TiResult(2000, -0.5000, 0.0002, -0.4900, new double[] {0.5}, new double[] {-0.01},
            new double[] {0.0002});

    @Test
    void differenceIsDdosMinusTi() {
        TiComparison c = TiComparison.of(TI, -0.4985, 0.001);
        assertEquals(2000, c.temperature());
        assertEquals(0.0015, c.difference(), 1e-15);
        assertEquals(-0.5, c.tiFreeEnergy());
        assertEquals(0.0002, c.tiError());
    }

    @Test
    void theBarCoversTheDifferenceUpToTwoTiSigmas() {
        assertTrue(TiComparison.of(TI, -0.5008, 0.001).covered());    // inside the DDOS bar
        assertTrue(TiComparison.of(TI, -0.4987, 0.001).covered());    // 1.3 meV: bar + 1.5σ_TI
        assertTrue(TiComparison.of(TI, -0.49862, 0.001).covered());   // bar + 1.9σ_TI
        assertFalse(TiComparison.of(TI, -0.4985, 0.001).covered());   // bar + 2.5σ_TI
        assertFalse(TiComparison.of(TI, -0.5020, 0.001).covered());   // 2 meV below with a 1 meV bar
        assertTrue(TiComparison.of(TI, -0.5020, 0.002).covered());
    }

    @Test
    void negativeErrorBarsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TiComparison(300, 0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TiComparison(300, 0, 0, 0, Double.NaN));
    }
}
