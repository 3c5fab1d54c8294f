package org.scoredos.structure;

import org.scoredos.io.BadInputException;

/**
 * A periodic simulation cell: three lattice vectors (the rows of {@code h}) and an origin, in Å.
 * LAMMPS cells are the special case a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz); any
 * right-handed, non-degenerate cell is accepted.
 */
public final class Cell {
    private final double[][] h;      // rows: lattice vectors a, b, c
    private final double[][] hInv;   // fractional = cart · hInv
    private final double[] origin;
    private final double volume;

    public Cell(double[][] latticeVectors, double[] origin) {
        this.h = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = latticeVectors[i][j];
                if (!Double.isFinite(v)) throw new BadInputException("cell vector component is not finite: " + v);
                h[i][j] = v;
            }
        }
        this.origin = origin == null ? new double[3] : origin.clone();
        double[][] m = h;
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (!(det > 1e-12)) {
            throw new BadInputException("cell has zero or negative volume (" + det + " Å³): box lengths must be positive");
        }
        if (det == Double.POSITIVE_INFINITY) throw new BadInputException("cell volume overflows: the lattice vectors are impossibly long");
        this.volume = det;
        this.hInv = new double[3][3];
        hInv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        hInv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        hInv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        hInv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        hInv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        hInv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        hInv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        hInv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        hInv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
    }

    /** An orthogonal box with edge lengths lx, ly, lz and origin at 0. */
    public static Cell orthogonal(double lx, double ly, double lz) {
        return new Cell(new double[][] {{lx, 0, 0}, {0, ly, 0}, {0, 0, lz}}, null);
    }

    /** Lattice vector i (0 = a, 1 = b, 2 = c), a copy. */
    public double[] vector(int i) {
        return h[i].clone();
    }

    /** The lattice vectors as rows, a copy. */
    public double[][] matrix() {
        return new double[][] {h[0].clone(), h[1].clone(), h[2].clone()};
    }

    public double[] origin() {
        return origin.clone();
    }

    public double volume() {
        return volume;
    }

    /** Component j of lattice vector i. */
    public double h(int i, int j) {
        return h[i][j];
    }

    /** Fractional coordinates of a Cartesian point (relative to the origin), written into {@code out}. */
    public void toFractional(double x, double y, double z, double[] out) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        for (int j = 0; j < 3; j++) out[j] = dx * hInv[0][j] + dy * hInv[1][j] + dz * hInv[2][j];
    }

    /** Cartesian point of fractional coordinates (s0, s1, s2), written into {@code out}. */
    public void toCartesian(double s0, double s1, double s2, double[] out) {
        for (int j = 0; j < 3; j++) out[j] = origin[j] + s0 * h[0][j] + s1 * h[1][j] + s2 * h[2][j];
    }

    /** Perpendicular distance between the two faces spanned by the other two lattice vectors. */
    public double faceSpacing(int i) {
        // |a_i · (a_j × a_k)| / |a_j × a_k| = volume / |a_j × a_k|; equivalently 1/|row i of hInvᵀ|.
        double nx = hInv[0][i], ny = hInv[1][i], nz = hInv[2][i];
        return 1.0 / Math.sqrt(nx * nx + ny * ny + nz * nz);
    }

    /** The same cell with every lattice vector and the origin scaled by {@code factor}. */
    public Cell scaled(double factor) {
        double[][] m = matrix();
        for (double[] row : m) for (int j = 0; j < 3; j++) row[j] *= factor;
        double[] o = origin();
        for (int j = 0; j < 3; j++) o[j] *= factor;
        return new Cell(m, o);
    }
}
