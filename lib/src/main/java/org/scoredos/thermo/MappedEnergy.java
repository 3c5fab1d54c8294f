package org.scoredos.thermo;

import org.scoredos.sample.Displacements;
import org.scoredos.structure.Structure;

/**
 * Harmonically mapped averaging of a crystal's potential energy (Moustafa, Schultz and Kofke,
 * Phys. Rev. B 92, 014105, 2015). For a frame at displacement u from the lattice X_0 (energy
 * U_0) with forces F,
 *
 * <pre>    A = U − U_0 + ½ u·F</pre>
 *
 * has ⟨A⟩ = ⟨U⟩ − U_0 − (M/2) k_B T exactly in the canonical ensemble of any potential, since
 * equipartition gives ⟨u·∇U⟩ = M k_B T for the M coordinates U depends on (3N − 3 for a
 * periodic, translation-invariant model: Σ F = 0 takes the centre of mass out of u·F). For a
 * harmonic crystal A ≡ 0, so its spread is the anharmonic energy's alone, far below U's
 * k_B T √(M/2): the same frames fix ⟨U⟩ far more precisely.
 */
public final class MappedEnergy {
    private MappedEnergy() {}

    /** A = U − U_0 + ½ u·F, eV (the whole cell), from the energy, lattice energy, displacement and forces. */
    public static double of(double energy, double latticeEnergy, double[] u, double[] forces) {
        if (u.length != forces.length) throw new IllegalArgumentException(u.length + " displacements, " + forces.length + " forces");
        double uf = 0;
        for (int k = 0; k < u.length; k++) uf += u[k] * forces[k];
        return energy - latticeEnergy + 0.5 * uf;
    }

    /**
     * The displacement of {@code frame} from {@code lattice}, each atom to its site's nearest image
     * after the frame's mean drift is taken out (a thermostatted crystal's centre of mass wanders,
     * by more than half a cell in a long run); the drift is added back, so u is the frame's own.
     */
    public static double[] displacement(Structure lattice, Structure frame) {
        double[] u = Displacements.of(lattice, frame);
        for (int pass = 0; pass < 3; pass++) {
            double[] drift = drift(u);
            double[] shifted = lattice.positions();
            for (int k = 0; k < shifted.length; k++) shifted[k] += drift[k % 3];
            u = Displacements.of(lattice.withPositions(shifted), frame);
            for (int k = 0; k < u.length; k++) u[k] += drift[k % 3];
        }
        return u;
    }

    private static double[] drift(double[] u) {
        double[] d = new double[3];
        for (int k = 0; k < u.length; k++) d[k % 3] += u[k];
        for (int a = 0; a < 3; a++) d[a] /= u.length / 3;
        return d;
    }
}
