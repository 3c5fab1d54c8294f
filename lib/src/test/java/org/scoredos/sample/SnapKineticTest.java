package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

/** Constant-energy MD with the tungsten SNAP forces (16 atoms keep it to seconds). */
class SnapKineticTest {

    @Test
    void nveConservesEnergyOver1000StepsAt2000KEquivalent() throws IOException {
        Path dir = Path.of("src/test/resources/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        Structure w = Lattices.bcc(3.1856343060058365, 2, 2, 2).withMassByType(new double[] {TestCrystals.W_MASS});
        HarmonicReference reference = HarmonicReference.compute(w, snap, 0.0, Double.NaN, new HessianCalculator());
        assertEquals(3, reference.zeroModes());

        KineticSampler sampler = new KineticSampler(reference, snap, 0.001, 10, 0);
        double alpha = reference.alphaOfTau(2);
        VelocityVerlet md = sampler.trajectory(alpha, new ShardKey(1, 0, 0));
        double target = sampler.targetEnergy(alpha);
        assertEquals(target, md.totalEnergy(), 1e-9);
        double drift = 0;
        for (int step = 0; step < 1000; step++) {
            md.step();
            drift = Math.max(drift, Math.abs(md.totalEnergy() - target) / w.size());
        }
        assertTrue(drift < 1e-4, "energy drift " + drift + " eV/atom");

        // the campaigns' default step, 2 fs, still holds the energy to 3e-4 of its excess over the lattice
        KineticSampler campaignDefault = new KineticSampler(reference, snap, 0.002, 10, 0);
        md = campaignDefault.trajectory(alpha, new ShardKey(1, 0, 0));
        double excess = target - reference.latticeEnergy();
        drift = 0;
        for (int step = 0; step < 500; step++) {
            md.step();
            drift = Math.max(drift, Math.abs(md.totalEnergy() - target) / excess);
        }
        assertTrue(drift < 3e-4, "relative energy drift at 2 fs " + drift);
    }
}
