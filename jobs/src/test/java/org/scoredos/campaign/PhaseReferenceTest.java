package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.sample.HessianSampler;
import org.scoredos.sample.ShardKey;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.structure.AtomMasses;

/** A sparse reference travels to executors as its blocks and constants, and samples there exactly as on the driver. */
class PhaseReferenceTest {
    @Test
    void sparseReferenceSurvivesSerialisationBitForBit() throws Exception {
        Path dir = Path.of("../conf/potentials/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        Structure bcc = Lattices.bcc(3.1803, 3, 3, 3).withMassByType(new double[] {183.84});
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, false).compute(snap, bcc);
        HarmonicReference ref = new HarmonicReference(bcc, AtomMasses.uniform(bcc.size(), 183.84), 0, snap.energy(bcc), h, SparseSpectrum.of(h));
        PhaseReference shipped = PhaseReference.sparse(ref);
        assertNull(shipped.modes(), "no dense eigenbasis travels");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(shipped);
        }
        assertTrue(bytes.size() < 9L * 3 * bcc.size() * 3 * bcc.size(), bytes.size() + " bytes");
        PhaseReference received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (PhaseReference) in.readObject();
        }
        HarmonicReference rebuilt = received.rebuild();
        assertTrue(rebuilt.isSparse());
        assertEquals(ref.omegaBar(), rebuilt.omegaBar());
        assertEquals(ref.meanLogNu(), rebuilt.meanLogNu());
        double alpha = ref.alphaOfTau(1);
        ShardKey shard = new ShardKey(3, 1, 2);
        assertArrayEquals(new HessianSampler(ref).sample(alpha, shard, 5).structure().positions(),
                new HessianSampler(rebuilt).sample(alpha, shard, 5).structure().positions());
    }
}
