package org.scoredos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * The whole published InP model read from its LAMMPS file (hybrid/overlay ZBL + explicit
 * multi-element SNAP) against LAMMPS's example log ({@code log.15Jun20.snap.InP.JCPA2020.g++.1}):
 * zincblende InP, a = 5.83 Å, E_pair = −3.4805794 eV/atom at step 0, printed to 8 digits.
 */
class InPExampleLogTest {

    @Test
    void zincblendeEnergyOfTheModelFileIsTheLammpsLog() throws IOException {
        Structure s = zincblende(5.83, 2);
        double perAtom = ModelFixtures.published("InP_JCPA2020").model().energy(s) / s.size();
        assertEquals(-3.4805794, perAtom, 6e-8);
    }

    /** n³ conventional cells: In (type 1) on the fcc sites, P (type 2) shifted by a(¼, ¼, ¼), as LAMMPS's lattice diamond basis. */
    private static Structure zincblende(double a, int n) {
        double[][] basis = {{0, 0, 0}, {.5, .5, 0}, {.5, 0, .5}, {0, .5, .5}, {.25, .25, .25}, {.75, .75, .25}, {.75, .25, .75}, {.25, .75, .75}};
        double[] x = new double[3 * 8 * n * n * n];
        int[] types = new int[8 * n * n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (int b = 0; b < 8; b++) {
                        x[3 * k] = (i + basis[b][0]) * a;
                        x[3 * k + 1] = (j + basis[b][1]) * a;
                        x[3 * k + 2] = (l + basis[b][2]) * a;
                        types[k++] = b < 4 ? 1 : 2;
                    }
                }
            }
        }
        return new Structure(Cell.orthogonal(n * a, n * a, n * a), x, types, new double[] {114.76, 30.98});
    }
}
