package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;

/** The coverage of T_c: the extrapolated flag, δΔF and δT_c, on constructed ΔF(T) and on the iron campaigns. */
class TransitionCoverageTest {
    /** δT_c by finite differences: T_c of ΔF ± ε δΔF, the error bars moved with ΔF. */
    private static double propagated(double[] t, double[] delta, double[] error) {
        double eps = 1e-6;
        double[] up = delta.clone(), down = delta.clone();
        for (int i = 0; i < t.length; i++) {
            up[i] += eps * error[i];
            down[i] -= eps * error[i];
        }
        return Math.abs(PhaseTransition.criticalTemperature(t, up) - PhaseTransition.criticalTemperature(t, down)) / (2 * eps);
    }

    @Test
    void extrapolatedOnlyWhenAPhaseIsUnsolvedAtABracketingTemperature() {
        double[] t = {100, 200, 300, 400}, delta = {2, 1, -1, -3}, error = {0.1, 0.2, 0.3, 0.4};
        PhaseTransition.Crossing solved = PhaseTransition.crossing(t, delta, error, new boolean[] {false, true, true, false});
        assertEquals(250, solved.temperature(), 1e-12);
        assertFalse(solved.extrapolated(), "unsolved only away from the bracket 200–300 K");
        assertEquals(200, solved.below());
        assertEquals(300, solved.above());
        // δΔF(250 K) = 0.25 interpolated, slope −2/100 per K: δT_c = 12.5 K
        assertEquals(12.5, solved.error(), 1e-12);
        assertEquals(propagated(t, delta, error), solved.error(), 1e-6);
        assertTrue(PhaseTransition.crossing(t, delta, error, new boolean[] {true, false, true, true}).extrapolated());
        assertTrue(PhaseTransition.crossing(t, delta, error, new boolean[] {true, true, false, true}).extrapolated());
        assertNull(PhaseTransition.crossing(t, new double[] {1, 2, 3, 4}, error, new boolean[4]));
        // ΔF rising through zero, with the slope of the bracketing points only
        double[] rising = {-2, -1, 3, 1};
        PhaseTransition.Crossing up = PhaseTransition.crossing(t, rising, error, new boolean[] {true, true, true, true});
        assertEquals(225, up.temperature(), 1e-12);
        assertEquals(0.225 / 0.04, up.error(), 1e-12);
        assertEquals(propagated(t, rising, error), up.error(), 1e-6);
        // ΔF(T_0) = 0: T_c = T_0 with the first interval's slope
        PhaseTransition.Crossing atStart = PhaseTransition.crossing(t, new double[] {0, 1, 2, 3}, error, new boolean[] {true, false, true, true});
        assertEquals(100, atStart.temperature());
        assertEquals(0.1 / 0.01, atStart.error(), 1e-12);
        assertTrue(atStart.extrapolated());
    }

    @Test
    void ironReferenceTcIsAnExtrapolationAndItsRowsCarryBothPhases() {
        PhaseTransition transition = IronCampaigns.fccOverBcc(Mode.SMOOTH);
        double[] theta = IronCampaigns.thetaRef();
        PhaseTransition.Table table = transition.table(theta, IronCampaigns.GRID);
        PhaseTransition.Crossing tc = table.tc();
        assertEquals(1950, tc.temperature(), 2.0);
        assertTrue(tc.extrapolated(), "both phases have α* at the top of their sampled range above ≈1400 K");
        assertFalse(table.solvedAt(tc.temperature()));
        assertEquals(propagated(IronCampaigns.GRID, table.deltaF(), table.error()), tc.error(), 1e-5 * tc.error());
        // both phases solved from 500 K to 1300 K (fcc leaves its range first, at 1366.7 K)
        List<double[]> spans = table.solvedSpans();
        assertEquals(1, spans.size());
        assertArrayEquals(new double[] {500, 1300}, spans.get(0), 1e-9);
        assertTrue(table.solvedAt(1063) && table.solvedAt(1300) && !table.solvedAt(1310));

        FreeEnergy[] fcc = transition.first().estimate(theta, IronCampaigns.GRID, false), bcc = transition.second().estimate(theta, IronCampaigns.GRID, false);
        double e0 = transition.first().latticeEnergy(theta) - transition.second().latticeEnergy(theta);
        for (int i = 0; i < IronCampaigns.GRID.length; i++) {
            PhaseTransition.Difference row = table.rows()[i];
            assertEquals(fcc[i].freeEnergy() - bcc[i].freeEnergy() + e0, row.deltaF(), 1e-12);
            assertEquals(Math.sqrt(fcc[i].error() * fcc[i].error() + bcc[i].error() * bcc[i].error()), row.error(), 1e-12);
            assertTrue(row.error() > 0);
            assertEquals(fcc[i].alphaStar(), row.first().alphaStar());
            assertEquals(bcc[i].alphaStar(), row.second().alphaStar());
            assertEquals(fcc[i].solved() && bcc[i].solved(), row.solved());
        }
    }

