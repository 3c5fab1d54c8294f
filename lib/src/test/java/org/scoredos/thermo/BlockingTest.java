package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockingTest {
    /** x_t = φ x_{t−1} + √(1 − φ²) ε_t: unit variance, integrated correlation (1 + φ)/(1 − φ). */
    private static double[] ar1(double phi, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double v = gaussian(r);
        for (int t = 0; t < n; t++) {
            v = phi * v + Math.sqrt(1 - phi * phi) * gaussian(r);
            x[t] = v;
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void errorOfAnAr1MeanIsTheExactOne() {
        double phi = 0.9;
        int n = 1 << 17;
        Blocking b = Blocking.of(ar1(phi, n, 3));
        double exact = Math.sqrt((1 + phi) / (1 - phi) / n); // asymptotic standard error of the mean
        assertTrue(b.converged());
        assertEquals(exact, b.error(), 0.1 * exact, "blocked error vs the AR(1) one");
        assertEquals((1 + phi) / (1 - phi), b.inefficiency(), 0.2 * 19);
        // treating the frames as independent would understate it about fourfold
        assertTrue(b.error() > 3.5 * Math.sqrt(1.0 / n));
    }

    @Test
    void errorBarsCoverTheTrueMeanAsOften() {
        // over many short correlated series (3000 values, not a power of 2) the ±1σ bar holds 0 about 68 % of the time
        int inside = 0, runs = 400;
        for (int s = 0; s < runs; s++) {
            Blocking b = Blocking.of(ar1(0.8, 3000, 100 + s));
            if (Math.abs(b.mean()) < b.error()) inside++;
        }
        assertEquals(0.68, inside / (double) runs, 0.08);
    }

    @Test
    void independentValuesKeepTheirNaiveError() {
        int n = 1 << 14;
        Blocking b = Blocking.of(ar1(0, n, 5));
        assertEquals(Math.sqrt(1.0 / n), b.error(), 0.1 * Math.sqrt(1.0 / n));
        assertEquals(1, b.inefficiency(), 0.15);
    }
}
