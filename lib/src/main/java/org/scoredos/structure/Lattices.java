package org.scoredos.structure;

import java.util.Arrays;
import org.scoredos.io.BadInputException;

/**
 * Perfect crystals of one atom type, replicated n×m×k times: bcc, fcc, diamond and A15 from
 * their conventional cubic cells (lattice parameter a), hcp from its primitive hexagonal cell
 * (a, c) in the LAMMPS orientation a = (a,0,0), b = (a/2, a√3/2, 0), c = (0,0,c). Masses are
 * unknown (NaN) until the caller supplies them with {@link Structure#withMassByType}.
 */
public final class Lattices {
    private static final double[][] BCC = {{0, 0, 0}, {0.5, 0.5, 0.5}};
    private static final double[][] FCC = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    private static final double[][] DIAMOND = {
        {0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
        {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}
    };
    /** Cr3Si (β-W) type: the 2a body-centred sites, then the 6c chain sites along x, y, z. */
    private static final double[][] A15 = {
        {0, 0, 0}, {0.5, 0.5, 0.5},
        {0.25, 0, 0.5}, {0.75, 0, 0.5},
        {0.5, 0.25, 0}, {0.5, 0.75, 0},
        {0, 0.5, 0.25}, {0, 0.5, 0.75}
    };
    private static final double[][] HCP = {{0, 0, 0}, {1.0 / 3, 1.0 / 3, 0.5}};

    private Lattices() {}

    public static Structure bcc(double a, int nx, int ny, int nz) {
        return cubic("bcc", BCC, a, nx, ny, nz);
    }

    public static Structure fcc(double a, int nx, int ny, int nz) {
        return cubic("fcc", FCC, a, nx, ny, nz);
    }

    public static Structure diamond(double a, int nx, int ny, int nz) {
        return cubic("diamond", DIAMOND, a, nx, ny, nz);
    }

    public static Structure a15(double a, int nx, int ny, int nz) {
        return cubic("A15", A15, a, nx, ny, nz);
    }

    public static Structure hcp(double a, double c, int nx, int ny, int nz) {
        positive("hcp", "c", c);
        double[][] unit = {{a, 0, 0}, {a / 2, a * Math.sqrt(3) / 2, 0}, {0, 0, c}};
        return replicate("hcp", unit, HCP, a, nx, ny, nz);
    }

    private static Structure cubic(String name, double[][] basis, double a, int nx, int ny, int nz) {
        return replicate(name, new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}}, basis, a, nx, ny, nz);
    }

    /** The unit cell (rows) with its fractional basis, repeated nx, ny, nz times along its vectors. */
    private static Structure replicate(String name, double[][] unit, double[][] basis, double a, int nx, int ny, int nz) {
        positive(name, "a", a);
        int[] reps = {nx, ny, nz};
        for (int d = 0; d < 3; d++) {
            if (reps[d] < 1) throw new BadInputException(name + ": replication " + "nmk".charAt(d) + " must be ≥ 1, got " + reps[d]);
        }
        long total = (long) basis.length * nx * ny * nz;
        if (total > Integer.MAX_VALUE / 3) throw new BadInputException(name + ": " + total + " atoms is too many");
        double[][] box = new double[3][3];
        for (int d = 0; d < 3; d++) for (int e = 0; e < 3; e++) box[d][e] = unit[d][e] * reps[d];
        Cell cell = new Cell(box, null);
        double[] pos = new double[(int) (3 * total)];
        int k = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                for (int l = 0; l < nz; l++) {
                    for (double[] s : basis) {
                        double f0 = i + s[0], f1 = j + s[1], f2 = l + s[2];
                        for (int e = 0; e < 3; e++) pos[k++] = f0 * unit[0][e] + f1 * unit[1][e] + f2 * unit[2][e];
                    }
                }
            }
        }
        int[] types = new int[(int) total];
        Arrays.fill(types, 1);
        return new Structure(cell, pos, types, new double[] {Double.NaN});
    }

    private static void positive(String name, String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new BadInputException(name + ": lattice parameter " + what + " must be positive, got " + v);
    }
}
