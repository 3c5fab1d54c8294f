package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.units.Units;

/** S, E and C_V of the iron bcc campaign against the classical crystal and against F itself. */
class ThermalPropertiesTest {
    private final PhaseFreeEnergy bcc = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
    private final double[] theta = IronCampaigns.thetaRef();

    @Test
    void aNearlyHarmonicCrystalHasTheClassicalHeatCapacity() {
        ThermalProperties.Row[] rows = ThermalProperties.of(bcc, theta, new double[] {300, 500});
        for (ThermalProperties.Row r : rows) {
            assertTrue(r.solved(), "solved at " + r.temperature());
            // classical 3N modes: C_V = 3 k_B, plus a small anharmonic part
            // (0.25: the local α fit follows the cells' own scatter, which the quintic over all cells smoothed: 2.87 and 2.80)
            assertEquals(3.0, r.heatCapacity().value() / Units.KB, 0.25, "C_V/k_B at " + r.temperature());
            assertTrue(r.entropy().error() >= 0 && r.heatCapacity().error() >= 0);
        }
        // and E rises by 3 k_B per kelvin (E itself carries F's constant part)
        assertEquals(3 * Units.KB * 200, rows[1].energy().value() - rows[0].energy().value(), 0.05 * 3 * Units.KB * 200);
    }

    @Test
    void derivativesAgreeWithFOnACoarseGrid() {
        double t = 800, d = 20;
        FreeEnergy[] f = bcc.estimate(theta, new double[] {t - d, t, t + d}, false);
        ThermalProperties.Row r = ThermalProperties.of(bcc, theta, new double[] {t})[0];
        assertEquals(f[1].freeEnergy(), r.freeEnergy().value(), 1e-15);
        assertEquals(-(f[2].freeEnergy() - f[0].freeEnergy()) / (2 * d), r.entropy().value(), 1e-3 * Math.abs(r.entropy().value()));
        // Gibbs–Helmholtz: E = −T² ∂(F/T)/∂T
        double gh = -t * t * (f[2].freeEnergy() / (t + d) - f[0].freeEnergy() / (t - d)) / (2 * d);
        assertEquals(gh, r.energy().value(), 2e-3 * Math.abs(gh));
    }
}
