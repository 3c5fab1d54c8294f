package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.ensemble.GaussianEnsemble;
import org.scoredos.units.Units;

/**
 * The block interpolants of u*(s') against the root solve on the iron bcc store: at every lane's
 * slope of a block and at random slopes across each table's interpolated range, u* to 1e-13·(1 + |u|)
 * of the root polished to rounding, for the plain interpolants, those cut into pieces, those Newton
 * follows, and the constants; tables whose range crosses a winner threshold keep the exact solve.
 */
class SlopeInterpolantsTest {
    private static double[] beta(double... temperatures) {
        double[] beta = new double[temperatures.length];
        for (int j = 0; j < beta.length; j++) beta[j] = 1.0 / (Units.KB * temperatures[j]);
        return beta;
    }

    private static double root(PolynomialConjugate e, int t, double sp) {
        int p = e.candidate(t, sp);
        return p >= 0 ? e.polishedRoot(t, p, sp) : e.minimiser(t, sp);
    }

    /** Checks every covered table of a block; returns {covered, cut into pieces, with Newton, exact, constant, root solves spent}. */
    private static int[] check(SmoothEstimator est, double spread, int members, double[] beta) {
        IsosurfaceCells cells = est.cells;
        PolynomialConjugate e = est.entropy();
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), spread, members, 7).rows(0, members);
        double[][] rotated = new double[members][cells.tables()];
        for (int i = 0; i < members; i++) cells.rotate(thetas[i], rotated[i]);
        SlopeInterpolants fit = est.interpolants(rotated, members, beta);
        SplittableRandom random = new SplittableRandom(11);
        int[] kinds = new int[6];
        for (int t = 0; t < cells.tables(); t++) {
            double sMin = Double.POSITIVE_INFINITY, sMax = Double.NEGATIVE_INFINITY;
            for (double[] r : rotated) {
                for (double b : beta) {
                    double sp = r[t] * b * cells.scale[t];
                    sMin = Math.min(sMin, sp);
                    sMax = Math.max(sMax, sp);
                    if (fit.exact(t)) continue;
                    // a constant is the one slope's exact solve, bit for bit
                    double u = fit.degree[t] == 0 ? e.minimiser(t, sp) : root(e, t, sp);
                    assertEquals(u, fit.value(t, sp), fit.degree[t] == 0 ? 0 : 1e-13 * (1 + Math.abs(u)), "table " + t + " at a lane's s' = " + sp);
                }
            }
            if (fit.exact(t)) {
                kinds[3]++;
                assertTrue(e.candidateIndex(t, sMin) != e.candidateIndex(t, sMax) || fit.pieces[t] == 0, "table " + t);
                continue;
            }
            kinds[0]++;
            if (fit.pieces[t] > 1) kinds[1]++;
            if (fit.polish[t]) kinds[2]++;
            if (fit.degree[t] == 0) kinds[4]++;
            for (int i = 0; i < (fit.degree[t] == 0 ? 0 : 50); i++) {
                double sp = sMin + (sMax - sMin) * random.nextDouble();
                double u = root(e, t, sp);
                assertEquals(u, fit.value(t, sp), 1e-13 * (1 + Math.abs(u)), "table " + t + " at s' = " + sp);
            }
        }
        kinds[5] = fit.solves;
        return kinds;
    }

    @Test
    void anEnsembleBlockIsInterpolatedToRounding() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[] t = new double[31];
        for (int i = 0; i < t.length; i++) t[i] = 500 + 2000.0 * i / 30;
        int[] kinds = check(est, 0.01, 64, beta(t));
        // most tables interpolated, some cut into pieces, some with Newton's step, some kept exact
        assertTrue(kinds[0] > 700 && kinds[1] > 0 && kinds[2] > 0 && kinds[3] > 0, java.util.Arrays.toString(kinds));
        // and cheaply: cutting stops before a branch point eats the root solves (≈ 22 per table here)
        assertTrue(kinds[5] < 30 * est.cells.tables(), java.util.Arrays.toString(kinds));
    }

    @Test
    void aWideBlockFallsBackWhereItMust() {
        // members 5 % apart over 150–6000 K: ranges across winner thresholds and piece ends
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        int[] kinds = check(est, 0.05, 16, beta(150, 300, 700, 1500, 3000, 6000));
        assertTrue(kinds[3] > kinds[0] / 10 && kinds[1] > 0, java.util.Arrays.toString(kinds));
    }

    @Test
    void oneSlopeIsAConstant() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        int[] kinds = check(est, 0.01, 1, beta(1000));
        assertEquals(kinds[0], kinds[4], "every covered table a constant");
    }
}
