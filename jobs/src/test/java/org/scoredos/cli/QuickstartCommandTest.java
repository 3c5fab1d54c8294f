package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Lattices;

class QuickstartCommandTest {

    @Test
    void harmonicFreeEnergyFromTheStoredConstantsIsTheModeMeanTimesThree() throws Exception {
        Path w = Path.of("../conf/potentials/w-snap");
        SnapParameters params = SnapParameterReader.read(w.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(params, SnapCoefficientReader.read(w.resolve("X_W.snapcoeff"), params));
        HarmonicReference ref = HarmonicReference.compute(Lattices.bcc(3.1803, 2, 2, 2), snap, 0.0, 183.84, new HessianCalculator());
        var constants = ref.constants(new double[55]);
        for (double t : new double[] {100, 700, 2500}) {
            // 3N convention: the 3N − 3 mode sum per atom, scaled by 3N/(3N − 3) = 16/15
            double modeSum = ref.harmonicFreeEnergy(t);
            assertEquals(modeSum * 16 / 15, QuickstartCommand.harmonicFreeEnergy(constants, t), 1e-12 * Math.abs(modeSum));
            assertEquals(ref.freeEnergy(t), QuickstartCommand.harmonicFreeEnergy(constants, t), 1e-12 * Math.abs(modeSum));
        }
    }

    @Test
    void badTemperaturesExitTwo() {
        CommandRun ran = CommandRun.run("quickstart", "--temperatures", "300:200:x");
        assertEquals(2, ran.code());
        assertTrue(ran.err().startsWith("scoredos quickstart: --temperatures: invalid temperatures"), ran.err());
    }
}
