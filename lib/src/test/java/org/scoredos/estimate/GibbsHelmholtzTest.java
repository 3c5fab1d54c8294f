package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GibbsHelmholtzTest {
    private static final double A = 2e-9, B = 1.5e-12; // ΔU = A T² + B T³, eV/atom
    private static final double[] T = {500, 1000, 2000, 3000};

    private static double deltaU(double t) {
        return A * t * t + B * t * t * t;
    }

    /** −T ∫_0^T ΔU(t)/t² dt by Simpson's rule: the Gibbs–Helmholtz integral without the closed form. */
    private static double integrated(double temperature) {
        int n = 2000;
        double h = temperature / n, s = 0;
        for (int i = 0; i <= n; i++) {
            double t = Math.max(i * h, 1e-9);
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * deltaU(t) / (t * t);
        }
        return -temperature * s * h / 3;
    }

    @Test
    void exactPolynomialEnergiesGiveTheIntegratedFreeEnergy() {
        double[] u = new double[T.length], err = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            u[i] = deltaU(T[i]);
            err[i] = 1e-4;
        }
        GibbsHelmholtz gh = GibbsHelmholtz.fit(T, u, err, 3);
        for (double t : new double[] {300, 1000, 2500, 3000}) {
            assertEquals(-A * t * t - B * t * t * t / 2, gh.anharmonic(t), 1e-12, t + " K");
            assertEquals(integrated(t), gh.anharmonic(t), 1e-9, t + " K");
            assertEquals(deltaU(t), gh.deltaU(t), 1e-12);
        }
    }

    @Test
    void thePropagatedErrorIsTheScatterOfRepeatedFits() {
        SplittableRandom r = new SplittableRandom(5);
        double sigma = 1e-3;
        double[] err = {sigma, sigma, sigma, sigma};
        int trials = 2000;
        double sum = 0, sum2 = 0, predicted = 0;
        for (int k = 0; k < trials; k++) {
            double[] u = new double[T.length];
            for (int i = 0; i < T.length; i++) u[i] = deltaU(T[i]) + sigma * r.nextGaussian();
            GibbsHelmholtz gh = GibbsHelmholtz.fit(T, u, err, 3);
            double d = gh.anharmonic(2500) - (-A * 2500 * 2500 - B * Math.pow(2500, 3) / 2);
            sum += d;
            sum2 += d * d;
            predicted = gh.anharmonicError(2500);
        }
        double mean = sum / trials, sd = Math.sqrt(sum2 / trials - mean * mean);
        assertEquals(0, mean, 4 * sd / Math.sqrt(trials), "unbiased");
        assertTrue(Math.abs(sd / predicted - 1) < 0.08, "scatter " + sd + " against the propagated " + predicted);
    }
}
