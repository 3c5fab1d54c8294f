package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batched minimisation (seed tables + Newton) finds the global minimiser of s'·u − S(u). */
class PolynomialConjugateTest {

    @Test
    void batchedMinimisersAreGlobalMinimisers() {
        // concave with S'' = −0.375(u² − 0.8)² − 0.001, nearly flat at |u| ≈ 0.89 like the fitted
        // entropies; two with convex stretches inside (S'' > 0 for 0.82 < |u| < 1, and for
        // 0.57 < |u| < 1.02), so candidates swap; one convex near its upper end
        double[][] s = {
            {0.0, 0.0, -0.1205, 0.0, 0.05, 0.0, -0.0125, 0.0},
            {0.0, 0.0, -0.12, 0.0, 0.05, 0.0, -0.012, 0.0},
            {0.0, -0.01, -0.125, 0.0, 0.0833, 0.0, -0.0244, 0.0},
            {0.0, 0.02, -0.1, 0.05, 0.02, -0.01, 0.0, 0.0},
        };
        double[] lower = {-1.7, -1.7, -1.7, -1.5}, upper = {1.7, 1.7, 1.7, 1.5};
        PolynomialConjugate conjugate = new PolynomialConjugate(s, lower, upper);
        Random rng = new Random(3);
        int tables = s.length, n = 2000;
        double[] sp = new double[tables], u = new double[tables];
        int[] piece = new int[tables];
        for (int trial = 0; trial < n; trial++) {
            for (int t = 0; t < tables; t++) sp[t] = 0.5 * (2 * rng.nextDouble() - 1);
            conjugate.argminAll(sp, u, piece);
            for (int t = 0; t < tables; t++) {
                assertEquals(conjugate.argmin(t, sp[t]), u[t], 1e-8, "table " + t + " at s' = " + sp[t]);
                // nothing on a fine grid lies below the minimum found
                double found = sp[t] * u[t] - conjugate.value(t, u[t]);
                for (int i = 0; i <= 400; i++) {
                    double x = lower[t] + (upper[t] - lower[t]) * i / 400;
                    assertTrue(sp[t] * x - conjugate.value(t, x) >= found - 1e-12, "table " + t + " at s' = " + sp[t]);
                }
            }
        }
    }

    /**
     * The root solves in passes are {@link PolynomialConjugate#polishedRoot} one at a time, bit for bit (beyond a piece's
     * slopes too, and keeping what is given as solved), and where the polish took its Newton step they hand back the
     * S'' it divided by: within 1e-9 of S'' at the root; elsewhere the curvature is left untouched.
     */
    @Test
    void rootSolvesInPassesAreTheOneAtATimeSolvesAndGiveTheirCurvature() {
        double[][] s = {
            {0.0, 0.0, -0.1205, 0.0, 0.05, 0.0, -0.0125, 0.0},
            {0.0, -0.01, -0.125, 0.0, 0.0833, 0.0, -0.0244, 0.0},
        };
        PolynomialConjugate e = new PolynomialConjugate(s, new double[] {-1.7, -1.7}, new double[] {1.7, 1.7});
        Random rng = new Random(5);
        int n = 13;
        double[] sp = new double[n], u = new double[n], bend = new double[n];
        int[] state = new int[n];
        int polished = 0;
        for (int t = 0; t < s.length; t++) {
            for (int p = e.pieceStart[t]; p < e.pieceStart[t + 1]; p++) {
                for (int trial = 0; trial < 50; trial++) {
                    double low = e.slopeR[p], high = e.slopeL[p], width = high - low;
                    for (int i = 0; i < n; i++) {
                        sp[i] = low - 0.1 * width + 1.2 * width * rng.nextDouble(); // some beyond the piece's slopes
                        state[i] = i % 5 == 4 ? PolynomialConjugate.SOLVED : PolynomialConjugate.UNSOLVED;
                        u[i] = state[i] == PolynomialConjugate.SOLVED ? 0.25 : Double.NaN; // a given root is kept as it is
                        bend[i] = Double.NaN;
                    }
                    e.polishedRoots(t, p, sp, u, state, n, bend);
                    for (int i = 0; i < n; i++) {
                        String at = "table " + t + " piece " + p + " at s' = " + sp[i];
                        if (i % 5 == 4) {
                            assertEquals(0.25, u[i], 0.0, at);
                            assertTrue(Double.isNaN(bend[i]), at);
                            continue;
                        }
                        assertEquals(e.polishedRoot(t, p, sp[i]), u[i], 0.0, at);
                        boolean inside = sp[i] < high && sp[i] > low;
                        if (!inside) assertTrue(Double.isNaN(bend[i]), at);
                        if (Double.isNaN(bend[i])) continue;
                        polished++;
                        double exact = e.curvature(t, u[i]);
                        assertTrue(bend[i] < 0, at);
                        assertEquals(exact, bend[i], 1e-9 * Math.abs(exact), at);
                    }
                }
            }
        }
        assertTrue(polished > 500, "polished " + polished);
    }
}
