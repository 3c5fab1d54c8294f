package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.GaussianEnsemble;

/**
 * The many-θ estimate (θ rotated four at a time) gives every (θ, T) exactly what one evaluation of
 * that θ at that T gives: F, error bar and its parts, α*, solved flag and gradient, bit for bit, in
 * both modes and error models — what an ensemble's members rely on.
 */
class BatchedEstimateTest {
    private static final double[] T = {500, 1000, 1433.3, 1966.7, 2500};

    private static void assertSameBits(FreeEnergy one, FreeEnergy batch, String where) {
        assertEquals(one.freeEnergy(), batch.freeEnergy(), 0.0, where);
        assertEquals(Double.doubleToLongBits(one.error()), Double.doubleToLongBits(batch.error()), where);
        assertEquals(Double.doubleToLongBits(one.statisticalError()), Double.doubleToLongBits(batch.statisticalError()), where);
        assertEquals(Double.doubleToLongBits(one.systematicError()), Double.doubleToLongBits(batch.systematicError()), where);
        assertEquals(one.alphaStar(), batch.alphaStar(), 0.0, where);
        assertEquals(one.solved(), batch.solved(), where);
        if (one.gradient() == null) assertEquals(null, batch.gradient(), where);
        else assertArrayEquals(one.gradient(), batch.gradient(), 0.0, where);
    }

    private static void check(IsosurfaceEstimator est, double[][] thetas, boolean gradient) {
        FreeEnergy[][] batch = est.estimate(thetas, T, gradient);
        IsosurfaceWorkspace w = est.workspace();
        for (int i = 0; i < thetas.length; i++) {
            for (int j = 0; j < T.length; j++) {
                est.evaluate(thetas[i], T[j], gradient, true, w);
                assertSameBits(w.result(gradient), batch[i][j], est.mode() + " " + est.errorModel() + " θ_" + i + " at " + T[j] + " K");
            }
        }
    }

    @Test
    void blocksOfThetaGiveTheSingleEvaluationsBitForBit() {
        // 70 members: 17 rotation blocks of four and a partial one; a 5 % spread reaches non-concave tables and both α edges
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.05, 70, 2).rows(0, 70);
        for (IsosurfaceEstimator.Mode mode : IsosurfaceEstimator.Mode.values()) {
            check(IsosurfaceEstimator.of(IronCampaigns.bcc(), mode), thetas, true);
        }
        check(IsosurfaceEstimator.of(IronCampaigns.fcc(), IsosurfaceEstimator.Mode.SMOOTH), thetas, false);
        double[][] few = java.util.Arrays.copyOf(thetas, 5);
        check(IsosurfaceEstimator.of(IronCampaigns.fcc(), IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.CALIBRATED), few, true);
    }
}
