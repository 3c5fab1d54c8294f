package org.scoredos.potential;

import org.scoredos.structure.Cell;
import org.scoredos.units.Units;

/**
 * Energy, forces and virial of one structure under one model.
 *
 * @param energy total potential energy, eV
 * @param forces flat 3N forces, eV/Å, or null when not asked for
 * @param virial W_ab = Σ r_a f_b over all pair (and many-body) contributions, eV, in the order
 *               xx yy zz xy xz yz, or null when not asked for
 */
public record Evaluation(double energy, double[] forces, double[] virial) {

    /**
     * The virial pressure tensor W/V in GPa, order xx yy zz xy xz yz, with LAMMPS's sign
     * (positive = compressive: the energy falls when the cell expands). No kinetic part.
     */
    public double[] pressureTensor(Cell cell) {
        if (virial == null) throw new IllegalStateException("the virial was not computed");
        double[] p = new double[6];
        for (int k = 0; k < 6; k++) p[k] = virial[k] / cell.volume() * Units.GPA_PER_EV_PER_A3;
        return p;
    }

    /** Adds r ⊗ f (one pair's contribution, r the separation, f the force on the far end) to a virial. */
    public static void addPair(double[] virial, double rx, double ry, double rz, double fx, double fy, double fz) {
        virial[0] += rx * fx;
        virial[1] += ry * fy;
        virial[2] += rz * fz;
        virial[3] += rx * fy;
        virial[4] += rx * fz;
        virial[5] += ry * fz;
    }
}
