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
 * of the root polished to rounding (or, where only F is wanted, the Legendre value to rounding), for
 * the plain interpolants, those cut into pieces (at winner thresholds too), those Newton follows, those
 * in √|s' − s'_end| next to an inflection point, and the constants.
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

    /**
     * Checks every covered table of a block (u* to 1e-13·(1 + |u|) of the polished root, or, where only F
     * is wanted, the Legendre value s'u* − S(u*) to 2e-15 of its size); returns {covered, cut into pieces,
     * with Newton, exact, one constant, root solves spent, covered across a winner threshold, holding the
     * Legendre value itself}.
     */
    private static int[] check(SmoothEstimator est, double spread, int members, double[] beta, boolean minimisers) {
        IsosurfaceCells cells = est.cells;
        PolynomialConjugate e = est.entropy();
        double[][] thetas = GaussianEnsemble.relative(IronCampaigns.thetaRef(), spread, members, 7).rows(0, members);
        double[][] rotated = new double[members][cells.tables()];
        for (int i = 0; i < members; i++) cells.rotate(thetas[i], rotated[i]);
        SlopeInterpolants fit = est.interpolants(rotated, members, beta, minimisers);
        SplittableRandom random = new SplittableRandom(11);
        int[] kinds = new int[8];
        for (int t = 0; t < cells.tables(); t++) {
            boolean constant = fit.pieces(t) == 1 && fit.constant(t, fit.first[t]);
            double sMin = Double.POSITIVE_INFINITY, sMax = Double.NEGATIVE_INFINITY;
            for (double[] r : rotated) {
                for (double b : beta) {
                    double sp = r[t] * b * cells.scale[t];
                    sMin = Math.min(sMin, sp);
                    sMax = Math.max(sMax, sp);
                    if (fit.exact(t)) continue;
                    // a constant is the one slope's exact solve, bit for bit
                    if (constant) assertEquals(constantValue(e, t, sp, fit.legendre[t]), fit.value(t, sp), 0, "table " + t);
                    else assertClose(e, t, sp, fit, "table " + t + " at a lane's s' = " + sp);
                }
            }
            if (fit.exact(t)) {
                kinds[3]++;
                continue;
            }
            kinds[0]++;
            if (fit.pieces(t) > 1) kinds[1]++;
            if (fit.polish[t]) kinds[2]++;
            if (constant) kinds[4]++;
            if (fit.legendre[t]) kinds[7]++;
            if (e.candidateIndex(t, sMin) != e.candidateIndex(t, sMax)) kinds[6]++;
            for (int i = 0; i < (constant ? 0 : 50); i++) {
                double sp = sMin + (sMax - sMin) * random.nextDouble();
                assertClose(e, t, sp, fit, "table " + t + " at s' = " + sp);
            }
        }
        kinds[5] = fit.solves;
        return kinds;
    }

    /** A constant piece: the one slope's exact solve u, or (F only) s'u − S(u) as one fused multiply-add. */
    private static double constantValue(PolynomialConjugate e, int t, double sp, boolean legendre) {
        double u = e.minimiser(t, sp);
        return legendre ? Math.fma(sp, u, -e.value(t, u)) : u;
    }

    private static void assertClose(PolynomialConjugate e, int t, double sp, SlopeInterpolants fit, String what) {
        double u = root(e, t, sp), x = fit.value(t, sp);
        if (fit.minimisers) {
            assertEquals(u, x, 1e-13 * (1 + Math.abs(u)), what);
            return;
        }
        double exact = sp * u - e.value(t, u), h = fit.legendre[t] ? x : sp * x - e.value(t, x);
        assertEquals(exact, h, 2e-15 * (1 + Math.abs(e.value(t, u)) + Math.abs(sp * u)), what);
    }

    @Test
    void anEnsembleBlockIsInterpolatedToRounding() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[] t = new double[31];
        for (int i = 0; i < t.length; i++) t[i] = 500 + 2000.0 * i / 30;
        int[] kinds = check(est, 0.01, 64, beta(t), true);
        assertEquals(0, kinds[7], "u* read: no table holds the Legendre value");
        // most tables interpolated, some cut into pieces, some with Newton's step
        assertTrue(kinds[0] > 750 && kinds[1] > 0 && kinds[2] > 0, java.util.Arrays.toString(kinds));
        // and cheaply: cutting stops before a branch point eats the root solves
        assertTrue(kinds[5] < 40 * est.cells.tables(), java.util.Arrays.toString(kinds));
    }

    @Test
    void whereOnlyFIsWantedTheLegendreValuesAreInterpolatedToRounding() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        double[] t = new double[31];
        for (int i = 0; i < t.length; i++) t[i] = 500 + 2000.0 * i / 30;
        int[] kinds = check(est, 0.01, 64, beta(t), false);
        // nearly every table: graded towards branch points, in √|s' − s'_end| next to an inflection point; half of
        // them hold the Legendre value itself, and as cheaply as u* alone
        assertTrue(kinds[0] > 1000 && kinds[6] > 40 && kinds[7] > 500, java.util.Arrays.toString(kinds));
        assertTrue(kinds[5] < 30 * est.cells.tables(), java.util.Arrays.toString(kinds));
    }

    @Test
    void aWideBlockIsCutAtThresholdsAndPieceEnds() {
        // members 5 % apart over 150–6000 K: ranges across winner thresholds and piece ends
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        for (boolean minimisers : new boolean[] {true, false}) {
            int[] kinds = check(est, 0.05, 16, beta(150, 300, 700, 1500, 3000, 6000), minimisers);
            assertTrue((minimisers || kinds[6] > 0) && kinds[1] > 0, java.util.Arrays.toString(kinds));
        }
    }

    @Test
    void oneSlopeIsAConstant() {
        SmoothEstimator est = (SmoothEstimator) IsosurfaceEstimator.of(IronCampaigns.bcc(), IsosurfaceEstimator.Mode.SMOOTH);
        int[] kinds = check(est, 0.01, 1, beta(1000), true);
        assertEquals(kinds[0], kinds[4], "every covered table a constant");
    }
}