    @Test
    void ironTunedTcIsStillAnExtrapolation() {
        // the reference's fine-tuned θ moves T_c to 1065 K, but fcc's α* leaves its sampled range from 966.7 K on (with the
        // large-N transforms the reference tuned against; mode INTEGRAL's finite-N ones put T_c at 1089.7 K)
        double[] tuned = IronCampaigns.vector(IronCampaigns.expected().get("fine_tuning").get("theta_final"));
        for (Mode mode : new Mode[] {Mode.REFERENCE, Mode.SMOOTH, Mode.LOCAL}) {
            PhaseTransition.Table table = IronCampaigns.fccOverBcc(mode).table(tuned, IronCampaigns.GRID);
            PhaseTransition.Crossing tc = table.tc();
            assertEquals(1065.4, tc.temperature(), 1.0, mode.name());
            assertTrue(tc.extrapolated(), mode.name());
            assertFalse(table.rows()[7].first().solved(), mode + ": fcc at 966.7 K");
            assertTrue(table.rows()[6].solved(), mode + ": both at 900 K");
            assertEquals(propagated(IronCampaigns.GRID, table.deltaF(), table.error()), tc.error(), 1e-5 * tc.error());
        }
    }

    @Test
    void ironTcIsSolvedWhenTheLatticeEnergyDifferenceFavoursFcc() {
        // θ moved along ΔD_0 = D_0^fcc − D_0^bcc lowers the 0 K energy of fcc by 40 meV/atom: T_c falls inside both ranges
        PhaseTransition transition = IronCampaigns.fccOverBcc(Mode.SMOOTH);
        double[] theta = IronCampaigns.thetaRef(), dD0 = transition.first().latticeDescriptor(), d0b = transition.second().latticeDescriptor();
        double norm2 = 0;
        for (int i = 0; i < dD0.length; i++) {
            dD0[i] -= d0b[i];
            norm2 += dD0[i] * dD0[i];
        }
        for (int i = 0; i < theta.length; i++) theta[i] -= 0.04 * dD0[i] / norm2;
        double dE0 = transition.first().latticeEnergy(theta) - transition.second().latticeEnergy(theta);
        assertEquals(IronCampaigns.expected().get("dE0").asDouble() - 0.04, dE0, 1e-12);
        for (Mode mode : Mode.values()) {
            PhaseTransition.Table table = IronCampaigns.fccOverBcc(mode).table(theta, IronCampaigns.GRID);
            PhaseTransition.Crossing tc = table.tc();
            // the local α fit lands at 1312.6 K: its βF(α) follows each cell's scatter, which the quintic smooths;
            // the finite-N transforms of mode INTEGRAL at 1240.5 K
            assertEquals(mode == Mode.INTEGRAL ? 1240.5 : 1295, tc.temperature(), mode == Mode.LOCAL ? 20 : 10, mode.name());
            assertFalse(tc.extrapolated(), mode + ": both phases solved at " + tc.below() + " and " + tc.above() + " K");
            assertTrue(table.solvedAt(tc.temperature()));
            assertTrue(tc.error() > 0 && Double.isFinite(tc.error()), mode + ": δT_c = " + tc.error());
            assertEquals(propagated(IronCampaigns.GRID, table.deltaF(), table.error()), tc.error(), 1e-5 * tc.error());
        }
    }

    @Test
    void fineTuningRecordsTheFlagsAndErrorBarsOfEveryStep() {
        PhaseTransition transition = IronCampaigns.fccOverBcc(Mode.REFERENCE);
        FineTuner.Trajectory run = new FineTuner(transition, IronCampaigns.GRID).run(IronCampaigns.thetaRef(), FineTuner.Settings.reference(1063.0), null);
        assertEquals(21, run.steps().size());
        FineTuner.Step first = run.steps().get(0), last = run.last();
        assertTrue(first.tc().extrapolated());
        assertFalse(first.solved());
        assertTrue(first.atTarget().solved(), "both phases solved at T* = 1063 K for θ_ref");
        // tuning shrinks fcc's solved range faster than it moves T_c: the tuned T_c is extrapolated too
        assertTrue(last.tc().extrapolated(), "T_c = " + last.tcValue());
        assertFalse(last.atTarget().solved());
        for (FineTuner.Step s : run.steps()) {
            PhaseTransition.Table table = transition.table(s.theta(), IronCampaigns.GRID);
            assertEquals(table.tc(), s.tc());
            assertEquals(table.solvedAt(s.tcValue()), s.solved());
            // ΔF(T*) with its error bar, as the transition gives it at T*
            PhaseTransition.Difference direct = transition.at(s.theta(), 1063.0, false);
            assertEquals(direct.deltaF(), s.atTarget().deltaF(), 1e-12);
            assertEquals(direct.error(), s.atTarget().error(), 1e-12);
            assertTrue(s.atTarget().error() > 0);
        }
        assertTrue(run.converged(10.0));
        assertFalse(run.converged(1.0), "the reference ends 2.4 K above the target");
    }
}
