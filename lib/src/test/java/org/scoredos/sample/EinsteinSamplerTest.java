package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

class EinsteinSamplerTest {
    private static final Structure BCC = TestCrystals.bcc(3.165, 2, TestCrystals.W_MASS);
    private static final double OMEGA = 12.0;
    private final EinsteinSampler sampler = new EinsteinSampler(BCC, OMEGA);

    @Test
    void isotropicShellWithoutRigidTranslation() {
        double alpha = Math.log(2 * Units.U0 / OMEGA); // τ = 1
        int n = BCC.size();
        double[] meanSq = new double[3 * n];
        int samples = 4000;
        for (long i = 0; i < samples; i++) {
            Snapshot s = sampler.sample(alpha, new ShardKey(2, 0, 0), i);
            double[] u = Displacements.of(BCC, s.structure());
            double sq = 0;
            double[] com = new double[3];
            for (int k = 0; k < u.length; k++) {
                sq += u[k] * u[k];
                com[k % 3] += u[k];
                meanSq[k] += u[k] * u[k] / samples;
            }
            assertEquals(1, sq / n / Math.exp(alpha), 1e-12);
            assertEquals(1, Math.exp(s.alpha() - alpha), 1e-12);
            for (double c : com) assertEquals(0, c, 1e-12);
            assertEquals(1, s.tau(), 1e-12);
        }
        // every coordinate carries the same share: N e^α (1 − 1/N)/(3N − 3) = e^α/3
        double expected = Math.exp(alpha) / 3;
        for (double m : meanSq) assertEquals(expected, m, 6 * expected * Math.sqrt(2.0 / samples));
    }

    @Test
    void reproducible() {
        Snapshot a = sampler.sample(-4, new ShardKey(3, 1, 1), 17);
        Snapshot b = new EinsteinSampler(BCC, OMEGA).sample(-4, new ShardKey(3, 1, 1), 17);
        assertArrayEquals(a.structure().positions(), b.structure().positions());
    }
}
