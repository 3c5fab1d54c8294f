package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

/** The MD estimator on the exactly solvable quadratic model of {@link QuadraticMd} (no offset: D_0 = 0). */
class TemperatureConditionedEstimatorTest {
    private static final int N = QuadraticMd.N, GROUP = QuadraticMd.GROUP, D = QuadraticMd.D;
    private static final double[] THETA_REF = {0.8, 1.3, 2.1}; // eV/Å² per coordinate
    private static final double[] TEMPERATURES = {1000, 1500, 2000};
    private static PhaseSummary md;

    private static double exact(double[] theta, double t) {
        return QuadraticMd.exact(theta, t);
    }

    @BeforeAll
    static void sampleTheHarmonicModel() {
        md = QuadraticMd.store("quadratic", THETA_REF, TEMPERATURES, new double[D], true, 11);
    }

    private static TemperatureConditionedEstimator estimator(double[] anchor) {
        DoubleUnaryOperator harmonic = t -> exact(THETA_REF, t);
        return new TemperatureConditionedEstimator(md, THETA_REF, true, harmonic, anchor);
    }

    @Test
    void perturbedModelsMatchTheExactFreeEnergyAtAndBetweenSampledTemperatures() {
        TemperatureConditionedEstimator e = estimator(null);
        SplittableRandom g = new SplittableRandom(3);
        for (int model = 0; model < 3; model++) {
            double[] theta = THETA_REF.clone();
            for (int j = 0; j < D; j++) theta[j] *= 1 + 0.05 * g.nextGaussian();
            for (double t : new double[] {1000, 1250, 1500, 2000}) {
                FreeEnergy f = e.estimate(theta, t, false);
                double want = exact(theta, t), shift = want - exact(THETA_REF, t);
                // Laplace's method counts n/2 − 1 of each group's n/2 powers of D: 2/n = 3 % of the shift
                double tolerance = 0.04 * Math.abs(shift) + 3 * f.error() + 2e-5;
                assertEquals(want, f.freeEnergy(), tolerance, "model " + model + " at " + t + " K, shift " + shift);
                assertTrue(f.solved(), t + " K");
                assertTrue(Double.isNaN(f.alphaStar()));
            }
        }
    }

    @Test
    void theReferenceItselfIsItsHarmonicFreeEnergyWithNoAnharmonicPart() {
        TemperatureConditionedEstimator e = estimator(null);
        for (double t : TEMPERATURES) {
            FreeEnergy f = e.estimate(THETA_REF, t, false);
            assertEquals(exact(THETA_REF, t), f.freeEnergy(), 3 * f.error() + 1e-6, t + " K");
            assertTrue(f.error() > 0 && f.error() < 5e-4, "⟨U⟩ of 20 000 samples fixes F_ref to half a meV: " + f.error());
            assertTrue(Double.isNaN(f.statisticalError()), "one error bar, not split");
        }
    }

    @Test
    void theGradientIsTheMinimisingDescriptorAndAgreesWithFiniteDifferences() {
        TemperatureConditionedEstimator e = estimator(null);
        double[] theta = {0.82, 1.27, 2.15};
        FreeEnergy f = e.estimate(theta, 1500, true);
        double kT = Units.KB * 1500;
        for (int j = 0; j < D; j++) {
            // ⟨D_j⟩_θ = n_j k_B T / (2 N θ_j) exactly
            assertEquals(GROUP * kT / (2 * N * theta[j]), f.gradient()[j], 0.03 * f.gradient()[j], "component " + j);
            double h = 1e-5;
            double[] up = theta.clone(), down = theta.clone();
            up[j] += h;
            down[j] -= h;
            // the estimator's F is relative to θ·D_0 = 0: its derivative is D*
            double fd = (e.estimate(up, 1500, false).freeEnergy() - e.estimate(down, 1500, false).freeEnergy()) / (2 * h);
            assertEquals(fd, f.gradient()[j], 1e-4 * Math.abs(fd), "component " + j);
        }
    }

