package org.scoredos.structure;

import org.scoredos.linalg.Vectors;

/**
 * The LAMMPS orientation of a cell: a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz), obtained by
 * a rotation (LAMMPS docs, "Triclinic (non-orthogonal) simulation boxes").
 */
final class LammpsCells {
    private LammpsCells() {}

    static boolean isLammpsOriented(Cell c) {
        return c.h(0, 1) == 0 && c.h(0, 2) == 0 && c.h(1, 2) == 0;
    }

    /** The cell itself when already in LAMMPS form, else its rotated copy with the origin at 0. */
    static Cell lammpsOriented(Cell c) {
        if (isLammpsOriented(c)) return c;
        double[] a = c.vector(0), b = c.vector(1), v = c.vector(2);
        double lx = Vectors.norm(a);
        double xy = Vectors.dot(b, a) / lx;
        double ly = Math.sqrt(Math.max(0, Vectors.dot(b, b) - xy * xy));
        double xz = Vectors.dot(v, a) / lx;
        double yz = (Vectors.dot(b, v) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, Vectors.dot(v, v) - xz * xz - yz * yz));
        return new Cell(new double[][] {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}}, null);
    }

    /** The positions of {@code s} carried into {@code target} at the same fractional coordinates. */
    static double[] positionsIn(Structure s, Cell target) {
        if (target == s.cell()) return s.positions();
        double[] out = new double[3 * s.size()];
        double[] f = new double[3], x = new double[3];
        for (int i = 0; i < s.size(); i++) {
            s.cell().toFractional(s.x(i), s.y(i), s.z(i), f);
            target.toCartesian(f[0], f[1], f[2], x);
            System.arraycopy(x, 0, out, 3 * i, 3);
        }
        return out;
    }
}
