package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.io.BadInputException;
import org.scoredos.units.Units;

/** G(P, T) of a phase at several volumes against the analytic free energy of {@link StrainedPhases}. */
class GibbsEstimatorTest {
    private static final double[] THETA = IronCampaigns.thetaRef();
    /** bcc iron: C = (9/2) B V_0 with B ≈ 170 GPa, γ ≈ 1.7. */
    private static final StrainedPhases BCC = new StrainedPhases(IronCampaigns.bcc(), THETA, 56.0, 1.7, -0.01, 0, 0.01, 0.02, 0.03);
    private static final EstimatorSettings REFERENCE_ERRORS = new EstimatorSettings(Mode.SMOOTH, ErrorModel.REFERENCE, null, null, 0.0);

    private static GibbsEstimator gibbs(StrainedPhases phases, double gigapascal) {
        return new MultiVolumePhase("fe-bcc", phases.phases()).estimator(REFERENCE_ERRORS.atPressure(gigapascal), line -> {});
    }

    @Test
    void volumeBulkModulusAndExpansionFollowTheAnalyticFreeEnergy() {
        double[] temps = {500, 900, 1300};
        for (double p : new double[] {0, 3}) {
            GibbsFreeEnergy[] g = gibbs(BCC, p).gibbs(THETA, temps, false);
            for (int j = 0; j < temps.length; j++) {
                double t = temps[j], v = BCC.volumeStar(t, p);
                GibbsFreeEnergy r = g[j];
                assertTrue(r.solved(), r.toString());
                assertEquals(v, r.volume().value(), 2e-4 * v, "V* at " + t + " K, " + p + " GPa");
                double h = 1e-3 * v;
                double curvature = (BCC.enthalpyLike(v + h, t, 0) - 2 * BCC.enthalpyLike(v, t, 0) + BCC.enthalpyLike(v - h, t, 0)) / (h * h);
                double bulk = v * curvature * Units.GPA_PER_EV_PER_A3;
                assertEquals(bulk, r.bulkModulus().value(), 0.02 * bulk, "B_T at " + t + " K, " + p + " GPa");
                double expansion = (BCC.volumeStar(t + 1, p) - BCC.volumeStar(t - 1, p)) / 2 / (3 * v);
                assertEquals(expansion, r.expansion().value(), 0.02 * expansion, "α at " + t + " K, " + p + " GPa");
                // the per-volume bands move every volume together: they hardly move V* or B_T
                assertTrue(r.volume().error() < 0.01 * v && r.bulkModulus().error() < 0.1 * bulk, r.toString());
                // A is quadratic in the strain, not a polynomial in (V/V_c)^(−2/3): what the cubic misses lies within two of
                // its bar (here the fit residual's part) and the fit form's spread (degrees 2, 3, 4) combined
                assertTrue(Math.abs(r.volume().value() - v) <= 2 * Math.hypot(r.volume().error(), r.volume().fitForm()),
                        "V* " + v + ": " + r.volume());
                assertTrue(Math.abs(r.bulkModulus().value() - bulk) <= 2 * Math.hypot(r.bulkModulus().error(), r.bulkModulus().fitForm()),
                        "B_T " + bulk + ": " + r.bulkModulus());
            }
        }
    }

