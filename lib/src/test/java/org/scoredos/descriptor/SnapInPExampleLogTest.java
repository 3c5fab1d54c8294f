package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * The explicit multi-element InP model (chemflag 1, bnormflag 1, wselfallflag 1) against LAMMPS's
 * own example log ({@code examples/snap/log.15Jun20.snap.InP.JCPA2020.g++.1}): zincblende InP,
 * a = 5.83 Å, E_pair = −3.4805794 eV/atom at step 0 with {@code pair_style hybrid/overlay zbl 4 4.2
 * snap}. The ZBL part is summed here from LAMMPS's {@code pair zbl} formula, so the pure-SNAP energy
 * is checked to the log's 8 digits.
 */
class SnapInPExampleLogTest {
    private static final double LAMMPS_E_PAIR = -3.4805794; // eV/atom, printed to 8 digits
    private static final double A = 5.83;                   // Å

    @Test
    void zincblendeEnergyIsTheLammpsExampleLogMinusZbl() throws IOException {
        Path pot = Path.of("/usr/share/lammps/potentials");
        assumeTrue(Files.isDirectory(pot), "the LAMMPS potential library (lammps-data) is not installed at " + pot);
        SnapParameters p = SnapParameterReader.read(pot.resolve("InP_JCPA2020.snapparam"));
        SnapCoefficients c = SnapCoefficientReader.read(pot.resolve("InP_JCPA2020.snapcoeff"), p);
        assertEquals(241, c.element(1).coefficients().length, "β0 and 8 element blocks of 30");
        Structure s = zincblende(2);
        double snap = LinearSnapPotential.of(p, c).energy(s) / s.size();
        assertEquals(LAMMPS_E_PAIR, snap + zblPerAtom(s), 6e-8);
    }

    /** n×n×n conventional cells, In (type 1) on the fcc sites, P (type 2) shifted by a(¼, ¼, ¼), as LAMMPS's lattice diamond basis 1–4 / 5–8. */
    private static Structure zincblende(int n) {
        double[][] basis = {{0, 0, 0}, {.5, .5, 0}, {.5, 0, .5}, {0, .5, .5}, {.25, .25, .25}, {.75, .75, .25}, {.75, .25, .75}, {.25, .75, .75}};
        double[] x = new double[3 * 8 * n * n * n];
        int[] types = new int[8 * n * n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (int b = 0; b < 8; b++) {
                        x[3 * k] = (i + basis[b][0]) * A;
                        x[3 * k + 1] = (j + basis[b][1]) * A;
                        x[3 * k + 2] = (l + basis[b][2]) * A;
                        types[k++] = b < 4 ? 1 : 2;
                    }
                }
            }
        }
        double side = n * A;
        return new Structure(new Cell(new double[][] {{side, 0, 0}, {0, side, 0}, {0, 0, side}}, null), x, types, new double[] {114.76, 30.98});
    }

    /** ½ Σ_{i≠j} E_zbl(r_ij) per atom over periodic images, Z = 49 (In), 15 (P), inner 4 Å, cutoff 4.2 Å. */
    private static double zblPerAtom(Structure s) {
        int[] z = {49, 15};
        double side = s.cell().h(0, 0);
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                for (int na = -1; na <= 1; na++) {
                    for (int nb = -1; nb <= 1; nb++) {
                        for (int nc = -1; nc <= 1; nc++) {
                            double dx = s.x(j) - s.x(i) + na * side, dy = s.y(j) - s.y(i) + nb * side, dz = s.z(j) - s.z(i) + nc * side;
                            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                            if (r > 1e-9) sum += 0.5 * zbl(z[s.type(i) - 1], z[s.type(j) - 1], r, 4.0, 4.2);
                        }
                    }
                }
            }
        }
        return sum / s.size();
    }

    /** LAMMPS pair zbl: the universal screened Coulomb term, shifted and switched so E, E′, E″ vanish at the cutoff. */
    static double zbl(int zi, int zj, double r, double inner, double cutoff) {
        if (r >= cutoff) return 0;
        double tc = cutoff - inner;
        double f = zblTerm(zi, zj, cutoff, 0), fp = zblTerm(zi, zj, cutoff, 1), fpp = zblTerm(zi, zj, cutoff, 2);
        double sa = (-3 * fp + tc * fpp) / (tc * tc), sb = (2 * fp - tc * fpp) / (tc * tc * tc);
        double e = zblTerm(zi, zj, r, 0) - f + tc / 2 * fp - tc * tc / 12 * fpp;
        if (r > inner) {
            double t = r - inner;
            e += t * t * t * (sa / 3 + sb / 4 * t);
        }
        return e;
    }

    /** The d-th r-derivative (d ≤ 2) of Z_i Z_j e²/r φ(r/a), a = 0.46850/(Z_i^0.23 + Z_j^0.23) Å, e² = 14.399645 eV Å. */
    private static double zblTerm(int zi, int zj, double r, int d) {
        double[] c = {0.02817, 0.28022, 0.50986, 0.18175};
        double[] k = {0.20162, 0.40290, 0.94229, 3.19980};
        double ainv = (Math.pow(zi, 0.23) + Math.pow(zj, 0.23)) / 0.46850;
        double s = 0, sp = 0, spp = 0;
        for (int m = 0; m < 4; m++) {
            double km = k[m] * ainv, e = c[m] * Math.exp(-km * r);
            s += e;
            sp -= km * e;
            spp += km * km * e;
        }
        double q = zi * zj * 14.399645;
        return switch (d) {
            case 0 -> q * s / r;
            case 1 -> q * (sp - s / r) / r;
            default -> q * (spp - 2 * sp / r + 2 * s / (r * r)) / r;
        };
    }
}
