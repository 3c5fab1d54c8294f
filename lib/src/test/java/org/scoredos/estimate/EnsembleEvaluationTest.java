package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.EnsembleEvaluator;
import org.scoredos.ensemble.EnsemblePhases;
import org.scoredos.ensemble.GaussianEnsemble;
import org.scoredos.ensemble.MemberResult;

/**
 * An ensemble's members on the iron campaigns give exactly what `transition` gives each θ alone:
 * the same F, ΔF, error bars, flags and T_c, bit for bit, whatever block a member falls in.
 */
class EnsembleEvaluationTest {
    @Test
    void everyMemberIsItsSingleThetaTransition() {
        IsosurfaceEstimator fcc = IsosurfaceEstimator.of(IronCampaigns.fcc(), IsosurfaceEstimator.Mode.SMOOTH);
        IsosurfaceEstimator bcc = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        PhaseTransition transition = new PhaseTransition(fcc, bcc);
        // 70 members: a full block of 64 and a partial one
        GaussianEnsemble members = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.01, 70, 11);
        EnsembleEvaluator evaluator = new EnsembleEvaluator(IronCampaigns.GRID, fcc, bcc);
        int[] counted = new int[1];
        MemberResult[] results = evaluator.evaluate(members, 3, 70, n -> counted[0] += n);
        assertEquals(67, counted[0]);
        int extrapolated = 0;
        for (MemberResult r : results) {
            double[] theta = new double[members.components()];
            members.theta(r.member(), theta);
            PhaseTransition.Table alone = transition.table(theta, IronCampaigns.GRID);
            assertArrayEquals(alone.deltaF(), r.deltaF(), 0.0);
            assertArrayEquals(alone.error(), r.deltaFError(), 0.0);
            for (int i = 0; i < IronCampaigns.GRID.length; i++) {
                assertEquals(alone.rows()[i].first().freeEnergy(), r.freeEnergy()[0][i], 0.0);
                assertEquals(alone.rows()[i].second().alphaStar(), r.alphaStar()[1][i], 0.0);
                assertEquals(alone.rows()[i].solved(), r.solvedAt(i));
            }
            assertEquals(fcc.latticeEnergy(theta), r.latticeEnergy()[0], 0.0);
            assertTrue(alone.hasTransition() && r.hasTransition());
            assertEquals(alone.tc().temperature(), r.tc(), 0.0);
            assertEquals(alone.tc().error(), r.tcError(), 0.0);
            assertEquals(alone.tc().extrapolated(), r.tcExtrapolated());
            if (r.tcExtrapolated()) extrapolated++;
        }
        // the data were sampled to τ = 2: near X_Fe every T_c (≈1950 K) lies beyond both phases' solved range
        assertEquals(results.length, extrapolated);
    }

    @Test
    void calibratedMembersKeepTheirBarsWithoutTheOrderSpread() {
        IsosurfaceEstimator bcc = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.CALIBRATED);
        double[] grid = {700, 1300, 2100};
        // 6 members: one full rotation block of four and a partial one
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.01, 6, 3).rows(0, 6);
        FreeEnergy[][] members = bcc.estimateMembers(thetas, grid);
        for (int i = 0; i < thetas.length; i++) {
            FreeEnergy[] alone = bcc.estimate(thetas[i], grid, false);
            for (int j = 0; j < grid.length; j++) {
                FreeEnergy m = members[i][j], a = alone[j];
                assertEquals(a.freeEnergy(), m.freeEnergy(), 0.0);
                assertEquals(a.error(), m.error(), 0.0);
                assertEquals(a.statisticalError(), m.statisticalError(), 0.0);
                assertEquals(a.alphaStar(), m.alphaStar(), 0.0);
                assertEquals(a.solved(), m.solved());
                // the bar is the statistical part; the order spread beside it is not computed for members
                assertEquals(a.statisticalError(), a.error(), 0.0);
                assertTrue(a.systematicError() > 0 && Double.isNaN(m.systematicError()), a + " / " + m);
            }
        }
    }

    @Test
    void onePhaseGivesItsFreeEnergyWithoutTransition() {
        EnsemblePhases phases = new EnsemblePhases(new StoredPhase[] {new IsosurfacePhase(IronCampaigns.bcc())},
                new EstimatorSettings(IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.REFERENCE, null, null), new double[] {800, 1200});
        GaussianEnsemble members = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.01, 2, 5);
        MemberResult[] results = phases.evaluator(line -> {}).evaluate(members, 0, 2, null);
        IsosurfaceEstimator bcc = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[] theta = new double[55];
        members.theta(1, theta);
        FreeEnergy[] alone = bcc.estimate(theta, new double[] {800, 1200}, false);
        assertEquals(alone[1].freeEnergy(), results[1].quantity(1), 0.0);
        assertEquals(alone[1].error(), results[1].quantityError(1), 0.0);
        assertTrue(!results[1].hasTransition() && results[1].deltaF() == null);
    }
}
