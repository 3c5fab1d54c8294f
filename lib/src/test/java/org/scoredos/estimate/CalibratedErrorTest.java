package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;

/** The calibrated error model: its statistical part against replicate stores, its systematic part against refits at p ± 1 (the frame term: FrameCorrectionTest). */
class CalibratedErrorTest {
    private static final double[] TEMPERATURES = {700, 1000};

    /**
     * The phase with every (cell, component) histogram redrawn independently, each bin count a
     * Poisson draw about the stored one (the Poisson bootstrap of the multinomial counts), refitted.
     */
    private static PhaseSummary replicate(PhaseSummary phase, RandomGenerator rng) {
        List<CellSummary> cells = new ArrayList<>();
        for (CellSummary c : phase.cells()) {
            long[][] counts = new long[c.components()][c.bins()];
            for (int k = 0; k < counts.length; k++) {
                for (int j = 0; j < counts[k].length; j++) {
                    long n = c.counts()[k][j];
                    counts[k][j] = n == 0 ? 0 : new PoissonDistribution(rng, n, PoissonDistribution.DEFAULT_EPSILON,
                            PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                }
            }
            cells.add(new CellSummary(c.tau(), c.alpha(), c.samples(), c.mean(), c.covariance(), c.eigenvalues(), c.rotation(),
                    c.binEdges(), counts, null));
        }
        PhaseSummary redrawn = new PhaseSummary(phase.name(), phase.reference(), cells, phase.conditioning());
        return new ScoreMatcher(PolynomialBasis.of("chebyshev", 7)).fit(redrawn);
    }

    /** 24 replicate stores of the iron bcc campaign, made once for the tests that need them (the refits are most of their time). */
    private static List<IsosurfaceEstimator> replicates;

    private static synchronized List<IsosurfaceEstimator> replicates() {
        if (replicates == null) {
            RandomGenerator rng = new Well19937c(11);
            List<IsosurfaceEstimator> out = new ArrayList<>();
            for (int r = 0; r < 24; r++) out.add(IsosurfaceEstimator.of(replicate(IronCampaigns.bcc(), rng), Mode.SMOOTH));
            replicates = out;
        }
        return replicates;
    }

    @Test
    void statisticalErrorIsTheScatterOfFOverReplicateStores() {
        PhaseSummary phase = IronCampaigns.bcc();
        double[] theta = IronCampaigns.thetaRef();
        // the histograms' part of the statistical error: the replicates below redraw the counts, not the covariance,
        // so the frame term's noise (FrameCorrectionTest) is taken out of the bar
        IsosurfaceEstimator calibrated = IsosurfaceEstimator.of(phase, Mode.SMOOTH, ErrorModel.CALIBRATED);
        double[] histograms = new double[TEMPERATURES.length];
        IsosurfaceWorkspace w = calibrated.workspace();
        for (int i = 0; i < TEMPERATURES.length; i++) {
            calibrated.evaluate(theta, TEMPERATURES[i], false, true, w);
            double frame = calibrated.frame.noise(org.scoredos.units.Units.KB * TEMPERATURES[i], w.weights, w);
            histograms[i] = Math.sqrt(w.statisticalError() * w.statisticalError() - frame * frame);
        }
        int replicates = replicates().size();
        double[] sum = new double[TEMPERATURES.length], sumSq = new double[TEMPERATURES.length];
        for (IsosurfaceEstimator e : replicates()) {
            FreeEnergy[] f = e.estimate(theta, TEMPERATURES, false);
            for (int i = 0; i < f.length; i++) {
                sum[i] += f[i].freeEnergy();
                sumSq[i] += f[i].freeEnergy() * f[i].freeEnergy();
            }
        }
        for (int i = 0; i < TEMPERATURES.length; i++) {
            double mean = sum[i] / replicates;
            double scatter = Math.sqrt((sumSq[i] - replicates * mean * mean) / (replicates - 1));
            // 24 replicates give the scatter to ±14 % (1σ); the first-order propagation came out 0.76 and 1.38 times it
            double ratio = histograms[i] / scatter;
            assertTrue(ratio > 0.6 && ratio < 1.8, TEMPERATURES[i] + " K: predicted " + histograms[i] + ", scatter " + scatter);
        }
    }

    @Test
    void theBarOfTwoModelsDifferenceIsTheScatterOfTheirDifferenceOverReplicateStores() {
        PhaseSummary phase = IronCampaigns.bcc();
        double[] ref = IronCampaigns.thetaRef(), theta = ref.clone();
        for (int i = 0; i < theta.length; i++) theta[i] *= 1 + 0.02 * Math.sin(1.7 * i + 0.3); // a 2 % model, as MeltingShift's
        double t = 1000, kT = org.scoredos.units.Units.KB * t;
        IsosurfaceEstimator calibrated = IsosurfaceEstimator.of(phase, Mode.SMOOTH, ErrorModel.CALIBRATED);
        IsosurfaceWorkspace a = calibrated.workspace(false), b = calibrated.workspace(false);
        calibrated.evaluate(theta, t, false, true, a);
        calibrated.evaluate(ref, t, false, true, b);
        // the histograms' part (the replicates redraw the counts, not the frames)
        double histograms = kT * Math.sqrt(calibrated.calibrated.samplingDifference(a, b));
        double differenced = calibrated.differenceError(theta, ref, t);
        double quadrature = Math.hypot(a.statisticalError(), b.statisticalError());
        assertEquals(0, calibrated.differenceError(ref, ref, t), 0.0, "one model: nothing left");
        assertTrue(differenced >= histograms && differenced < 0.5 * quadrature, differenced + " against " + quadrature);
        int replicates = replicates().size();
        double sum = 0, sumSq = 0;
        for (IsosurfaceEstimator e : replicates()) {
            double d = e.estimate(theta, new double[] {t}, false)[0].freeEnergy() - e.estimate(ref, new double[] {t}, false)[0].freeEnergy();
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / replicates, scatter = Math.sqrt((sumSq - replicates * mean * mean) / (replicates - 1));
        double ratio = histograms / scatter;
        System.out.printf(java.util.Locale.ROOT, "difference of a 2 %% model and θ_ref at %.0f K: differenced bar %.3e (histograms %.3e), "
                + "scatter over %d replicates %.3e, quadrature bar %.3e eV/atom%n", t, differenced, histograms, replicates, scatter, quadrature);
        assertTrue(ratio > 0.6 && ratio < 1.8, "predicted " + histograms + ", scatter " + scatter + ", quadrature bar " + quadrature);
    }

    @Test
    void systematicErrorIsHalfTheRangeOverNeighbouringOrders() {
        PhaseSummary phase = IronCampaigns.bcc();
        double[] theta = IronCampaigns.thetaRef();
        for (Mode mode : Mode.values()) {
            FreeEnergy[] calibrated = IsosurfaceEstimator.of(phase, mode, ErrorModel.CALIBRATED).estimate(theta, TEMPERATURES, true);
            FreeEnergy[] reference = IsosurfaceEstimator.of(phase, mode).estimate(theta, TEMPERATURES, true);
            FreeEnergy[] below = IsosurfaceEstimator.of(new ScoreMatcher(PolynomialBasis.of("chebyshev", 6)).fit(phase), mode)
                    .estimate(theta, TEMPERATURES, false);
            FreeEnergy[] above = IsosurfaceEstimator.of(new ScoreMatcher(PolynomialBasis.of("chebyshev", 8)).fit(phase), mode)
                    .estimate(theta, TEMPERATURES, false);
            for (int i = 0; i < TEMPERATURES.length; i++) {
                FreeEnergy c = calibrated[i];
                String at = mode + " at " + TEMPERATURES[i] + " K";
                // the imported stores' covariance is diagonal in their frames, so the frame term
                // (FrameCorrectionTest) is zero and the error model changes the error bar only
                assertEquals(reference[i].freeEnergy(), c.freeEnergy(), 1e-12, at);
                assertEquals(reference[i].alphaStar(), c.alphaStar(), 1e-9, at);
                assertEquals(reference[i].gradient()[3], c.gradient()[3], 1e-9 * Math.abs(c.gradient()[3]), at);
                double highest = Math.max(c.freeEnergy(), Math.max(below[i].freeEnergy(), above[i].freeEnergy()));
                double lowest = Math.min(c.freeEnergy(), Math.min(below[i].freeEnergy(), above[i].freeEnergy()));
                assertEquals(0.5 * (highest - lowest), c.systematicError(), 1e-15, at);
                // the bar is the statistical part; the order range is reported beside it
                assertEquals(c.statisticalError(), c.error(), 0, at);
                assertTrue(c.statisticalError() > 0 && c.statisticalError() < reference[i].error(), at);
                assertTrue(Double.isNaN(reference[i].statisticalError()) && Double.isNaN(reference[i].systematicError()), at);
            }
        }
    }

    @Test
    void anOrderOutsideTheBasisIsLeftOutOfTheRange() {
        // Chebyshev starts at order 3: at p = 3 only p + 1 = 4 can be refitted, so the range is |F_4 − F_3|
        PhaseSummary phase = new ScoreMatcher(PolynomialBasis.of("chebyshev", 3)).fit(IronCampaigns.bcc());
        double[] theta = IronCampaigns.thetaRef();
        FreeEnergy[] calibrated = IsosurfaceEstimator.of(phase, Mode.SMOOTH, ErrorModel.CALIBRATED).estimate(theta, TEMPERATURES, false);
        FreeEnergy[] above = IsosurfaceEstimator.of(new ScoreMatcher(PolynomialBasis.of("chebyshev", 4)).fit(phase), Mode.SMOOTH)
                .estimate(theta, TEMPERATURES, false);
        for (int i = 0; i < TEMPERATURES.length; i++) {
            double half = 0.5 * Math.abs(above[i].freeEnergy() - calibrated[i].freeEnergy());
            assertTrue(half > 0, TEMPERATURES[i] + " K");
            assertEquals(half, calibrated[i].systematicError(), 1e-15, TEMPERATURES[i] + " K");
        }
    }
}
