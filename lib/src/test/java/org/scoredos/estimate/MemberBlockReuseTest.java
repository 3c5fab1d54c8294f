package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.GaussianEnsemble;

/**
 * The many-θ path keeps its scratch (rotated block, lanes, the interpolants' arrays) in one workspace
 * per thread across calls: a call's results are those of a thread that never ran it, bit for bit,
 * whatever ran before it on the thread (a full block, a short one, other temperatures, with and
 * without gradient or error bar), and no two results share a gradient array.
 */
class MemberBlockReuseTest {
    private static final double[] T31 = new double[31], T7 = {300, 650, 900, 1250, 1700, 2100, 2600};

    static {
        for (int i = 0; i < T31.length; i++) T31[i] = 500 + 2000.0 * i / 30;
    }

    /** One call: the grid, the members [from, to), gradient, error bar (the ensemble's path without the order spread when {@code members}). */
    private record Call(double[] temperatures, int from, int to, boolean gradient, boolean error, boolean members) {
        FreeEnergy[][] run(IsosurfaceEstimator est, double[][] thetas) {
            double[][] block = Arrays.copyOfRange(thetas, from, to);
            return members ? est.estimateMembers(block, temperatures) : est.estimate(block, temperatures, gradient, error);
        }
    }

    private static void assertSameBits(FreeEnergy[][] fresh, FreeEnergy[][] reused, String where) {
        assertEquals(fresh.length, reused.length, where);
        for (int i = 0; i < fresh.length; i++) {
            for (int j = 0; j < fresh[i].length; j++) {
                FreeEnergy a = fresh[i][j], b = reused[i][j];
                String at = where + " θ_" + i + " at " + a.temperature() + " K";
                assertEquals(Double.doubleToLongBits(a.freeEnergy()), Double.doubleToLongBits(b.freeEnergy()), at);
                assertEquals(Double.doubleToLongBits(a.error()), Double.doubleToLongBits(b.error()), at);
                assertEquals(Double.doubleToLongBits(a.statisticalError()), Double.doubleToLongBits(b.statisticalError()), at);
                assertEquals(a.alphaStar(), b.alphaStar(), 0.0, at);
                assertEquals(a.solved(), b.solved(), at);
                if (a.gradient() == null) assertEquals(null, b.gradient(), at);
                else assertArrayEquals(a.gradient(), b.gradient(), 0.0, at);
                if (j > 0 && b.gradient() != null) assertNotSame(reused[i][j - 1].gradient(), b.gradient(), at);
            }
        }
    }

    @Test
    void eachCallMatchesAFreshEstimatorWhateverRanBefore() {
        // a 5 % spread: non-concave tables, several pieces per table, both α edges
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), 0.05, 70, 4).rows(0, 70);
        Call[] calls = {
            new Call(T31, 0, 64, false, false, false), // F only: the interpolants' arrays grow past their first size
            new Call(T31, 64, 67, true, false, false), // a short block after a full one: rows past its count are stale
            new Call(T7, 0, 70, true, true, false),    // other temperatures (new lanes), a block and a partial one
            new Call(T31, 5, 69, false, true, true),   // the ensemble's path, minimisers read again after an F-only fit
            new Call(T31, 0, 64, true, false, false),
        };
        for (ErrorModel model : ErrorModel.values()) {
            IsosurfaceEstimator est = IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH, model);
            for (int c = 0; c < calls.length; c++) {
                // the calibrated bar with its order spread goes one (θ, T) at a time, past the lanes: slow, and nothing to reuse
                if (model == ErrorModel.CALIBRATED && calls[c].error && !calls[c].members) continue;
                assertSameBits(onNewThread(calls[c], est, thetas), calls[c].run(est, thetas), model + " call " + c);
            }
        }
    }

    /** The call on a thread of its own: its workspace is new (one per thread). */
    private static FreeEnergy[][] onNewThread(Call call, IsosurfaceEstimator est, double[][] thetas) {
        FreeEnergy[][][] out = new FreeEnergy[1][][];
        Thread thread = new Thread(() -> out[0] = call.run(est, thetas));
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out[0];
    }
}
