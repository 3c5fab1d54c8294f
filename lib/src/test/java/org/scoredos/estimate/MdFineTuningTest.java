package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.linalg.Vectors;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.units.Units;

/**
 * Fine-tuning between two stores of MD snapshots converges: the solvable solid–liquid pair of
 * {@link MeltingShiftTest} (the liquid anchored where it melts at 1500 K for θ_ref), tuned to melt
 * at 1450 K (both with the kinetic free energy −(3/2) k_B T ln(T/1000 K)). Exactly, G_liq − G_sol = θ·c − k_B A T with k_B A = θ_ref·c/1500 K, so the tuned θ must
 * satisfy θ·c = k_B A · 1450 K; and its estimated ΔF(T*) must be the exact one.
 */
class MdFineTuningTest {
    private static final double[] THETA_REF = {0.8, 1.3, 2.1};
    private static final double[] C = {0.03, 0.035, 0.03};
    private static final double[] TEMPERATURES = {1000, 1500, 2000};
    private static final double TM = 1500, TARGET = 1450;

    @Test
    void tuningTheMeltingPointOfAnMdPairConvergesToTheExactModel() {
        PhaseSummary solidStore = QuadraticMd.store("solid", THETA_REF, TEMPERATURES, new double[QuadraticMd.D], true, 21);
        PhaseSummary liquidStore = QuadraticMd.store("liquid", THETA_REF, TEMPERATURES, C, false, 22);
        TemperatureConditionedEstimator solid = new TemperatureConditionedEstimator(solidStore, THETA_REF, true,
                t -> QuadraticMd.exact(THETA_REF, t) - 1.5 * Units.KB * t * Math.log(t / 1000), null); // the liquid's E counts (3/2) k_B T
        double f0 = solid.latticeEnergy(THETA_REF) + solid.estimate(THETA_REF, TM, false).freeEnergy();
        TemperatureConditionedEstimator liquid = new TemperatureConditionedEstimator(liquidStore, THETA_REF, true, null, new double[] {TM, f0});
        double[] grid = new double[21];
        for (int i = 0; i < grid.length; i++) grid[i] = 1300 + 20 * i;
        PhaseTransition transition = new PhaseTransition(solid, liquid);
        assertEquals(TM, transition.table(THETA_REF, grid).tc().temperature(), 1.0, "θ_ref melts where it was anchored");

        // ΔF = G_sol − G_liq moves by −(θ·c)' per step: f_{k+1} = f_k (1 − rate |c|²), a factor 0.4 at this rate
        FineTuner.Trajectory run = new FineTuner(transition, grid).run(THETA_REF, new FineTuner.Settings(TARGET, 12, 200, 0), null);
        assertTrue(run.converged(1.0), "T_c per step " + java.util.Arrays.toString(run.tc()));
        assertTrue(run.last().solved(), "inside both stores' temperatures");
        double[] theta = run.finalTheta();
        double entropy = Vectors.dot(THETA_REF, C) / TM;
        // exactly: G_sol − G_liq at T* = −(θ·c − k_B A T*)
        double exact = -(Vectors.dot(theta, C) - entropy * TARGET);
        PhaseTransition.Difference at = run.last().atTarget();
        assertEquals(exact, at.deltaF(), 3 * at.error() + 2e-5, "ΔF(T*) of the tuned θ, error " + at.error());
        assertEquals(TARGET, Vectors.dot(theta, C) / entropy, 3 * at.error() / entropy + 1.0, "the tuned model's exact T_m");
        assertTrue(Math.abs(run.steps().get(0).atTarget().deltaF()) > 100 * Math.abs(at.deltaF()),
                "ΔF(T*) from " + run.steps().get(0).atTarget().deltaF() + " to " + at.deltaF() + " eV/atom");
    }
}
