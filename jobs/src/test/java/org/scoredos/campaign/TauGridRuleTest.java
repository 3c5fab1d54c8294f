package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

/** The τ grid chosen from temperatures: where a harmonic crystal's α* lies, and room around it. */
class TauGridRuleTest {

    /** A W-like and an Fe-like reference: only ω̄ matters to the isosurface labels. */
    private static ReferenceConstants reference(double omegaBar) {
        return new ReferenceConstants(16, 55.845, 180.0, new double[3], omegaBar, -0.2, 45, Units.U0, 0.0,
                new double[][] {{5.6, 0, 0}, {0, 5.6, 0}, {0, 0, 5.6}}, new double[48]);
    }

    /**
     * α* of a harmonic crystal: the minimum over α of βF(α) = β ½ω̄ e^α − S_0(α), whose α
     * dependence is 3/2 α (method.md §4), found by golden-section search (to ~1e-8 in α: the minimum is flat), not by the closed form.
     */
    private static double harmonicAlphaStar(double omegaBar, double kelvin) {
        double beta = 1.0 / (Units.KB * kelvin);
        double a = -12, b = 4, g = (Math.sqrt(5) - 1) / 2;
        while (b - a > 1e-12) {
            double x1 = b - g * (b - a), x2 = a + g * (b - a);
            double f1 = beta * 0.5 * omegaBar * Math.exp(x1) - 1.5 * x1, f2 = beta * 0.5 * omegaBar * Math.exp(x2) - 1.5 * x2;
            if (f1 < f2) b = x2;
            else a = x1;
        }
        return (a + b) / 2;
    }

    @Test
    void aHarmonicCrystalAtTSitsOnTheShellTauEqualsTOver1000K() {
        for (double omegaBar : new double[] {4.1, 13.7}) {
            ReferenceConstants ref = reference(omegaBar);
            for (double t : new double[] {100, 500, 1234, 2500}) {
                double tau = ref.tauOfAlpha(harmonicAlphaStar(omegaBar, t));
                assertEquals(TauGridRule.harmonicTau(t), tau, 1e-6 * tau, "ω̄ " + omegaBar + ", " + t + " K");
            }
        }
    }

    @Test
    void theHarmonicAlphaStarStaysWellInsideTheGridOverTheWholeSpan() {
        double[][] spans = {{500, 2500}, {300, 600}, {1000, 1000}, {50, 4000}};
        for (double[] span : spans) {
            List<Double> grid = TauGridRule.lattice(span[0], span[1]);
            ReferenceConstants ref = reference(8.0);
            double lowest = ref.alphaOfTau(grid.get(0)), highest = ref.alphaOfTau(grid.get(grid.size() - 1));
            double step = 1.0 / TauGridRule.CELLS_PER_UNIT_ALPHA;
            for (int i = 0; i <= 40; i++) {
                double t = span[0] + (span[1] - span[0]) * i / 40;
                double alphaStar = harmonicAlphaStar(8.0, t);
                // at least three cells below α* (the degree-5 fit's end is no minimum there) ...
                assertTrue(alphaStar - lowest >= 3 * step, span[0] + "–" + span[1] + " K at " + t + " K");
                // ... and ln 2.5 of room above, for anharmonic softening
                assertTrue(highest - alphaStar >= Math.log(TauGridRule.UPPER_MARGIN) - 1e-12, t + " K");
            }
            assertTrue(grid.size() >= TauGridRule.MIN_CELLS, grid.toString());
        }
    }

    @Test
    void latticeCellsAreSharedByWiderSpansSoAWiderSpanOnlyAddsCells() {
        List<Double> narrow = TauGridRule.lattice(800, 1500), wide = TauGridRule.lattice(500, 2500);
        assertTrue(wide.containsAll(narrow), "the same doubles, bit for bit");
        assertTrue(wide.get(0) < narrow.get(0) && wide.get(wide.size() - 1) > narrow.get(narrow.size() - 1));
        // neighbours e^(1/8) apart in τ, i.e. 1/8 apart in α
        for (int i = 1; i < wide.size(); i++) assertEquals(0.125, Math.log(wide.get(i) / wide.get(i - 1)), 1e-12);
        // the iron campaigns' grid: 0.6·0.5 = 0.3 rounded down to e^(−10/8), 2.5·2.5 = 6.25 rounded up to e^(15/8)
        assertEquals(26, wide.size());
        assertEquals(Math.exp(-10 / 8.0), wide.get(0), 0.0);
        assertEquals(Math.exp(15 / 8.0), wide.get(25), 0.0);
    }

    @Test
    void anExplicitCountSpreadsThatManyCellsEvenlyInAlphaBetweenTheMargins() {
        List<Double> g = TauGridRule.geometric(500, 2500, 12);
        assertEquals(12, g.size());
        assertEquals(0.3, g.get(0), 1e-15);
        assertEquals(6.25, g.get(11), 1e-12);
        for (int i = 2; i < g.size(); i++) {
            assertEquals(Math.log(g.get(1) / g.get(0)), Math.log(g.get(i) / g.get(i - 1)), 1e-12);
        }
    }
}
