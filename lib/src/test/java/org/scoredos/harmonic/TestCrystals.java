package org.scoredos.harmonic;

import org.scoredos.potential.MorsePotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/** Cubic crystals and Morse models for the harmonic and sampler tests. */
public final class TestCrystals {
    private TestCrystals() {}

    /** Girifalco–Weizer Morse tungsten, shifted-force at 5.5 Å. */
    public static MorsePotential morseTungsten() {
        return new MorsePotential(0.9906, 1.4116, 3.032, 5.5);
    }

    /** Girifalco–Weizer Morse copper, shifted-force at 5.5 Å. */
    public static MorsePotential morseCopper() {
        return new MorsePotential(0.3429, 1.3588, 2.866, 5.5);
    }

    public static final double W_MASS = 183.84;
    public static final double CU_MASS = 63.546;

    /** n×n×n conventional cells of bcc with lattice constant a. */
    public static Structure bcc(double a, int n, double mass) {
        return cubic(a, n, mass, new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}});
    }

    /** n×n×n conventional cells of fcc with lattice constant a. */
    public static Structure fcc(double a, int n, double mass) {
        return cubic(a, n, mass, new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}});
    }

    private static Structure cubic(double a, int n, double mass, double[][] basis) {
        int atoms = n * n * n * basis.length;
        double[] x = new double[3 * atoms];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double[] b : basis) {
                        x[k++] = (i + b[0]) * a;
                        x[k++] = (j + b[1]) * a;
                        x[k++] = (l + b[2]) * a;
                    }
                }
            }
        }
        return new Structure(Cell.orthogonal(n * a, n * a, n * a), x, ones(atoms), new double[] {mass});
    }

    private static int[] ones(int n) {
        int[] t = new int[n];
        java.util.Arrays.fill(t, 1);
        return t;
    }
}
