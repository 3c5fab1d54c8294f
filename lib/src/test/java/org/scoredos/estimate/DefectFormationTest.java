package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;

/**
 * G_f = F_d − (N_d/N_p) F_p on two stored iron phases standing in for a defect cell (fcc, 108 atoms)
 * and its perfect crystal (bcc, 128 atoms): the algebra of totals, the error bar and the exact gradient.
 */
class DefectFormationTest {
    private static final double[] TEMPERATURES = {600, 1000, 1500};

    private static DefectFormation formation(Mode mode) {
        PhaseSummary d = IronCampaigns.fcc(), p = IronCampaigns.bcc();
        return new DefectFormation(IsosurfaceEstimator.of(d, mode), d.reference().atoms(), IsosurfaceEstimator.of(p, mode),
                p.reference().atoms());
    }

    @Test
    void formationIsTheDifferenceOfCellTotals() {
        DefectFormation g = formation(Mode.SMOOTH);
        double[] theta = IronCampaigns.thetaRef();
        int nd = g.defectAtoms(), np = g.perfectAtoms();
        assertEquals(108, nd);
        assertEquals(128, np);
        ReferenceConstants rd = IronCampaigns.fcc().reference(), rp = IronCampaigns.bcc().reference();
        double staticEnergy = 0;
        for (int k = 0; k < theta.length; k++) staticEnergy += nd * theta[k] * (rd.d0()[k] - rp.d0()[k]);
        assertEquals(staticEnergy, g.staticEnergy(theta), 1e-9 * Math.abs(staticEnergy));

        DefectFormation.Formation[] rows = g.at(theta, TEMPERATURES, false);
        for (int i = 0; i < TEMPERATURES.length; i++) {
            FreeEnergy fd = g.defect().estimate(theta, TEMPERATURES[i]), fp = g.perfect().estimate(theta, TEMPERATURES[i]);
            // totals: F_X = N_X (θ·D_0^X + f_X); β0 would add N_d β0 to both terms and cancel
            double totalD = nd * (g.defect().latticeEnergy(theta) + fd.freeEnergy());
            double totalP = np * (g.perfect().latticeEnergy(theta) + fp.freeEnergy());
            assertEquals(totalD - (double) nd / np * totalP, rows[i].freeEnergy(), 1e-9 * Math.abs(totalD));
            assertEquals(nd * Math.sqrt(fd.error() * fd.error() + fp.error() * fp.error()), rows[i].error(), 1e-12);
            assertEquals(fd.solved() && fp.solved(), rows[i].solved());
            assertEquals(TEMPERATURES[i], rows[i].temperature());
            assertNull(rows[i].gradient());
        }
    }

    @Test
    void gradientIsTheDerivativeOfTheFormationFreeEnergy() {
        DefectFormation g = formation(Mode.SMOOTH);
        Random rng = new Random(11);
        double[] theta = IronCampaigns.thetaRef();
        for (int i = 0; i < theta.length; i++) theta[i] *= 1 + 0.02 * rng.nextGaussian();
        DefectFormation.Formation[] rows = g.at(theta, TEMPERATURES, true);
        for (int t = 0; t < TEMPERATURES.length; t++) {
            double[] exact = rows[t].gradient();
            double at = TEMPERATURES[t];
            double[] fd = CentralDifferences.of(x -> value(g, x, at), theta, 1e-6, 1e-12, 1);
            CentralDifferences.Mismatch mismatch = CentralDifferences.Mismatch.of(fd, exact);
            double worst = mismatch.worst(), scale = mismatch.scale();
            assertTrue(worst <= 1e-6 * scale, TEMPERATURES[t] + " K: |FD − ∂G_f/∂θ| = " + worst + " against max " + scale);
        }
    }

    @Test
    void calibratedSystematicErrorIsTheOrderSpreadOfTheFormationFreeEnergy() {
        PhaseSummary d = IronCampaigns.fcc(), p = IronCampaigns.bcc();
        DefectFormation g = DefectFormation.of(d, p, Mode.SMOOTH, ErrorModel.CALIBRATED);
        double[] theta = IronCampaigns.thetaRef();
        DefectFormation.Formation[] rows = g.at(theta, TEMPERATURES, false);
        // the same pair refitted at orders 6 and 8 (the stored fits are order 7), independently of the class
        double[][] spread = new double[2][];
        int n = 0;
        for (int order : new int[] {6, 8}) {
            ScoreMatcher refit = new ScoreMatcher(PolynomialBasis.of("chebyshev", order));
            DefectFormation q = new DefectFormation(IsosurfaceEstimator.neighbour(refit.fit(d), Mode.SMOOTH), 108,
                    IsosurfaceEstimator.neighbour(refit.fit(p), Mode.SMOOTH), 128);
            spread[n] = new double[TEMPERATURES.length];
            DefectFormation.Formation[] qs = q.at(theta, TEMPERATURES, false);
            for (int i = 0; i < TEMPERATURES.length; i++) spread[n][i] = qs[i].freeEnergy();
            n++;
        }
        for (int i = 0; i < TEMPERATURES.length; i++) {
            DefectFormation.Formation r = rows[i];
            double sys = Math.max(Math.abs(spread[0][i] - r.freeEnergy()), Math.abs(spread[1][i] - r.freeEnergy()));
            assertEquals(sys, r.systematicError(), 1e-12 * Math.max(1, sys));
            assertEquals(108 * Math.hypot(r.defect().statisticalError(), r.perfect().statisticalError()), r.statisticalError(), 1e-12);
            assertEquals(r.statisticalError(), r.error(), 0); // the order spread is reported beside the bar
            assertTrue(r.statisticalError() > 0 && r.systematicError() > 0, r.toString());
            // F does not depend on the error model here: the imported stores' frames are their covariance's eigenvectors (no frame term)
            assertEquals(formation(Mode.SMOOTH).at(theta, new double[] {TEMPERATURES[i]}, false)[0].freeEnergy(), r.freeEnergy(), 1e-12);
        }
    }

    @Test
    void atomCountsMustBePositive() {
        IsosurfaceEstimator iron = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.SMOOTH);
        assertThrows(BadInputException.class, () -> new DefectFormation(iron, 0, iron, 128));
        assertThrows(BadInputException.class, () -> new DefectFormation(iron, 127, iron, -1));
    }

    private static double value(DefectFormation g, double[] theta, double temperature) {
        return g.at(theta, new double[] {temperature}, false)[0].freeEnergy();
    }
}
