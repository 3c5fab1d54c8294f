package org.scoredos.thermo;

import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.Potential;
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
    private final Structure lattice;
    private final Potential potential;
    private final double latticeEnergy;
    private final double farthest;

    /**
     * Frames of MD of {@code potential} about {@code lattice} (atom i of every frame vibrating about
     * site i). Displacements beyond half the lattice's nearest-neighbour distance (of atom 1) are
     * no crystal's vibrations: the frame's atoms are in another order, or the crystal melted.
     */
    public MappedEnergy(Structure lattice, Potential potential) {
        this.lattice = lattice;
        this.potential = potential;
        this.latticeEnergy = potential.energy(lattice);
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 1; j < lattice.size(); j++) {
            double[] x = lattice.positions();
            for (int d = 0; d < 3; d++) x[3 * j + d] = x[d];
            nearest = Math.min(nearest, Math.sqrt(squared(Displacements.of(lattice, lattice.withPositions(x)), j)));
        }
        this.farthest = nearest / 2;
    }

    /** U_0, eV (the whole cell). */
    public double latticeEnergy() {
        return latticeEnergy;
    }

    /**
     * A of one frame, eV (the whole cell); a {@link BadInputException} when an atom sits farther than
     * half a nearest-neighbour distance from its site (drift aside).
     */
    public double of(Structure frame) {
        double[] u = vibration(frame);
        double[] forces = new double[u.length];
        double energy = potential.energyAndForces(frame, forces);
        return of(energy, latticeEnergy, u, forces);
    }

    /**
     * A of one frame whose energy and forces under this mapping's potential are at hand already (from the pass
     * that also gave its descriptors, {@link org.scoredos.potential.LinearModel#featuresAndForces}); refused as
     * {@link #of(Structure)} refuses.
     */
    public double of(Structure frame, Evaluation evaluation) {
        return of(evaluation.energy(), latticeEnergy, vibration(frame), evaluation.forces());
    }

    /** The frame's displacement u from the lattice, checked to be a crystal's vibration about it. */
    private double[] vibration(Structure frame) {
        double[] u = displacement(lattice, frame);
        double[] drift = drift(u);
        for (int i = 0; i < u.length / 3; i++) {
            double s = 0;
            for (int d = 0; d < 3; d++) s += (u[3 * i + d] - drift[d]) * (u[3 * i + d] - drift[d]);
            if (Math.sqrt(s) > farthest) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "atom %d is %.2f Å from its lattice site (more than half the nearest-neighbour distance): "
                                + "not a vibrating crystal, or its atoms are in another order than the reference's", i + 1, Math.sqrt(s)));
            }
        }
        return u;
    }

    private static double squared(double[] u, int i) {
        return u[3 * i] * u[3 * i] + u[3 * i + 1] * u[3 * i + 1] + u[3 * i + 2] * u[3 * i + 2];
    }

    /** A = U − U_0 + ½ u·F, eV (the whole cell), from the energy, lattice energy, displacement and forces. */
    public static double of(double energy, double latticeEnergy, double[] u, double[] forces) {
        if (u.length != forces.length) throw new IllegalArgumentException(u.length + " displacements, " + forces.length + " forces");
        return energy - latticeEnergy + 0.5 * Vectors.dot(u, forces);
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
