package org.scoredos.sample;

import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.*;
import org.scoredos.descriptor.*;
import org.scoredos.potential.LinearSnapPotential;
import java.nio.file.Path;

class SnapNveProbeTest {
    @Test
    void probe() throws Exception {
        Path dir = Path.of("src/test/resources/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        var w = org.scoredos.structure.Lattices.bcc(3.1856343060058365, 2, 2, 2).withMassByType(new double[] {183.84});
        long t = System.nanoTime();
        HarmonicReference ref = HarmonicReference.compute(w, snap, 0, Double.NaN, new HessianCalculator());
        System.out.printf("ref %.2fs%n", (System.nanoTime() - t) / 1e9);
        KineticSampler s = new KineticSampler(ref, snap, 0.001, 10, 0);
        double alpha = ref.alphaOfTau(2);
        VelocityVerlet md = s.trajectory(alpha, new ShardKey(1, 0, 0));
        double e0 = md.totalEnergy(), drift = 0;
        t = System.nanoTime();
        for (int i = 0; i < 1000; i++) { md.step(); drift = Math.max(drift, Math.abs(md.totalEnergy() - e0) / 16); }
        System.out.printf("1000 steps %.2fs drift %.3e eV/atom%n", (System.nanoTime() - t) / 1e9, drift);
    }
}
