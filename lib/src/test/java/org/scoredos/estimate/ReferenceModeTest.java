package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.estimate.IsosurfaceEstimator.Mode;
import org.scoredos.summary.PhaseSummary;

/** Reference mode reproduces the DescriptorDOS Analyzer's numbers for θ_ref (expected_results.json). */
class ReferenceModeTest {

    @ParameterizedTest
    @ValueSource(strings = {"bcc", "fcc"})
    void freeEnergiesAlphaStarErrorsAndFlags(String name) {
        PhaseSummary phase = name.equals("bcc") ? IronCampaigns.bcc() : IronCampaigns.fcc();
        JsonNode x = IronCampaigns.expected();
        IsosurfaceEstimator est = IsosurfaceEstimator.of(phase, Mode.REFERENCE);
        double[] theta = IronCampaigns.thetaRef();
        assertEquals(x.get("E0_" + name).asDouble(), est.latticeEnergy(theta), 1e-14);
        double[] temps = IronCampaigns.vector(x.get("temperatures"));
        FreeEnergy[] f = est.estimate(theta, temps, false);
        for (int i = 0; i < temps.length; i++) {
            String at = name + " at " + temps[i] + " K";
            assertEquals(x.get("F_" + name).get(i).asDouble(), f[i].freeEnergy(), 1e-8, at);
            assertEquals(x.get("alpha_star_" + name).get(i).asDouble(), f[i].alphaStar(), 1e-13, at);
            double err = x.get("errorF_" + name).get(i).asDouble();
            assertEquals(err, f[i].error(), 1e-4 * err, at);
            assertEquals(!x.get("unsolved_" + name).get(i).asBoolean(), f[i].solved(), at);
        }
    }

    @org.junit.jupiter.api.Test
    void manyThetasAtOnceMatchOneByOne() {
        IsosurfaceEstimator est = IsosurfaceEstimator.of(IronCampaigns.bcc(), Mode.REFERENCE);
        double[] a = IronCampaigns.thetaRef(), b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] *= 1.01;
        double[] temps = {700, 1300};
        FreeEnergy[][] all = est.estimate(new double[][] {a, b}, temps, true);
        assertEquals(est.estimate(b, 1300).freeEnergy(), all[1][1].freeEnergy(), 0);
        assertEquals(est.estimate(a, 700).gradient()[4], all[0][0].gradient()[4], 0);
        // a stiffer potential (θ scaled up) has a higher free energy relative to its lattice
        assertEquals(true, all[1][0].freeEnergy() > all[0][0].freeEnergy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bcc", "fcc"})
    void gradientAt1000KIsTheInterpolatedMeanDescriptor(String name) {
        PhaseSummary phase = name.equals("bcc") ? IronCampaigns.bcc() : IronCampaigns.fcc();
        JsonNode x = IronCampaigns.expected().get("at_1000K").get(name);
        FreeEnergy f = IsosurfaceEstimator.of(phase, Mode.REFERENCE).estimate(IronCampaigns.thetaRef(), 1000.0);
        assertEquals(x.get("F").asDouble(), f.freeEnergy(), 1e-8);
        assertEquals(x.get("alpha_star").asDouble(), f.alphaStar(), 1e-13);
        double[] d = IronCampaigns.vector(x.get("D"));
        for (int i = 0; i < d.length; i++) assertEquals(d[i], f.gradient()[i], 1e-12 * Math.max(1, Math.abs(d[i])), "D[" + i + "]");
    }
}
