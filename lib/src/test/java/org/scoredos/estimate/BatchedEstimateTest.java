package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.GaussianEnsemble;

/**
 * The many-θ estimate (θ rotated four at a time) gives every (θ, T) what one evaluation of that θ at
 * that T gives: F, error bar and its parts, α*, solved flag and gradient — bit for bit in reference
 * and integral mode and for blocks too small to interpolate, and where smooth mode interpolates a
 * block's transforms ({@link SlopeInterpolants}) F and the gradient to 1e-12 relative, the error bars
 * to 1e-10. So does one θ at many temperatures laid out side by side (smooth mode, bit for bit), with
 * the SIMD kernel and the plain-Java one, which also agree bit for bit with each other on interpolants.
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

    private static void assertRelative(double one, double batch, double tolerance, String where) {
        if (Double.isNaN(one)) assertTrue(Double.isNaN(batch), where);
        else assertEquals(one, batch, tolerance * Math.abs(one), where);
    }

    /**
     * F and the gradient (every component to 1e-12 of its Euclidean norm) relative, the bars to 1e-10,
     * α* to 1e-10, the same flag. The gradient's differences are the single path's: its Newton stops
     * within ~1e-10 of the root, the interpolants within ~1e-15 (worst seen 8e-13 of the norm).
     */
    static void assertClose(FreeEnergy one, FreeEnergy batch, String where) {
        assertRelative(one.freeEnergy(), batch.freeEnergy(), 1e-12, where + ": F");
        assertRelative(one.error(), batch.error(), 1e-10, where + ": error bar");
        assertRelative(one.statisticalError(), batch.statisticalError(), 1e-10, where + ": statistical");
        assertRelative(one.systematicError(), batch.systematicError(), 1e-10, where + ": systematic");
        assertEquals(one.alphaStar(), batch.alphaStar(), 1e-10, where + ": α*");
        assertEquals(one.solved(), batch.solved(), where);
        if (one.gradient() == null) {
            assertEquals(null, batch.gradient(), where);
            return;
        }
        double norm = 0;
        for (double g : one.gradient()) norm += g * g;
        assertArrayEquals(one.gradient(), batch.gradient(), 1e-12 * Math.sqrt(norm), where + ": gradient");
    }

    private static void check(IsosurfaceEstimator est, double[][] thetas, double[] temperatures, boolean gradient, boolean error) {
        FreeEnergy[][] batch = est.estimate(thetas, temperatures, gradient, error);
        IsosurfaceWorkspace w = est.workspace();
        // smooth mode interpolates the transforms of blocks of enough (θ, T); integral mode never does
        boolean interpolated = (est.mode() == IsosurfaceEstimator.Mode.SMOOTH || est.mode() == IsosurfaceEstimator.Mode.LOCAL)
                && Math.min(thetas.length, IsosurfaceEstimator.MEMBERS) * temperatures.length >= SmoothEstimator.MIN_FIT_LANES;
        for (int i = 0; i < thetas.length; i++) {
            for (int j = 0; j < temperatures.length; j++) {
                est.evaluate(thetas[i], temperatures[j], gradient, error, w);
                String where = est.mode() + " " + est.errorModel() + " θ_" + i + " at " + temperatures[j] + " K";
                if (interpolated) assertClose(w.result(gradient), batch[i][j], where);
                else assertSameBits(w.result(gradient), batch[i][j], where);
            }
        }
    }

    private static void check(IsosurfaceEstimator est, double[][] thetas, boolean gradient) {
        check(est, thetas, T, gradient, true);
    }

    @Test
    void blocksOfThetaGiveTheSingleEvaluations() {
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
                    est.evaluateLanes(kernel, MANY, gradient, error, lanes, out, null);
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

    /**
     * 37 temperatures: lane vectors in fours and one left over (both register tiles of the back-rotation),
     * 55 components (the last tile repeats one), 1100 tables (blocks of 128 and a partial one): the
     * gradient bit for bit as the single path's, and each component within 1e-14 of the gradient's norm of
     * the exactly summed D_0 + Σ_t v_t R[:, t].
     */
    @Test
    void theBackRotationsRegisterTilesSumAsTheSinglePath() {
        double[] temperatures = new double[37];
        for (int j = 0; j < temperatures.length; j++) temperatures[j] = 300 + 100.0 * j;
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.02, 2, 7).rows(0, 2);
        IsosurfaceWorkspace lanes = est.workspace(false), one = est.workspace(false);
        FreeEnergy[] out = new FreeEnergy[temperatures.length];
        IsosurfaceCells cells = est.cells;
        for (int i = 0; i < thetas.length; i++) {
            est.rotate(thetas[i], lanes);
            est.evaluateLanes(est.kernel(), temperatures, true, false, lanes, out, null);
            for (int j = 0; j < temperatures.length; j++) {
                est.evaluate(thetas[i], temperatures[j], true, false, one);
                assertSameBits(one.result(true), out[j], "θ_" + i + " at " + temperatures[j] + " K");
            }
            TemperatureLanes l = lanes.lanes(temperatures.length, est.kernel().laneMultiple());
            for (int j = 0; j < temperatures.length; j += 9) {
                double[] exact = new double[cells.d];
                double norm = 0;
                for (int c = 0; c < cells.d; c++) {
                    java.math.BigDecimal sum = new java.math.BigDecimal(cells.d0[c]);
                    for (int t = 0; t < cells.tables(); t++) {
                        double v = l.weights[t / cells.d * l.width + j] * (cells.offset[t] + cells.scale[t] * l.ustar[t * l.width + j]);
                        sum = sum.add(new java.math.BigDecimal(v).multiply(new java.math.BigDecimal(cells.rotation[c][t])));
                    }
                    exact[c] = sum.doubleValue();
                    norm += exact[c] * exact[c];
                }
                for (int c = 0; c < cells.parameters; c++) {
                    assertEquals(exact[c], out[j].gradient()[c], 1e-14 * Math.sqrt(norm), "component " + c + " at " + temperatures[j] + " K");
                }
            }
        }
    }

    /**
     * Blocks whose slopes force the interpolants' fallbacks: members 5 % apart from far below to far
     * above the sampled range (winner thresholds and piece ends inside the ranges, tables cut into
     * pieces, Newton after the interpolant), with and without gradient and error bar; and the 1 %
     * ensemble of the bench over 500–2500 K. The SIMD and plain-Java kernels give the same bits, at 17
     * temperatures and at 37 (lane vectors in fours too), ascending, descending and shuffled (a table's
     * pieces in one run of lanes, or scattered).
     */
    @Test
    void interpolatedBlocksAgreeWithTheSingleEvaluationsTo1e12() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[][] wide = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.05, 24, 5).rows(0, 24);
        for (boolean gradient : new boolean[] {true, false}) {
            for (boolean error : new boolean[] {true, false}) check(est, wide, MANY, gradient, error);
        }
        // temperatures in the caller's order, falling and shuffled: the same numbers
        double[] falling = new double[MANY.length], shuffledMany = new double[MANY.length];
        for (int j = 0; j < MANY.length; j++) {
            falling[j] = MANY[MANY.length - 1 - j];
            shuffledMany[j] = MANY[(j * 7) % MANY.length];
        }
        check(est, wide, falling, true, true);
        check(est, wide, shuffledMany, false, false);
        double[] grid = new double[31];
        for (int i = 0; i < grid.length; i++) grid[i] = 500 + 2000.0 * i / 30;
        // the bench's block, with the gradient and (interpolants to what F needs) without
        for (boolean gradient : new boolean[] {true, false}) {
            check(est, GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.01, 64, 1).rows(0, 64), grid, gradient, false);
        }
        // the ensemble's members: the calibrated bar without the order spread
        IsosurfaceEstimator calibrated = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH, ErrorModel.CALIBRATED);
        double[][] members = java.util.Arrays.copyOf(wide, 16);
        FreeEnergy[][] batch = calibrated.estimateMembers(members, MANY);
        IsosurfaceWorkspace one = calibrated.workspace(false);
        for (int i = 0; i < members.length; i++) {
            for (int j = 0; j < MANY.length; j++) {
                calibrated.evaluate(members[i], MANY[j], false, true, one);
                assertClose(one.result(false), batch[i][j], "calibrated member θ_" + i + " at " + MANY[j] + " K");
            }
        }

        IsosurfaceCells cells = est.cells;
        double[][] rotated = new double[wide.length][cells.tables()];
        for (int i = 0; i < wide.length; i++) cells.rotate(wide[i], rotated[i]);
        // 17 temperatures (lane vectors one at a time) and 37 over 150–6000 K (also in fours: the one-pass tiles)
        double[] spread = new double[37];
        for (int j = 0; j < spread.length; j++) spread[j] = 150 * Math.pow(40, j / 36.0);
        // the lanes in the caller's order: descending, and shuffled (a table's pieces then fall in scattered lanes)
        double[] descending = new double[spread.length], shuffled = new double[spread.length];
        for (int j = 0; j < spread.length; j++) {
            descending[j] = spread[spread.length - 1 - j];
            shuffled[j] = spread[(j * 17) % spread.length];
        }
        for (double[] temperatures : new double[][] {MANY, spread, descending, shuffled}) {
            double[] beta = new double[temperatures.length];
            for (int j = 0; j < beta.length; j++) beta[j] = 1.0 / (org.scoredos.units.Units.KB * temperatures[j]);
            IsosurfaceWorkspace w = est.workspace(false);
            FreeEnergy[] simd = new FreeEnergy[temperatures.length], plain = new FreeEnergy[temperatures.length];
            // u* read (gradient and error bar), and F only (tables holding their Legendre values)
            for (boolean minimisers : new boolean[] {true, false}) {
                SlopeInterpolants fit = est.interpolants(rotated, wide.length, beta, minimisers);
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(rotated[i], 0, w.rotated, 0, w.rotated.length);
                    est.evaluateLanes(est.kernel(), temperatures, minimisers, minimisers, w, simd, fit);
                    est.evaluateLanes(est.scalarKernel(), temperatures, minimisers, minimisers, w, plain, fit);
                    for (int j = 0; j < temperatures.length; j++) {
                        assertSameBits(plain[j], simd[j], "kernels on interpolants (u* read: " + minimisers + "), θ_" + i + " at " + temperatures[j] + " K");
                    }
                    // sorted either way, each piece's lanes are one run (the SIMD kernel's one-pass path); shuffled, they are not
                    assertEquals(temperatures != shuffled, w.lanes(temperatures.length, est.kernel().laneMultiple()).monotone);
                }
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
