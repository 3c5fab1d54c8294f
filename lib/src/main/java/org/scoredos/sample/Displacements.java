package org.scoredos.sample;

import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/** Displacements u = X − X_0 of a periodic configuration from its reference lattice. */
public final class Displacements {
    private Displacements() {}

    /** X_0 + u with every atom wrapped back into the cell. */
    public static Structure displace(Structure reference, double[] u) {
        Cell cell = reference.cell();
        double[] x = reference.positions();
        double[] s = new double[3];
        double[] c = new double[3];
        for (int i = 0; i < reference.size(); i++) {
            cell.toFractional(x[3 * i] + u[3 * i], x[3 * i + 1] + u[3 * i + 1], x[3 * i + 2] + u[3 * i + 2], s);
            cell.toCartesian(s[0] - Math.floor(s[0]), s[1] - Math.floor(s[1]), s[2] - Math.floor(s[2]), c);
            System.arraycopy(c, 0, x, 3 * i, 3);
        }
        return reference.withPositions(x);
    }

    /** The same configuration with every atom wrapped into the cell. */
    public static Structure wrapped(Structure structure) {
        return displace(structure, new double[3 * structure.size()]);
    }

    /**
     * The displacement of {@code snapshot} from {@code reference}, each atom taken to the
     * periodic image nearest its lattice site (valid while displacements stay below half a
     * cell, which every sample does).
     */
    public static double[] of(Structure reference, Structure snapshot) {
        if (reference.size() != snapshot.size()) {
            throw new IllegalArgumentException("reference has " + reference.size() + " atoms, snapshot " + snapshot.size());
        }
        Cell cell = reference.cell();
        double[] u = new double[3 * reference.size()];
        double[] s = new double[3];
        double[] s0 = new double[3];
        double[] c = new double[3];
        double[] o = cell.origin();
        for (int i = 0; i < reference.size(); i++) {
            cell.toFractional(snapshot.x(i), snapshot.y(i), snapshot.z(i), s);
            cell.toFractional(reference.x(i), reference.y(i), reference.z(i), s0);
            for (int d = 0; d < 3; d++) {
                s[d] -= s0[d];
                s[d] -= Math.rint(s[d]);
            }
            cell.toCartesian(s[0], s[1], s[2], c);
            for (int d = 0; d < 3; d++) u[3 * i + d] = c[d] - o[d];
        }
        return u;
    }

    /** max_i |u_i|, Å. */
    public static double maxAtomDisplacement(double[] u) {
        double m = 0;
        for (int k = 0; k < u.length; k += 3) m = Math.max(m, u[k] * u[k] + u[k + 1] * u[k + 1] + u[k + 2] * u[k + 2]);
        return Math.sqrt(m);
    }

    /** Whether any two atoms (periodic images included) are closer than {@code distance} Å. */
    public static boolean hasContactCloserThan(Structure structure, double distance) {
        return NeighborList.build(structure, distance).pairs() > 0;
    }
}