    /**
     * F_θ − F_θ' differenced first: F_ref's error cancels (against θ_ref the bar is the perturbation's alone), and
     * over independently sampled stores the difference of two models scatters as its bar says, not as the two
     * estimates' bars in quadrature (which count F_ref's Gibbs–Helmholtz error twice).
     */
    @Test
    void theDifferenceOfTwoModelsCarriesOnlyWhatTheirEstimatesDoNotShare() {
        TemperatureConditionedEstimator e = estimator(null);
        double[] theta = {0.83, 1.27, 2.16}, other = {0.78, 1.34, 2.08};
        assertEquals(0, e.differenceError(theta, theta, 1500));
        assertEquals(e.differenceError(theta, other, 1250), e.differenceError(other, theta, 1250), 1e-15);
        assertEquals(e.perturbation(1, theta).error(), e.differenceError(theta, THETA_REF, 1500), 1e-9 * e.perturbation(1, theta).error());
        int stores = 10;
        double[] difference = new double[stores];
        double bar = 0, quadrature = 0;
        for (int k = 0; k < stores; k++) {
            TemperatureConditionedEstimator replica = new TemperatureConditionedEstimator(
                    QuadraticMd.store("quadratic", THETA_REF, TEMPERATURES, new double[D], true, 300 + k), THETA_REF, true,
                    t -> exact(THETA_REF, t), null);
            FreeEnergy a = replica.estimate(theta, 1250, false), b = replica.estimate(other, 1250, false);
            difference[k] = a.freeEnergy() - b.freeEnergy();
            bar += replica.differenceError(theta, other, 1250) / stores;
            quadrature += Math.hypot(a.error(), b.error()) / stores;
        }
        double mean = Arrays.stream(difference).average().orElseThrow(), s2 = 0;
        for (double v : difference) s2 += (v - mean) * (v - mean) / (stores - 1);
        double spread = Math.sqrt(s2);
        assertTrue(bar > 0.5 * spread && bar < 2 * spread, "bar " + bar + " against a spread of " + spread + " over " + stores + " stores");
        assertTrue(quadrature > 10 * spread, "the two bars in quadrature, " + quadrature + ", count F_ref's error");
    }

    @Test
    void aModelTooFarFromTheReferenceOrATemperatureOutsideTheSpanIsUnsolved() {
        TemperatureConditionedEstimator e = estimator(null);
        double[] far = {3 * THETA_REF[0], THETA_REF[1], THETA_REF[2]};
        assertFalse(e.estimate(far, 1500, false).solved(), "D* at the edge of the sampled range");
        assertFalse(e.estimate(THETA_REF, 800, false).solved(), "below the lowest sampled temperature");
        assertFalse(e.estimate(THETA_REF, 2500, false).solved(), "above the highest");
        assertTrue(e.estimate(THETA_REF, 1800, false).solved());
    }

    @Test
    void anAnchorShiftsTheReferenceByTOverT0() {
        TemperatureConditionedEstimator harmonic = estimator(null);
        double f0 = harmonic.reference(1000) + 0.004;
        TemperatureConditionedEstimator anchored = estimator(new double[] {1000, f0});
        assertEquals(f0, anchored.reference(1000), 1e-12);
        assertEquals(harmonic.reference(2000) + 0.008, anchored.reference(2000), 1e-12);
    }

