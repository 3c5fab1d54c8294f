package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.units.Units;

/**
 * δT_m from a solid and a liquid in difference mode, on an exactly solvable pair ({@link QuadraticMd}):
 * the solid is the quadratic model with D_0 = 0, the "liquid" the same model with descriptors offset
 * by c (energy N θ·c higher) and its coordinates softer by a factor s, which adds a θ-independent
 * entropy k_B A per atom that MD of the liquid cannot see (difference mode). Then
 * ΔG_θ(T) = θ·c − k_B A T exactly, so T_m(θ) = θ·c/(k_B A) and, with T_m(θ_ref) given,
 * T_m(θ) = T_m(θ_ref) · θ·c / θ_ref·c, ΔS_ref = k_B A and the latent heat θ_ref·c; ΔC = 0.
 * Both phases carry the same kinetic free energy −(3/2) k_B T ln(T/1000 K).
 */
class MeltingShiftTest {
    private static final int D = QuadraticMd.D;
    private static final double[] THETA_REF = {0.8, 1.3, 2.1};
    private static final double[] C = {0.03, 0.035, 0.03};
    private static final double[] TEMPERATURES = {1000, 1500, 2000};
    private static final double TM = 1500;
    private static PhaseSummary solid, liquid;

    @BeforeAll
    static void sampleBothPhases() {
        solid = QuadraticMd.store("solid", THETA_REF, TEMPERATURES, new double[D], true, 11);
        liquid = QuadraticMd.store("liquid", THETA_REF, TEMPERATURES, C, false, 12);
    }

    private static double kinetic(double t) {
        return -1.5 * Units.KB * t * Math.log(t / 1000);
    }

    private static TemperatureConditionedEstimator solid() {
        return solid(solid);
    }

    private static TemperatureConditionedEstimator solid(PhaseSummary store) {
        DoubleUnaryOperator harmonic = t -> QuadraticMd.exact(THETA_REF, t) + kinetic(t);
        return new TemperatureConditionedEstimator(store, THETA_REF, true, harmonic, null);
    }

    private static TemperatureConditionedEstimator liquid(double[] anchor) {
        return liquid(liquid, anchor);
    }

    private static TemperatureConditionedEstimator liquid(PhaseSummary store, double[] anchor) {
        return new TemperatureConditionedEstimator(store, THETA_REF, true, null, anchor);
    }

    private static double[] perturbed(SplittableRandom g, double scale) {
        double[] theta = THETA_REF.clone();
        for (int j = 0; j < D; j++) theta[j] *= 1 + scale * g.nextGaussian();
        return theta;
    }

    @Test
    void theMeltingPointOfPerturbedModelsIsTheExactOneAndTheLatentHeatIsTheOffset() {
        MeltingShift m = new MeltingShift(solid(), liquid(null), TM);
        double[][] models = {{0.84, 1.3, 2.1}, {0.8, 1.25, 2.2}, {0.78, 1.36, 2.0}, {0.82, 1.24, 2.18}};
        for (int model = 0; model < models.length; model++) {
            double[] theta = models[model];
            MeltingShift.Result r = m.at(theta, false);
            double want = TM * Vectors.dot(theta, C) / Vectors.dot(THETA_REF, C);
            assertTrue(r.solved(), "model " + model + ": " + r);
            assertTrue(Math.abs(want - TM) > 5, "a shift worth measuring: " + (want - TM) + " K");
            assertEquals(want, r.tm(), 3 * r.tmError() + 0.05 * Math.abs(want - TM), "model " + model + ": " + r);
            assertEquals(r.tm() - TM, r.shiftOfTm(), 1e-12);
            assertTrue(r.tmError() > 0 && r.tmError() < 5, "error " + r.tmError());
        }
        MeltingShift.Result self = m.at(THETA_REF, false);
        assertEquals(TM, self.tm(), 1e-6, "θ_ref melts at the given T_m");
        assertEquals(Vectors.dot(THETA_REF, C), self.latentHeat().value(), 3 * self.latentHeat().error() + 2e-5);
        assertEquals(Vectors.dot(THETA_REF, C) / TM, self.entropy().value(), 3 * self.entropy().error() + 2e-8);
        assertEquals(0, self.heatCapacityDifference(), 2e-6, "same heat capacity in both phases, k_B = " + Units.KB);
    }

