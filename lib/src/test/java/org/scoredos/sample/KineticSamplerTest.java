package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.MorsePotential;
import org.scoredos.units.Units;

class KineticSamplerTest {
    private static final MorsePotential CU = TestCrystals.morseCopper();
    private static HarmonicReference reference;

    @BeforeAll
    static void build() {
        reference = HarmonicReference.compute(TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS), CU, 0.0, Double.NaN, new HessianCalculator());
    }

    @Test
    void nveConservesEnergyAt2000KEquivalent() {
        double alpha = reference.alphaOfTau(2); // H_e = 1.5 k_B · 2000 K per atom
        KineticSampler sampler = new KineticSampler(reference, CU, 0.001, 10, 0);
        double target = sampler.targetEnergy(alpha);
        assertEquals(reference.latticeEnergy() + reference.atoms() * 3 * Units.KB * 2000, target, 1e-9);
        VelocityVerlet md = sampler.trajectory(alpha, new ShardKey(4, 0, 0));
        assertEquals(target, md.totalEnergy(), 1e-9);
        double drift = 0;
        for (int step = 0; step < 1000; step++) {
            md.step();
            drift = Math.max(drift, Math.abs(md.totalEnergy() - target) / reference.atoms());
        }
        assertTrue(drift < 1e-4, "energy drift " + drift + " eV/atom");
        double[] v = md.velocities();
        for (int d = 0; d < 3; d++) {
            double p = 0;
            for (int i = 0; i < reference.atoms(); i++) p += v[3 * i + d];
            assertEquals(0, p, 1e-9, "no centre-of-mass motion");
        }
    }

    @Test
    void snapshotsArePureFunctionsOfTheirIndex() {
        double alpha = reference.alphaOfTau(1);
        KineticSampler sampler = new KineticSampler(reference, CU, 0.002, 5, 20);
        ShardKey shard = new ShardKey(8, 2, 3);
        List<Snapshot> run = sampler.sample(alpha, shard, 0, 4);
        Snapshot third = sampler.sample(alpha, shard, 3);
        assertEquals(3, third.index());
        assertArrayEquals(run.get(3).structure().positions(), third.structure().positions());
        assertEquals(run.get(3).alpha(), third.alpha());
        for (Snapshot s : run) {
            assertTrue(s.accepted());
            // MD wanders off the starting shell: its harmonic energy is near, not on, H_e(α)
            assertTrue(Math.abs(s.alpha() - alpha) < 1.5, "α " + s.alpha() + " vs " + alpha);
        }
    }
}