    @Test
    void refusesStoresAndModelsItCannotUse() {
        PhaseSummary iso = new PhaseSummary(md.name(), md.reference(), md.cells(), Conditioning.ISOSURFACE);
        assertTrue(assertThrows(BadInputException.class, () -> new TemperatureConditionedEstimator(iso, THETA_REF, true, t -> 0, null))
                .getMessage().contains("isosurface-conditioned store"));
        assertTrue(assertThrows(BadInputException.class, () -> new TemperatureConditionedEstimator(md, new double[2], true, t -> 0, null))
                .getMessage().contains("2 coefficients"));
        ReferenceConstants r = md.reference();
        double[] unknown = new double[D];
        Arrays.fill(unknown, Double.NaN);
        PhaseSummary noLattice = new PhaseSummary(md.name(), new ReferenceConstants(r.atoms(), r.mass(), r.volume(), unknown,
                r.omegaBar(), r.meanLogNu(), r.stableModes(), r.u0(), r.strain(), r.cell(), r.positions()), md.cells(),
                Conditioning.TEMPERATURE);
        assertTrue(assertThrows(BadInputException.class, () -> new TemperatureConditionedEstimator(noLattice, THETA_REF, true, t -> 0, null))
                .getMessage().contains("--reference"));
        assertThrows(BadInputException.class, () -> estimator(null).estimate(new double[4], 1000, false));
    }

    /** The same samples as a store without a lattice (D_0 unknown), as a liquid's. */
    private static PhaseSummary withoutLattice() {
        ReferenceConstants r = md.reference();
        double[] unknown = new double[D];
        Arrays.fill(unknown, Double.NaN);
        return new PhaseSummary(md.name(), new ReferenceConstants(r.atoms(), r.mass(), r.volume(), unknown, r.omegaBar(), r.meanLogNu(),
                r.stableModes(), r.u0(), r.strain(), r.cell(), r.positions()), md.cells(), Conditioning.TEMPERATURE);
    }

    @Test
    void withoutALatticeOrAnchorOnlyTheDifferenceToTheReferenceIsReportedAndSaysSo() {
        TemperatureConditionedEstimator e = new TemperatureConditionedEstimator(withoutLattice(), THETA_REF, true, null, null);
        assertTrue(e.differenceOnly());
        assertEquals("F_theta - F_ref", e.quantity());
        assertTrue(e.method().contains("DIFFERENCE MODE"), e.method());
        assertEquals(0, e.latticeEnergy(THETA_REF), 0.0);
        SplittableRandom g = new SplittableRandom(5);
        for (int model = 0; model < 3; model++) {
            double[] theta = THETA_REF.clone();
            for (int j = 0; j < D; j++) theta[j] *= 1 + 0.02 * g.nextGaussian();
            for (double t : TEMPERATURES) {
                FreeEnergy f = e.estimate(theta, t, false);
                double want = exact(theta, t) - exact(THETA_REF, t);
                assertEquals(want, f.freeEnergy(), 0.04 * Math.abs(want) + 3 * f.error() + 1e-5, "model " + model + " at " + t + " K");
                assertTrue(f.solved());
            }
        }
        FreeEnergy self = e.estimate(THETA_REF, 1500, false);
        assertEquals(0, self.freeEnergy(), 1e-5, "F_ref − F_ref");
    }

    @Test
    void anAnchorMakesAPhaseWithoutALatticeAbsoluteByGibbsHelmholtz() {
        // E = ⟨U⟩/N + (3/2) k_B T; this model's F has no kinetic part, so the integral adds −(3/2) k_B T ln(T/T0) to it
        double t0 = 1500;
        TemperatureConditionedEstimator e = new TemperatureConditionedEstimator(withoutLattice(), THETA_REF, true, null,
                new double[] {t0, exact(THETA_REF, t0)});
        assertFalse(e.differenceOnly());
        assertEquals("F", e.quantity());
        for (double t : TEMPERATURES) {
            double want = exact(THETA_REF, t) - 1.5 * Units.KB * t * Math.log(t / t0);
            FreeEnergy f = e.estimate(THETA_REF, t, false);
            assertEquals(want, f.freeEnergy(), 3 * f.error() + 2e-5, t + " K");
            assertTrue(f.error() < 1e-3, "error " + f.error());
        }
        assertEquals(exact(THETA_REF, t0), e.reference(t0), 1e-12, "the anchor itself");
    }
}