    /**
     * The bars against a brute-force spread: δ, Δ_sol and T_m(θ) over independently sampled pairs of stores. The
     * solid's two estimates share its fits and F_ref's Gibbs–Helmholtz error (0.2 meV/atom each here), which the
     * difference cancels; their bars in quadrature (0.3 meV/atom) made the bars of Δ_sol, δ and T_m some 30–65 times
     * the spread. θ_ref itself melts at the given T_m in every pair, with no error.
     */
    @Test
    void theBarsAreTheSpreadOverIndependentlySampledStores() {
        double[] theta = {0.83, 1.27, 2.16};
        int pairs = 10;
        double[] solidShift = new double[pairs], shift = new double[pairs], tm = new double[pairs];
        double solidBar = 0, shiftBar = 0, tmBar = 0;
        for (int k = 0; k < pairs; k++) {
            MeltingShift m = new MeltingShift(solid(QuadraticMd.store("solid", THETA_REF, TEMPERATURES, new double[D], true, 100 + k)),
                    liquid(QuadraticMd.store("liquid", THETA_REF, TEMPERATURES, C, false, 200 + k), null), TM);
            MeltingShift.Result r = m.at(theta, false);
            solidShift[k] = r.solidShift().value();
            shift[k] = r.shift().value();
            tm[k] = r.tm();
            solidBar += r.solidShift().error() / pairs;
            shiftBar += r.shift().error() / pairs;
            tmBar += r.tmError() / pairs;
            MeltingShift.Result self = m.at(THETA_REF, false);
            assertEquals(TM, self.tm(), 1e-6);
            assertEquals(0, self.tmError(), 1e-9, "θ_ref melts at the given T_m: " + self);
            assertEquals(0, self.solidShift().error(), 1e-12, self.toString());
        }
        assertSpread(solidShift, solidBar, "Δ_sol");
        assertSpread(shift, shiftBar, "δ");
        assertSpread(tm, tmBar, "T_m(θ)");
    }

    /** The bar within a factor of two of the sample standard deviation (of 10 values: ±24 % at one σ). */
    private static void assertSpread(double[] values, double bar, String what) {
        double mean = 0, s2 = 0;
        for (double v : values) mean += v / values.length;
        for (double v : values) s2 += (v - mean) * (v - mean) / (values.length - 1);
        double spread = Math.sqrt(s2);
        assertTrue(bar > 0.5 * spread && bar < 2 * spread, what + ": bar " + bar + " against a spread of " + spread);
    }

    @Test
    void theGradientIsTheDerivativeOfTheIteratedRoot() {
        MeltingShift m = new MeltingShift(solid(), liquid(null), TM);
        double[] theta = {0.83, 1.27, 2.16};
        MeltingShift.Result r = m.at(theta, true);
        for (int j = 0; j < D; j++) {
            double h = 1e-4;
            double[] up = theta.clone(), down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (m.at(up, false).tm() - m.at(down, false).tm()) / (2 * h);
            assertEquals(fd, r.gradient()[j], 1e-3 * Math.abs(fd) + 1e-3, "component " + j);
            // exactly: ∂T_m/∂θ_j = T_m c_j / θ_ref·c
            assertEquals(TM * C[j] / Vectors.dot(THETA_REF, C), r.gradient()[j], 0.05 * Math.abs(r.gradient()[j]), "component " + j);
        }
    }

    @Test
    void agreesWithTheTransitionToTheLiquidAnchoredWhereItMeltsAtTheReference() {
        TemperatureConditionedEstimator s = solid();
        double f0 = s.latticeEnergy(THETA_REF) + s.estimate(THETA_REF, TM, false).freeEnergy();
        PhaseTransition anchored = new PhaseTransition(s, liquid(new double[] {TM, f0}));
        MeltingShift m = new MeltingShift(s, liquid(null), TM);
        double[] grid = new double[401];
        for (int i = 0; i < grid.length; i++) grid[i] = 1300 + i;
        SplittableRandom g = new SplittableRandom(9);
        for (int model = 0; model < 3; model++) {
            double[] theta = perturbed(g, 0.05);
            MeltingShift.Result r = m.at(theta, false);
            PhaseTransition.Crossing c = anchored.table(theta, grid).tc();
            assertEquals(c.temperature(), r.tm(), Math.abs(r.curvature()) + 0.05, "model " + model + ": " + r);
        }
    }

    @Test
    void aMeltingPointOutsideTheLiquidsTemperaturesIsUnsolved() {
        MeltingShift m = new MeltingShift(solid(), liquid(null), TM);
        double[] theta = THETA_REF.clone();
        theta[1] *= 2.5; // θ·c up by half: T_m(θ) above 2000 K
        MeltingShift.Result r = m.at(theta, false);
        assertTrue(r.tm() > 2000, r.toString());
        assertFalse(r.solved());
    }

    @Test
    void refusesWhatHasNoMeltingShift() {
        String outside = assertThrows(BadInputException.class, () -> new MeltingShift(solid(), liquid(null), 2500)).getMessage();
        assertTrue(outside.contains("outside the liquid liquid's sampled temperatures 1000–2000 K"), outside);
        String two = assertThrows(BadInputException.class, () -> new MeltingShift(liquid(null), liquid(null), TM)).getMessage();
        assertTrue(two.contains("two liquids"), two);
        String anchored = assertThrows(BadInputException.class,
                () -> new MeltingShift(solid(), liquid(new double[] {TM, -1}), TM)).getMessage();
        assertTrue(anchored.contains("not in difference mode"), anchored);
        String reversed = assertThrows(BadInputException.class, () -> new MeltingShift(solid(),
                new TemperatureConditionedEstimator(QuadraticMd.store("low", THETA_REF, TEMPERATURES, new double[] {-0.03, -0.03, -0.03},
                        false, 13), THETA_REF, true, null, null), TM)).getMessage();
        assertTrue(reversed.contains("no melting there"), reversed);
    }
}
