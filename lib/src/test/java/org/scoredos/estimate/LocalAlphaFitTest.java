package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

/**
 * The smooth estimator's α fit is local: F(T) is made of the cells near α*(T), so what the
 * cells far above it get wrong (their large-N Legendre transforms fail as β²Var(E) grows)
 * cannot reach a lower temperature, as it did through the quintic over the whole grid.
 */
class LocalAlphaFitTest {

    @Test
    void weightsReproduceQuadraticsInTheHarmonicEnergy() {
        double[] alphas = IronCampaigns.bcc().cells().stream().mapToDouble(CellSummary::alpha).toArray();
        LocalAlphaFit fit = new LocalAlphaFit(alphas);
        double[] w = new double[alphas.length];
        int n = alphas.length;
        for (int i = 0; i <= 200; i++) {
            double alpha = alphas[0] + (alphas[n - 1] - alphas[0]) * i / 200;
            fit.weights(alpha, w);
            double s0 = 0, s1 = 0, s2 = 0;
            int used = 0;
            for (int a = 0; a < n; a++) {
                s0 += w[a];
                s1 += w[a] * Math.exp(alphas[a]);
                s2 += w[a] * Math.exp(2 * alphas[a]);
                if (w[a] != 0) used++;
            }
            assertEquals(1, s0, 1e-12, "constant at α = " + alpha);
            // a harmonic crystal's βF(α) ∝ e^α and its first anharmonic order ∝ e^2α come back exactly
            assertEquals(Math.exp(alpha), s1, 1e-12 * Math.exp(alpha), "e^α at α = " + alpha);
            assertEquals(Math.exp(2 * alpha), s2, 1e-12 * Math.exp(2 * alpha), "e^2α at α = " + alpha);
            assertTrue(used >= 3, used + " cells at α = " + alpha);
        }
    }

    @Test
    void lowTemperatureIgnoresCellsFarAboveItsMinimum() {
        PhaseSummary phase = IronCampaigns.bcc();
        double[] theta = IronCampaigns.thetaRef();
        double temperature = 600;
        FreeEnergy before = IsosurfaceEstimator.of(phase, Mode.LOCAL).estimate(theta, temperature);
        assertTrue(before.solved());
        int n = phase.cells().size(), nearest = 0;
        for (int a = 0; a < n; a++) {
            if (Math.abs(phase.cells().get(a).alpha() - before.alphaStar()) < Math.abs(phase.cells().get(nearest).alpha() - before.alphaStar())) {
                nearest = a;
            }
        }
        // past the kernel of every α the minimisation visits near α* (the bcc grid's spacing grows downwards)
        int first = nearest + (int) Math.ceil(2 * LocalAlphaFit.CELLS_PER_SIDE) + 1;
        assertTrue(first < n - 3, "the test needs cells above the window at " + temperature + " K");
        // raise βF of every cell above the window by 1.28 k_BT per 128-atom cell (the size of the W cells' errors there)
        PhaseSummary raised = raiseCells(phase, first, 0.01);
        FreeEnergy after = IsosurfaceEstimator.of(raised, Mode.LOCAL).estimate(theta, temperature);
        assertEquals(before.freeEnergy(), after.freeEnergy(), 1e-12);
        assertEquals(before.alphaStar(), after.alphaStar(), 1e-9);
        // the same change moves F where those cells are near α*, and moved it here through the quintic over all cells
        double high = 3000;
        FreeEnergy hot = IsosurfaceEstimator.of(phase, Mode.LOCAL).estimate(theta, high);
        assertTrue(hot.alphaStar() > phase.cells().get(first).alpha(), "α* at " + high + " K: " + hot.alphaStar());
        double hotShift = IsosurfaceEstimator.of(raised, Mode.LOCAL).estimate(theta, high).freeEnergy() - hot.freeEnergy();
        assertTrue(hotShift > 1e-4, "F at " + high + " K moved by " + hotShift);
        double quintic = IsosurfaceEstimator.of(raised, Mode.REFERENCE).estimate(theta, temperature).freeEnergy()
                - IsosurfaceEstimator.of(phase, Mode.REFERENCE).estimate(theta, temperature).freeEnergy();
        assertFalse(Math.abs(quintic) < 1e-5, "the quintic moved F at " + temperature + " K by " + quintic);
    }

    /** The phase with βF of cells first… raised by {@code delta} per atom (k_B T units): one component's entropy lowered. */
    private static PhaseSummary raiseCells(PhaseSummary phase, int first, double delta) {
        List<CellSummary> cells = new ArrayList<>(phase.cells());
        for (int a = first; a < cells.size(); a++) {
            ScoreTable s = cells.get(a).scores();
            double[] shift = s.shift().clone();
            shift[0] += delta;
            cells.set(a, cells.get(a).withScores(new ScoreTable(s.basis(), s.order(), s.centre(), s.scale(), s.coefficients(),
                    s.covariance(), shift)));
        }
        return new PhaseSummary(phase.name(), phase.reference(), cells, phase.conditioning());
    }
}
