package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

/**
 * Why Ta06A's F − F_harm is linear in T at low T (lib/docs/models.md): at its zero-pressure lattice
 * constant bcc's third-neighbour shell, a√2 = 4.68991 Å, lies 0.0135 Å outside SNAP's cutoff
 * 4.67637 Å. The lattice Hessian does not see it, but a pair pushed inside meets the switching
 * tail: a one-sided spring, so the curvature along the pair steps down once the distance crosses
 * the cutoff. Reference: LAMMPS (29 Sep 2021, the library's own Ta06A.snap lines) moving atom 1 of
 * the same 128-atom crystal along [110], second differences with h = 1 mÅ.
 */
class Ta06aThirdShellTest {
    private static final double A = 3.31626, H = 0.001;

    @Test
    void theCurvatureAlongAThirdNeighbourPairStepsDownWhereThePairEntersTheCutoff() throws IOException {
        assumeTrue(Files.isRegularFile(ModelFixtures.POTENTIALS.resolve("Ta06A.snap")), "the LAMMPS potential library is not installed");
        LinearModel model = ModelFixtures.published("Ta06A").model();
        Structure crystal = Lattices.bcc(A, 4, 4, 4);
        assertEquals(0.0, Math.abs(crystal.positions()[0]) + Math.abs(crystal.positions()[1]) + Math.abs(crystal.positions()[2]), 0,
                "atom 0 at the origin, its third neighbour at (a, a, 0)");
        double outside = curvature(model, crystal, 0.005), entering = curvature(model, crystal, 0.010);
        double inside = curvature(model, crystal, 0.020);
        // LAMMPS: 9.98099, 9.98160, 9.60214 eV/Å² (energies agree to 1e-12 eV, so these to 1e-5)
        assertEquals(9.98098721538554, outside, 1e-4);
        assertEquals(9.981603170672315, entering, 1e-4);
        assertEquals(9.602137424735702, inside, 1e-4);
        assertTrue(outside - inside > 0.3, "one pair inside the cutoff softens the mode by " + (outside - inside) + " eV/Å²");
        assertTrue(A * Math.sqrt(2) - 0.010 > 4.67637 && A * Math.sqrt(2) - 0.020 < 4.67637, "the step lies between 10 and 20 mÅ");
    }

    /** d²E/ds² (eV/Å²) with atom 0 moved by s along [110], by central second differences. */
    private static double curvature(LinearModel model, Structure crystal, double s) {
        return (energy(model, crystal, s + H) - 2 * energy(model, crystal, s) + energy(model, crystal, s - H)) / (H * H);
    }

    private static double energy(LinearModel model, Structure crystal, double s) {
        double[] p = crystal.positions();
        p[0] += s / Math.sqrt(2);
        p[1] += s / Math.sqrt(2);
        return model.evaluate(crystal.withPositions(p), false, false).energy();
    }
}
