package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.summary.PhaseSummary;

/** Smooth mode: close to reference mode, and its gradient is the exact derivative of its F. */
class SmoothModeTest {

    @Test
    void closeToReferenceMode() {
        double[] theta = IronCampaigns.thetaRef();
        double[] temps = new double[31];
        for (int i = 0; i < 31; i++) temps[i] = 500 + 2000.0 * i / 30;
        for (PhaseSummary phase : new PhaseSummary[] {IronCampaigns.bcc(), IronCampaigns.fcc()}) {
            FreeEnergy[] ref = IsosurfaceEstimator.of(phase, Mode.REFERENCE).estimate(theta, temps, false);
            FreeEnergy[] smooth = IsosurfaceEstimator.of(phase, Mode.SMOOTH).estimate(theta, temps, false);
            for (int i = 0; i < temps.length; i++) {
                String at = phase.name() + " at " + temps[i] + " K";
                assertEquals(ref[i].freeEnergy(), smooth[i].freeEnergy(), 5e-4, at);
                assertEquals(ref[i].error(), smooth[i].error(), 0.2 * ref[i].error(), at);
                // α* moves continuously instead of on the dense grid, within about one grid step
                assertEquals(ref[i].alphaStar(), smooth[i].alphaStar(), 0.08, at);
            }
        }
        PhaseTransition r = new PhaseTransition(IsosurfaceEstimator.of(IronCampaigns.fcc(), Mode.REFERENCE),
                IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.REFERENCE));
        PhaseTransition s = new PhaseTransition(IsosurfaceEstimator.of(IronCampaigns.fcc(), Mode.SMOOTH),
                IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.SMOOTH));
        assertEquals(r.table(theta, temps).tc().temperature(), s.table(theta, temps).tc().temperature(), 0.5);
    }

    @Test
    void gradientIsTheDerivativeOfF() {
        double[] theta0 = IronCampaigns.thetaRef();
        Random rng = new Random(7);
        for (PhaseSummary phase : new PhaseSummary[] {IronCampaigns.bcc(), IronCampaigns.fcc()}) {
            IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, Mode.SMOOTH);
            for (double temperature : new double[] {300, 800, 1063, 1500, 2200}) {
                double[] theta = theta0.clone();
                for (int i = 0; i < theta.length; i++) theta[i] *= 1 + 0.02 * rng.nextGaussian();
                FreeEnergy f = est.estimate(theta, temperature);
                double[] d0 = est.latticeDescriptor();
                // ∂F/∂θ alone (the gradient is of the total θ·D_0 + F), against central differences of F
                double[] exact = new double[theta.length];
                for (int i = 0; i < theta.length; i++) exact[i] = f.gradient()[i] - d0[i];
                double at = temperature;
                double[] fd = CentralDifferences.of(x -> free(est, x, at), theta, 1e-6, 1e-12, 1);
                CentralDifferences.Mismatch mismatch = CentralDifferences.Mismatch.of(fd, exact);
                double worst = mismatch.worst(), scale = mismatch.scale();
                assertTrue(worst <= 1e-6 * scale, phase.name() + " at " + temperature + " K: |FD − ∂F/∂θ| = " + worst
                        + " against max |∂F/∂θ| = " + scale);
            }
        }
    }

    @Test
    void cellsFittedInDifferentBasesAndOrders() {
        PhaseSummary phase = IronCampaigns.bcc();
        java.util.List<org.scoredos.summary.CellSummary> cells = new java.util.ArrayList<>();
        org.scoredos.score.ScoreMatcher monomial = new org.scoredos.score.ScoreMatcher(org.scoredos.score.PolynomialBasis.of("monomial", 4));
        for (int a = 0; a < phase.cells().size(); a++) {
            org.scoredos.summary.CellSummary c = phase.cells().get(a);
            cells.add(a % 2 == 0 ? c : c.withScores(monomial.fit(c, phase.reference().atoms())));
        }
        PhaseSummary mixed = new PhaseSummary(phase.name(), phase.reference(), cells);
        double[] theta = IronCampaigns.thetaRef();
        for (Mode mode : Mode.values()) {
            double f = IsosurfaceEstimator.of(mixed, mode).estimate(theta, 1000).freeEnergy();
            double g = IsosurfaceEstimator.of(phase, mode).estimate(theta, 1000).freeEnergy();
            // a quartic entropy is a coarser model of the same histograms: a few meV/atom apart
            assertEquals(g, f, 5e-3, mode.name());
        }
    }

    @Test
    void gradientIsNotTheReferencesApproximation() {
        // the reference's interpolated mean descriptor differs from the exact ∂F/∂θ by percents
        double[] theta = IronCampaigns.thetaRef();
        FreeEnergy smooth = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.SMOOTH).estimate(theta, 1000);
        FreeEnergy ref = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.REFERENCE).estimate(theta, 1000);
        double[] d0 = IronCampaigns.bcc().reference().d0();
        double num = 0, den = 0;
        for (int i = 0; i < d0.length; i++) {
            num += Math.pow(smooth.gradient()[i] - ref.gradient()[i], 2);
            den += Math.pow(smooth.gradient()[i] - d0[i], 2);
        }
        double rel = Math.sqrt(num / den);
        assertTrue(rel > 1e-3 && rel < 0.3, "relative difference " + rel);
    }

    private static double free(IsosurfaceEstimator est, double[] theta, double t) {
        return est.estimate(theta, new double[] {t}, false)[0].freeEnergy();
    }
}
