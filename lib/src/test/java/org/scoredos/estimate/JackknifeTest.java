package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.io.BadInputException;

/** Jackknife bars of fixed-pressure results: the textbook case, the estimator's use of replicas, and when it reads them. */
class JackknifeTest {
    private static GibbsFreeEnergy.Quantity q(double v) {
        return new GibbsFreeEnergy.Quantity(v, 99);
    }

    private static GibbsFreeEnergy result(double x, double residual) {
        return new GibbsFreeEnergy(1000, 0, new GibbsFreeEnergy.Quantity(x, 99, residual, 0.7), 99, 0.5, q(2 * x), q(3 * x), q(4 * x),
                q(5 * x), q(6 * x), q(Double.NaN), residual, 0, true, null);
    }

    @Test
    void leaveOneOutMeansGiveTheStandardErrorOfTheMean() {
        double[] x = {1.3, -0.4, 2.2, 0.9, 0.1};
        int n = x.length;
        double sum = 0, sum2 = 0;
        for (double v : x) sum += v;
        double mean = sum / n;
        for (double v : x) sum2 += (v - mean) * (v - mean);
        double sem = Math.sqrt(sum2 / (n - 1) / n);
        List<GibbsFreeEnergy> replicas = new ArrayList<>();
        for (double v : x) replicas.add(result((sum - v) / (n - 1), 0.3));
        GibbsFreeEnergy out = Jackknife.bars(result(mean, 0.3), replicas);
        assertEquals(sem, out.statisticalError(), 1e-12);
        assertEquals(Math.hypot(sem, 0.3), out.gibbs().error(), 1e-12, "δG adds the fit residual");
        assertEquals(0.3, out.gibbs().fitResidual(), 0.0);
        assertEquals(0.7, out.gibbs().fitForm(), 0.0, "the fit form's spread is the full data's");
        assertEquals(mean, out.gibbs().value(), 0.0, "the values are the full data's");
        assertEquals(0.5, out.systematicError(), 0.0);
        assertEquals(2 * sem, out.volume().error(), 1e-12);
        assertEquals(3 * sem, out.expansion().error(), 1e-12);
        assertEquals(4 * sem, out.bulkModulus().error(), 1e-12);
        assertEquals(5 * sem, out.entropy().error(), 1e-12);
        assertEquals(6 * sem, out.enthalpy().error(), 1e-12);
        assertEquals(99, out.heatCapacity().error(), 0.0, "a quantity no replica can give keeps its propagated bar");
    }

    @Test
    void replicasEqualToTheDataLeaveOnlyTheFitResidualAndTheReferenceModelIgnoresThem() {
        StrainedPhases bcc = new StrainedPhases(IronCampaigns.bcc(), IronCampaigns.thetaRef(), 56.0, 1.7, -0.01, 0, 0.01, 0.02);
        double[] theta = IronCampaigns.thetaRef(), temps = {900};
        MultiVolumePhase phase = new MultiVolumePhase("fe-bcc", bcc.phases());
        MultiVolumePhase jackknifed = phase.withJackknife((volumes, progress) -> List.of(volumes, volumes));
        EstimatorSettings calibrated = new EstimatorSettings(Mode.SMOOTH, ErrorModel.CALIBRATED, null, null, 0.0);
        GibbsFreeEnergy plain = phase.estimator(calibrated, line -> { }).gibbs(theta, temps, false)[0];
        GibbsEstimator estimator = jackknifed.estimator(calibrated, line -> { });
        GibbsFreeEnergy same = estimator.gibbs(theta, temps, false)[0];
        assertTrue(estimator.method().contains("jackknife over 2"), estimator.method());
        assertEquals(plain.volume().value(), same.volume().value(), 0.0);
        assertEquals(plain.gibbs().value(), same.gibbs().value(), 0.0);
        assertTrue(plain.volume().error() > 0);
        assertEquals(same.volume().fitResidual(), same.volume().error(), 0.0, "replicas equal to the data: only the fit residual's part");
        assertEquals(same.bulkModulus().fitResidual(), same.bulkModulus().error(), 0.0);
        assertEquals(0, same.statisticalError(), 0.0);
        assertEquals(same.eosResidual(), same.gibbs().error(), 0.0);
        EstimatorSettings reference = new EstimatorSettings(Mode.SMOOTH, ErrorModel.REFERENCE, null, null, 0.0);
        assertEquals(phase.estimator(reference, line -> { }).gibbs(theta, temps, false)[0].volume().error(),
                jackknifed.estimator(reference, line -> { }).gibbs(theta, temps, false)[0].volume().error(), 0.0,
                "the reference model's bands move all volumes together: propagated as before");
    }

    @Test
    void replicasAreReadOnlyForACalibratedEstimatorAtAPressureAndWhyThereAreNoneIsSaid() {
        StrainedPhases bcc = new StrainedPhases(IronCampaigns.bcc(), IronCampaigns.thetaRef(), 56.0, 1.7, -0.01, 0, 0.01, 0.02);
        List<String> asked = new ArrayList<>();
        MultiVolumePhase phase = new MultiVolumePhase("fe-bcc", bcc.phases()).withJackknife((volumes, progress) -> {
            asked.add("replicas");
            progress.accept("no jackknife replicas (shard 3 of cell 7 is missing)");
            return List.of();
        });
        EstimatorSettings calibrated = new EstimatorSettings(Mode.SMOOTH, ErrorModel.CALIBRATED, null, null);
        BadInputException e = assertThrows(BadInputException.class, () -> phase.estimator(calibrated, line -> { }));
        assertTrue(e.getMessage().contains("give a pressure"), e.getMessage());
        phase.estimator(new EstimatorSettings(Mode.SMOOTH, ErrorModel.REFERENCE, null, null, 0.0), line -> { });
        assertEquals(List.of(), asked, "refused, or the reference model: the replicas are not read");
        List<String> said = new ArrayList<>();
        GibbsEstimator without = phase.estimator(calibrated.atPressure(0.0), said::add);
        assertEquals(List.of("replicas"), asked, "read once, for the calibrated estimator at a pressure");
        assertTrue(said.contains("warning: fe-bcc: no jackknife replicas (shard 3 of cell 7 is missing)"), said.toString());
        assertTrue(without.method().endsWith("per-volume bars propagated as independent"), without.method());
    }
}