    @Test
    void entropyEnthalpyAndHeatCapacityAreThoseOfG() {
        double[] temps = {800, 1500};
        GibbsFreeEnergy[] g = gibbs(BCC, 0).gibbs(THETA, temps, false);
        IsosurfaceEstimator base = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.SMOOTH);
        for (int j = 0; j < temps.length; j++) {
            double t = temps[j];
            FreeEnergy[] f = base.estimate(THETA, new double[] {t - 1, t, t + 1}, false);
            double s0 = -(f[2].freeEnergy() - f[0].freeEnergy()) / 2;
            double strain = Math.cbrt(g[j].volume().value() / BCC.volume0()) - 1;
            // envelope: S = −∂A/∂T at V*, and ∂(−9γk_BTε)/∂T = −9γk_Bε
            double s = s0 + 9 * BCC.gruneisen * Units.KB * strain;
            assertEquals(s, g[j].entropy().value(), 2e-3 * s, "S at " + t + " K");
            assertEquals(g[j].gibbs().value() + t * g[j].entropy().value(), g[j].enthalpy().value(), 1e-12);
            assertTrue(g[j].heatCapacity().value() > 0, g[j].toString());
        }
    }

    @Test
    void gradientIsTheDerivativeOfG() {
        GibbsEstimator est = gibbs(BCC, 1.5);
        double[] temps = {700, 1200};
        GibbsFreeEnergy[] g = est.gibbs(THETA, temps, true);
        java.util.Random rng = new java.util.Random(11);
        for (int trial = 0; trial < 3; trial++) {
            double[] u = new double[THETA.length];
            double norm = 0;
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextGaussian() * Math.abs(THETA[i]);
                norm += u[i] * u[i];
            }
            double h = 1e-4 / Math.sqrt(norm);
            double[] plus = THETA.clone(), minus = THETA.clone();
            for (int i = 0; i < u.length; i++) {
                plus[i] += h * u[i];
                minus[i] -= h * u[i];
            }
            GibbsFreeEnergy[] gp = est.gibbs(plus, temps, false), gm = est.gibbs(minus, temps, false);
            for (int j = 0; j < temps.length; j++) {
                assertTrue(g[j].solved());
                double fd = (gp[j].gibbs().value() - gm[j].gibbs().value()) / (2 * h), exact = 0;
                for (int i = 0; i < u.length; i++) exact += g[j].gradient()[i] * u[i];
                assertEquals(exact, fd, 1e-5 * Math.abs(exact), "∂G/∂θ along a random direction at " + temps[j] + " K");
            }
        }
    }

    @Test
    void aVolumeOutsideTheSampledRangeIsNotSolved() {
        // 40 GPa squeezes bcc iron below every sampled strain: G is an edge value, not a minimum
        GibbsFreeEnergy[] g = gibbs(BCC, 40).gibbs(THETA, new double[] {1000}, false);
        assertFalse(g[0].solved());
        assertEquals(BCC.volume0() * Math.pow(0.99, 3), g[0].volume().value(), 1e-12);
    }

    @Test
    void aSingleVolumeRefusesAPressureAndSeveralVolumesNeedOne() {
        IsosurfacePhase one = new IsosurfacePhase(IronCampaigns.bcc());
        BadInputException e = assertThrows(BadInputException.class, () -> one.estimator(REFERENCE_ERRORS.atPressure(0.0), line -> {}));
        assertTrue(e.getMessage().contains("one volume"), e.getMessage());
        MultiVolumePhase several = new MultiVolumePhase("fe-bcc", BCC.phases());
        e = assertThrows(BadInputException.class, () -> several.estimator(REFERENCE_ERRORS.atPressure(null), line -> {}));
        assertTrue(e.getMessage().contains("give a pressure"), e.getMessage());
        MultiVolumePhase three = new MultiVolumePhase("fe-bcc", List.of(BCC.phases().get(0), BCC.phases().get(1), BCC.phases().get(2)));
        e = assertThrows(BadInputException.class, () -> three.estimator(REFERENCE_ERRORS, line -> {}));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
    }

    @Test
    void boundarySlopeIsClausiusClapeyron() {
        StrainedPhases fcc = new StrainedPhases(IronCampaigns.fcc(), THETA, 60.0, 1.8, -0.01, 0, 0.01, 0.02, 0.03);
        GibbsEstimator g = new MultiVolumePhase("fe-fcc", fcc.phases()).estimator(REFERENCE_ERRORS, line -> {});
        PhaseBoundary boundary = new PhaseBoundary(g, gibbs(BCC, 0));
        PhaseBoundary.Point[] points = boundary.trace(THETA, new double[] {0, 0.25, 0.5}, IronCampaigns.GRID);
        for (PhaseBoundary.Point p : points) {
            assertTrue(p.hasTransition());
            // at T_c the two Gibbs free energies agree
            assertEquals(p.first().gibbs().value(), p.second().gibbs().value(), 1e-9);
        }
        PhaseBoundary.Point middle = points[1];
        assertEquals(middle.clapeyron(), middle.slope(), 0.05 * Math.abs(middle.clapeyron()), "dT_c/dP: Clausius–Clapeyron vs finite differences");
    }

    @Test
    void fineTuningAtFixedPressureMovesTheTransitionTowardsTheTarget() {
        StrainedPhases fcc = new StrainedPhases(IronCampaigns.fcc(), THETA, 60.0, 1.8, -0.01, 0, 0.01, 0.02, 0.03);
        PhaseTransition transition = new PhaseTransition(new MultiVolumePhase("fe-fcc", fcc.phases()).estimator(REFERENCE_ERRORS, line -> {}),
                gibbs(BCC, 0));
        FineTuner.Trajectory run = new FineTuner(transition, IronCampaigns.GRID).run(THETA, new FineTuner.Settings(1500, 3, 2.5e-5, 5.0), null);
        double[] tc = run.tc();
        assertTrue(Math.abs(tc[3] - 1500) < Math.abs(tc[0] - 1500) - 50, java.util.Arrays.toString(tc));
    }
}
