package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;

/** T_c and the fine-tuning trajectory of the reference (α–γ iron, θ_ref → target 1063 K). */
class TransitionAndFineTuningTest {
    @Test
    void referenceTransitionTemperatureAndDeltaF() {
        JsonNode x = IronCampaigns.expected();
        PhaseTransition.Table table = IronCampaigns.fccOverBcc(Mode.REFERENCE).table(IronCampaigns.thetaRef(), IronCampaigns.GRID);
        for (int i = 0; i < IronCampaigns.GRID.length; i++) assertEquals(x.get("dF").get(i).asDouble(), table.deltaF()[i], 1e-8);
        assertEquals(x.get("Tc_ref").asDouble(), table.tc().temperature(), 1e-3);
    }

    @Test
    void aRateThatThrowsθOutOfBoundsIsRefusedAtItsStep() {
        FineTuner tuner = new FineTuner(IronCampaigns.fccOverBcc(Mode.REFERENCE), IronCampaigns.GRID);
        FineTuner.Settings wild = new FineTuner.Settings(1063.0, 5, 1e300, 0.0);
        org.scoredos.io.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.scoredos.io.BadInputException.class,
                () -> tuner.run(IronCampaigns.thetaRef(), wild, null));
        assertTrue(e.getMessage().startsWith("rate: step 1 takes θ_"), e.getMessage());
    }

    @Test
    void referenceFineTuningTrajectory() {
        JsonNode ft = IronCampaigns.expected().get("fine_tuning");
        FineTuner tuner = new FineTuner(IronCampaigns.fccOverBcc(Mode.REFERENCE), IronCampaigns.GRID);
        FineTuner.Trajectory run = tuner.run(IronCampaigns.thetaRef(), FineTuner.Settings.reference(1063.0), null);
        double[] expected = IronCampaigns.vector(ft.get("Tc_trajectory"));
        assertEquals(21, run.steps().size());
        for (int s = 0; s < expected.length; s++) assertEquals(expected[s], run.tc()[s], 1e-3, "step " + s);
        double[] dF = IronCampaigns.vector(ft.get("dF_at_target_trajectory"));
        for (int s = 0; s < dF.length; s++) assertEquals(dF[s], run.deltaFAtTarget()[s], 1e-8, "ΔF(T*) step " + s);
        double[] thetaFinal = IronCampaigns.vector(ft.get("theta_final"));
        double[] mine = run.finalTheta();
        for (int i = 0; i < mine.length; i++) assertEquals(thetaFinal[i], mine[i], 1e-10, "θ[" + i + "]");
        // the 0 K energy difference is held fixed
        IsosurfaceEstimator fcc = IsosurfaceEstimator.of(IronCampaigns.fcc(), Mode.REFERENCE);
        IsosurfaceEstimator bcc = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.REFERENCE);
        double dE0 = fcc.latticeEnergy(mine) - bcc.latticeEnergy(mine);
        assertEquals(ft.get("dE0_final").asDouble(), dE0, 1e-13);
    }

    @Test
    void criticalTemperatureInterpolatesTheFirstSignChangeEitherWay() {
        double[] t = {100, 200, 300, 400};
        assertEquals(250, PhaseTransition.criticalTemperature(t, new double[] {2, 1, -1, -3}), 1e-12);
        assertEquals(225, PhaseTransition.criticalTemperature(t, new double[] {-2, -1, 3, 1}), 1e-12);
        assertTrue(Double.isNaN(PhaseTransition.criticalTemperature(t, new double[] {1, 2, 3, 4})));
        assertTrue(Double.isNaN(PhaseTransition.criticalTemperature(t, new double[] {-1, -2, -3, -4})));
    }
}
