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
 * An ensemble's members on the iron campaigns give what `transition` gives each θ alone: the same
 * flags, F and ΔF to 1e-12 of F, error bars to 1e-10, T_c to 1e-9 (smooth mode interpolates a
 * block's transforms); and a member's block is fixed by its index, so its results are the same bits
 * whatever range from a multiple of the block a caller (a Spark partition) asks for.
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
        MemberResult[] all = evaluator.evaluate(members, 0, 70, null);
        int extrapolated = 0;
        for (MemberResult r : results) {
            double[] theta = new double[members.components()];
            members.theta(r.member(), theta);
            PhaseTransition.Table alone = transition.table(theta, IronCampaigns.GRID);
            for (int i = 0; i < IronCampaigns.GRID.length; i++) {
                double f = alone.rows()[i].first().freeEnergy();
                assertEquals(f, r.freeEnergy()[0][i], 1e-12 * Math.abs(f));
                assertEquals(alone.deltaF()[i], r.deltaF()[i], 1e-12 * Math.abs(f));
                assertEquals(alone.error()[i], r.deltaFError()[i], 1e-10 * alone.error()[i]);
                assertEquals(alone.rows()[i].second().alphaStar(), r.alphaStar()[1][i], 1e-10);
                assertEquals(alone.rows()[i].solved(), r.solvedAt(i));
            }
            assertEquals(fcc.latticeEnergy(theta), r.latticeEnergy()[0], 0.0);
            assertTrue(alone.hasTransition() && r.hasTransition());
            assertEquals(alone.tc().temperature(), r.tc(), 1e-9 * r.tc());
            assertEquals(alone.tc().error(), r.tcError(), 1e-9 * r.tcError());
            assertEquals(alone.tc().extrapolated(), r.tcExtrapolated());
            if (r.tcExtrapolated()) extrapolated++;
        }
        // a range from a multiple of the block: its members' blocks, so their bits, are those of the whole run's
        MemberResult[] tail = evaluator.evaluate(members, EnsembleEvaluator.BLOCK, 70, null);
        for (MemberResult r : tail) {
            assertArrayEquals(all[r.member()].freeEnergy()[1], r.freeEnergy()[1], 0.0, "member " + r.member());
            assertArrayEquals(all[r.member()].deltaF(), r.deltaF(), 0.0, "member " + r.member());
            assertEquals(all[r.member()].tc(), r.tc(), 0.0);
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
