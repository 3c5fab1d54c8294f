package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.potential.MorsePotential;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;

/**
 * TI of anharmonic Morse copper whose atoms carry two masses (one in four is light, 20 amu).
 * Masses set the dynamics and F_harm's frequencies, never the configurational ensembles, so the
 * anharmonic part F − F_harm must be the same as for one mass within the error bars (the F
 * difference between the two mass sets is the analytic harmonic one), and the Langevin
 * thermostat must give the light and the heavy atoms the same temperature.
 */
class TwoMassThermodynamicIntegrationTest {
    private static final double T = 1500;
    private static final double LIGHT = 20.0;
    private static final Structure CU = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static final MorsePotential MORSE = TestCrystals.morseCopper();
    private static final Hessian H = new HessianCalculator().compute(MORSE, CU);
    private static final TiSettings SETTINGS = new TiSettings(0.003, 5, 300, 6000, 5, 20, 4);

    private static Structure withLightAtoms() {
        int[] types = new int[CU.size()];
        for (int i = 0; i < types.length; i++) types[i] = i % 4 == 0 ? 2 : 1; // one fcc sublattice
        return new Structure(CU.cell(), CU.positions(), types, new double[] {TestCrystals.CU_MASS, LIGHT});
    }

    private record Run(TiResult result, double kineticTemperature) {}

    private static Run run(Structure crystal, long seed) {
        TiPlan plan = new TiPlan(MORSE, crystal, H, AtomMasses.of(crystal), new double[] {T}, SETTINGS, seed);
        List<LambdaSample> samples = new ArrayList<>();
        double kinetic = 0;
        for (int i = 0; i < plan.size(); i++) {
            LambdaSample s = plan.run(i);
            samples.add(s);
            kinetic += s.kineticTemperature() / plan.size();
        }
        return new Run(plan.combine(samples).get(0), kinetic);
    }

    @Test
    void theAnharmonicPartDoesNotDependOnMassesAndEveryAtomIsAtTheBathTemperature() {
        Run one = run(CU, 11);
        Run two = run(withLightAtoms(), 12);
        // the harmonic parts differ by the analytic mass term, a large amount here
        double harmonicShift = two.result.harmonicFreeEnergy() - one.result.harmonicFreeEnergy();
        assertTrue(harmonicShift > 5e-3, "light atoms raise F_harm: " + harmonicShift + " eV/atom");
        double sigma = Math.hypot(one.result.error(), two.result.error());
        assertTrue(Math.abs(one.result.anharmonic()) > 5 * sigma, "the model must be measurably anharmonic: "
                + one.result.anharmonic() + " ± " + sigma);
        assertEquals(one.result.anharmonic(), two.result.anharmonic(), 4 * sigma,
                "F − F_harm, one mass vs two (eV/atom)");
        assertEquals(harmonicShift, two.result.freeEnergy() - one.result.freeEnergy(), 4 * sigma);
        assertTrue(sigma < 4e-4, "error bar " + sigma + " eV/atom");
        // 3N − 3 degrees of freedom at T: light atoms thermalised as heavy ones would give about 0.83 T
        for (Run r : new Run[] {one, two}) assertEquals(T, r.kineticTemperature(), 0.03 * T);
    }
}
