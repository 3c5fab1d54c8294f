package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

class MappedEnergyTest {
    /** A translation-invariant harmonic crystal (springs between neighbours in a list): A ≡ 0 for every configuration. */
    @Test
    void vanishesIdenticallyForAHarmonicCrystal() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 16;
        double[][] h = new double[3 * n][3 * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = a; b < 3; b++) {
                        double k = random.nextDouble(-1, 1);
                        // −k between atoms i and j, +k on both diagonals: Σ_j H_ij = 0 (translation invariant)
                        add(h, 3 * i + a, 3 * j + b, -k);
                        add(h, 3 * i + a, 3 * i + b, k);
                        add(h, 3 * j + a, 3 * j + b, k);
                    }
                }
            }
        }
        double u0 = -12.5;
        for (int trial = 0; trial < 5; trial++) {
            double[] u = new double[3 * n];
            for (int k = 0; k < u.length; k++) u[k] = random.nextGaussian() * 0.1 + (trial * 0.7) * (k % 3 == 0 ? 1 : 0);
            double[] f = new double[3 * n];
            double e = u0;
            for (int k = 0; k < u.length; k++) {
                for (int l = 0; l < u.length; l++) {
                    f[k] -= h[k][l] * u[l];
                    e += 0.5 * u[k] * h[k][l] * u[l];
                }
            }
            assertEquals(0, MappedEnergy.of(e, u0, u, f), 1e-12, "A = U − U_0 + ½u·F of a harmonic crystal, any drift");
        }
    }

    private static void add(double[][] h, int r, int c, double v) {
        h[r][c] += v;
        if (r != c) h[c][r] += v;
    }

    /**
     * Independent quartic oscillators U = Σ (½ k x² + b x⁴), sampled exactly: ⟨A⟩ = ⟨U⟩ − (M/2) k_B T with
     * ⟨U⟩ from quadrature, and A's spread a fraction of U's.
     */
    @Test
    void averagesToTheMeanEnergyBeyondEquipartitionWithAFractionOfItsSpread() {
        double k = 20, b = 20, t = 2000, kt = Units.KB * t; // eV/Å², eV/Å⁴
        int coordinates = 30, frames = 4000;
        SplittableRandom random = new SplittableRandom(11);
        double sigma = Math.sqrt(kt / k);
        double[] a = new double[frames], plain = new double[frames];
        for (int f = 0; f < frames; f++) {
            double[] x = new double[coordinates], force = new double[coordinates];
            double e = 0;
            for (int c = 0; c < coordinates; c++) {
                double y;
                do { // rejection from the harmonic Gaussian: acceptance exp(−b x⁴/kT) ≤ 1
                    y = random.nextGaussian() * sigma;
                } while (random.nextDouble() >= Math.exp(-b * y * y * y * y / kt));
                x[c] = y;
                e += 0.5 * k * y * y + b * y * y * y * y;
                force[c] = -(k * y + 4 * b * y * y * y);
            }
            a[f] = MappedEnergy.of(e, 0, x, force);
            plain[f] = e - coordinates * kt / 2;
        }
        // ⟨U⟩ per coordinate by quadrature of exp(−U/kT)
        double z = 0, zu = 0, dx = sigma / 2000;
        for (double x = -10 * sigma; x <= 10 * sigma; x += dx) {
            double u = 0.5 * k * x * x + b * x * x * x * x, w = Math.exp(-u / kt);
            z += w;
            zu += u * w;
        }
        double exact = coordinates * (zu / z - kt / 2);
        double mean = mean(a), error = Math.sqrt(variance(a) / frames);
        assertTrue(exact < -0.005 * coordinates * kt, "the quartic term lowers ⟨U⟩ − M k_B T/2 visibly: " + exact);
        assertEquals(exact, mean, 4 * error, "⟨A⟩ = ⟨U⟩ − (M/2) k_B T");
        assertEquals(exact, mean(plain), 4 * Math.sqrt(variance(plain) / frames));
        assertTrue(variance(a) < 0.05 * variance(plain), "A's variance " + variance(a) + " against U's " + variance(plain));
    }

    /** A frame whose crystal drifted by more than half a cell: u is the frame's own, up to one shift for every atom. */
    @Test
    void displacementFollowsADriftedCrystal() {
        Structure lattice = Lattices.bcc(3.18, 3, 3, 3);
        SplittableRandom random = new SplittableRandom(5);
        double[] u = new double[3 * lattice.size()];
        for (int k = 0; k < u.length; k++) u[k] = 0.15 * random.nextGaussian() + (k % 3 == 1 ? 0.6 * 3 * 3.18 : 0.2);
        double[] x = lattice.positions();
        for (int k = 0; k < x.length; k++) x[k] += u[k];
        double[] got = MappedEnergy.displacement(lattice, org.scoredos.sample.Displacements.wrapped(lattice.withPositions(x)));
        for (int k = 3; k < u.length; k++) {
            assertEquals(got[k % 3] - u[k % 3], got[k] - u[k], 1e-9, "one shift for all atoms, component " + k);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - 1);
    }
}
