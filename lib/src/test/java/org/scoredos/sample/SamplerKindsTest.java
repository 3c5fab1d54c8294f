package org.scoredos.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.ReferenceConstants;

class SamplerKindsTest {

    @Test
    void eachSamplerOwnsItsConditioningAndConstants() {
        assertEquals(List.of("hessian", "einstein", "kinetic"), SamplerKinds.keys());
        assertNull(SamplerKinds.named("langevin"));
        HarmonicReference ref = HarmonicReference.compute(TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS),
                TestCrystals.morseCopper(), 0.0, Double.NaN, new HessianCalculator());
        double[] d0 = {1, 2};
        ReferenceConstants hessian = SamplerKinds.named("hessian").constants(ref, d0);
        ReferenceConstants einstein = SamplerKinds.named("einstein").constants(ref, d0);
        assertEquals(ref.meanLogNu(), hessian.meanLogNu());
        assertTrue(hessian.meanLogNu() < 0);
        assertEquals(0.0, einstein.meanLogNu(), "isotropic shells");
        assertEquals(3 * 32 - 3, einstein.stableModes());
        assertEquals(hessian.omegaBar(), einstein.omegaBar());

        SamplerKind kinetic = SamplerKinds.named("kinetic");
        assertEquals(Conditioning.ENERGY, kinetic.conditioning());
        assertTrue(kinetic.runsDynamics());
        assertTrue(Double.isNaN(kinetic.alpha(hessian, 1.0)), "MD snapshots have no α of their own");
        assertEquals(hessian.alphaOfTau(1.0), SamplerKinds.named("hessian").alpha(hessian, 1.0));
        assertFalse(SamplerKinds.named("einstein").runsDynamics());
        assertInstanceOf(HessianSampler.class, SamplerKinds.named("hessian").sampler(ref, null, null));
        assertInstanceOf(EinsteinSampler.class, SamplerKinds.named("einstein").sampler(ref, null, null));
    }
}
