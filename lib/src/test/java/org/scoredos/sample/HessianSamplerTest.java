package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

class HessianSamplerTest {
    private static HarmonicReference reference;
    private static HessianSampler sampler;

    @BeforeAll
    static void build() {
        Structure fcc = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
        reference = HarmonicReference.compute(fcc, TestCrystals.morseCopper(), 0.0, Double.NaN, new HessianCalculator());
        sampler = new HessianSampler(reference);
    }

    @Test
    void everySnapshotLiesOnItsShell() {
        ShardKey shard = new ShardKey(11, 3, 0);
        for (double tau : new double[] {0.1, 1, 4}) {
            double alpha = reference.alphaOfTau(tau);
            for (Snapshot s : sampler.sample(alpha, shard, 0, 100)) {
                assertEquals(1, Math.exp(s.alpha() - alpha), 1e-12);
                // measured again from the wrapped structure alone
                double[] u = Displacements.of(reference.structure(), s.structure());
                double e = reference.modes().weightedSquare(u) / reference.atoms();
                assertEquals(1, e / Math.exp(alpha), 1e-12);
                assertEquals(tau, s.tau(), 1e-12 * tau);
                assertEquals(s.harmonicEnergy() / (1.5 * Units.KB), s.equipartitionTemperature(), 1e-9);
                assertEquals(Displacements.maxAtomDisplacement(u), s.maxDisplacement(), 1e-12);
                assertTrue(s.accepted());
            }
        }
    }

    @Test
    void uniformOnTheShell() {
        // On the uniform shell measure ν_l (v_l·u)² has the same mean N e^α / M for every mode.
        HarmonicModes modes = reference.modes();
        int m = modes.stableModes();
        assertTrue(modes.nu(m - 1) / modes.nu(0) > 3, "a spread of stiffnesses makes the test bite");
        double alpha = reference.alphaOfTau(1);
        int n = 10_000;
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        ShardKey shard = new ShardKey(5, 0, 1);
        double unit = reference.atoms() * Math.exp(alpha) / m;
        for (long i = 0; i < n; i++) {
            double[] u = sampler.displacement(alpha, SampleStreams.random(shard, i));
            for (int l = 0; l < m; l++) {
                double a = modes.project(l, u);
                double y = modes.nu(l) * a * a / unit;
                sum[l] += y;
                sumSq[l] += y * y;
            }
        }
        double chi2 = 0;
        for (int l = 0; l < m; l++) {
            double mean = sum[l] / n;
            double sigma = Math.sqrt((sumSq[l] / n - mean * mean) / n);
            assertEquals(1, mean, 5 * sigma, "mode " + l);
            chi2 += (mean - 1) * (mean - 1) / (sigma * sigma);
        }
        assertTrue(chi2 < m + 5 * Math.sqrt(2 * m), "χ² = " + chi2 + " for " + m + " modes");
    }

    @Test
    void aRetriedTaskReproducesItsSamplesBitForBit() {
        double alpha = reference.alphaOfTau(2);
        ShardKey shard = new ShardKey(99, 7, 4);
        List<Snapshot> batch = sampler.sample(alpha, shard, 10, 20);
        List<Snapshot> parallel = LongStream.range(10, 30).parallel().mapToObj(i -> sampler.sample(alpha, shard, i)).collect(Collectors.toList());
        HessianSampler other = new HessianSampler(reference);
        for (int j = 0; j < 20; j++) {
            assertEquals(10 + j, batch.get(j).index());
            assertArrayEquals(batch.get(j).structure().positions(), parallel.get(j).structure().positions());
            assertArrayEquals(batch.get(j).structure().positions(), other.sample(alpha, shard, 10 + j).structure().positions());
        }
        assertFalse(Arrays.equals(batch.get(0).structure().positions(), sampler.sample(alpha, new ShardKey(99, 7, 5), 10).structure().positions()));
    }

    @Test
    void samplesWithAtomsCloserThanHalfAnAngstromAreFlaggedNotKept() {
        // τ = 300 puts atoms ~2 Å from their sites: many pairs collide.
        double alpha = reference.alphaOfTau(300);
        List<Snapshot> snaps = sampler.sample(alpha, new ShardKey(1, 0, 0), 0, 40);
        long rejected = snaps.stream().filter(s -> !s.accepted()).count();
        assertTrue(rejected > 0 && rejected < 40, "rejected " + rejected);
        for (Snapshot s : snaps) assertEquals(s.accepted(), closestPair(s.structure()) >= Snapshot.MIN_SEPARATION);
        SampleBatch batch = sampler.batch(alpha, new ShardKey(1, 0, 0), 0, 40);
        assertEquals(rejected, batch.rejected());
        assertEquals(40 - rejected, batch.accepted().size());
        assertTrue(batch.accepted().stream().allMatch(Snapshot::accepted));
    }

    @Test
    void strainedReferencesAreSampledInTheirOwnCell() {
        Structure fcc = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
        HarmonicReference strained = HarmonicReference.compute(fcc, TestCrystals.morseCopper(), 0.02, Double.NaN, new HessianCalculator());
        HessianSampler s = new HessianSampler(strained);
        double alpha = strained.alphaOfTau(1);
        Snapshot snap = s.sample(alpha, new ShardKey(3, 0, 0), 0);
        assertEquals(fcc.cell().volume() * Math.pow(1.02, 3), snap.structure().cell().volume(), 1e-9);
        double[] u = Displacements.of(strained.structure(), snap.structure());
        assertEquals(1, strained.modes().weightedSquare(u) / strained.atoms() / Math.exp(alpha), 1e-12);
    }

    /** Brute-force closest distance over pairs and the 27 nearest images. */
    static double closestPair(Structure s) {
        double best = Double.POSITIVE_INFINITY;
        double[][] h = s.cell().matrix();
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                for (int a = -1; a <= 1; a++) for (int b = -1; b <= 1; b++) for (int c = -1; c <= 1; c++) {
                    if (i == j && a == 0 && b == 0 && c == 0) continue;
                    double dx = s.x(j) - s.x(i) + a * h[0][0] + b * h[1][0] + c * h[2][0];
                    double dy = s.y(j) - s.y(i) + a * h[0][1] + b * h[1][1] + c * h[2][1];
                    double dz = s.z(j) - s.z(i) + a * h[0][2] + b * h[1][2] + c * h[2][2];
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
        }
        return best;
    }
}
