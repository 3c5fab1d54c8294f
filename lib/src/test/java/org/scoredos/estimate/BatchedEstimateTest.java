package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.GaussianEnsemble;

/**
 * The many-θ estimate (θ rotated four at a time) gives every (θ, T) exactly what one evaluation of
 * that θ at that T gives: F, error bar and its parts, α*, solved flag and gradient, bit for bit, in
 * both modes and error models — what an ensemble's members rely on. So does one θ at many
 * temperatures laid out side by side (smooth mode), with the SIMD kernel and the plain-Java one.
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

    /** Temperatures from far below to far above the sampled range (α* at both edges, unsolved), not a multiple of the SIMD width. */
    private static final double[] MANY = {150, 300, 500, 700, 900, 1000, 1100, 1250, 1433.3, 1600, 1800, 1966.7, 2200, 2500, 3000, 4000, 6000};

    private static void checkLanes(SmoothEstimator est, LaneKernel kernel, double[][] thetas) {
        IsosurfaceWorkspace lanes = est.workspace(false), one = est.workspace(false);
        FreeEnergy[] out = new FreeEnergy[MANY.length];
        for (boolean gradient : new boolean[] {true, false}) {
            for (boolean error : new boolean[] {true, false}) {
                for (int i = 0; i < thetas.length; i++) {
                    est.rotate(thetas[i], lanes);
                    est.evaluateLanes(kernel, MANY, gradient, error, lanes, out);
                    for (int j = 0; j < MANY.length; j++) {
                        est.evaluate(thetas[i], MANY[j], gradient, error, one);
                        assertSameBits(one.result(gradient), out[j], est.mode() + " " + est.errorModel() + " " + kernel.getClass().getSimpleName()
                                + (error ? " error bar" : "") + (gradient ? " gradient" : "") + " θ_" + i + " at " + MANY[j] + " K");
                    }
                }
            }
        }
    }

    @Test
    void bothLaneKernelsGiveTheSingleEvaluationsBitForBit() {
        // a 5 % spread: non-concave tables with several candidates across the temperatures, Newton's continuation
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.05, 4, 3).rows(0, 4);
        for (IsosurfaceEstimator.Mode mode : new IsosurfaceEstimator.Mode[] {IsosurfaceEstimator.Mode.SMOOTH, IsosurfaceEstimator.Mode.LOCAL}) {
            for (ErrorModel model : ErrorModel.values()) {
                SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), mode, model);
                checkLanes(est, est.kernel(), thetas);
                checkLanes(est, est.scalarKernel(), java.util.Arrays.copyOf(thetas, 1));
            }
        }
    }

    @Test
    void theSimdKernelRunsWhereTheJvmHasTheVectorModule() {
        // the build's tests run with --add-modules jdk.incubator.vector; without it the scalar kernel (checked above) runs
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        assertTrue(LaneKernel.vectorModule(), "tests run with the vector module");
        assertEquals("VectorLanes", est.kernel().getClass().getSimpleName());
    }

    @Test
    void manyThetaWithoutErrorBarsGiveTheSingleEvaluations() {
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.01, 9, 4).rows(0, 9);
        IsosurfaceEstimator est = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        FreeEnergy[][] batch = est.estimate(thetas, MANY, true, false);
        IsosurfaceWorkspace w = est.workspace();
        for (int i = 0; i < thetas.length; i++) {
            for (int j = 0; j < MANY.length; j++) {
                est.evaluate(thetas[i], MANY[j], true, false, w);
                assertSameBits(w.result(true), batch[i][j], "θ_" + i + " at " + MANY[j] + " K");
                assertTrue(Double.isNaN(batch[i][j].error()));
            }
        }
    }
}
