package org.scoredos.thermo;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The mean of a correlated time series (MD frames in time order) and its standard error by
 * blocking (Flyvbjerg and Petersen 1989): neighbouring values are averaged pairwise level after
 * level, and the variance of the mean is s_k²/n_k at the first level k whose blocks are
 * uncorrelated. That level is chosen automatically as in Jonsson (Phys. Rev. E 98, 043304, 2018):
 * the first k at which M_k = Σ_{j ≥ k} n_j (γ_j / s_j²)², the lag-one autocorrelations of the
 * levels left, passes a χ² test (d − k degrees of freedom, 99 %). The levels use the last 2^d
 * values (d = ⌊log₂ n⌋), the mean all n (its error scaled from 2^d to n values).
 *
 * @param mean               of all values
 * @param error              standard error of the mean
 * @param inefficiency       statistical inefficiency g = n·error²/s² (1 for independent values):
 *                           n/g values are worth as much as n independent ones
 * @param converged          false when no level passed the test (the series is too short for its
 *                           correlation time; the error is then the coarsest level's, a lower bound)
 */
public record Blocking(double mean, double error, double inefficiency, boolean converged) {
    /** Below this many values the series is not blocked (the error is the independent-value one). */
    private static final int MIN_VALUES = 16;

    /** The blocking analysis of {@code series} (at least two values). */
    public static Blocking of(double[] series) {
        int n = series.length;
        if (n < 2) throw new IllegalArgumentException("blocking needs at least 2 values, got " + n);
        double mean = 0;
        for (double v : series) mean += v;
        mean /= n;
        double variance = 0;
        for (double v : series) variance += (v - mean) * (v - mean);
        variance /= n;
        if (!(variance > 0)) return new Blocking(mean, 0, 1, true);
        if (n < MIN_VALUES) return new Blocking(mean, Math.sqrt(variance / (n - 1)), 1, false);
        int d = 31 - Integer.numberOfLeadingZeros(n);
        double[] x = java.util.Arrays.copyOfRange(series, n - (1 << d), n);
        double mu = 0;
        for (double v : x) mu += v;
        mu /= x.length;
        double[] s2 = new double[d], gamma = new double[d];
        int[] size = new int[d];
        for (int k = 0; k < d; k++) {
            int m = x.length >> k;
            size[k] = m;
            double s = 0, g = 0;
            for (int i = 0; i < m; i++) s += (x[i] - mu) * (x[i] - mu);
            for (int i = 0; i + 1 < m; i++) g += (x[i] - mu) * (x[i + 1] - mu);
            s2[k] = s / m;
            gamma[k] = g / m;
            for (int i = 0; i < m / 2; i++) x[i] = 0.5 * (x[2 * i] + x[2 * i + 1]);
        }
        double[] tail = new double[d + 1];
        for (int k = d - 1; k >= 0; k--) {
            double r = s2[k] > 0 ? gamma[k] / s2[k] : 0;
            tail[k] = tail[k + 1] + size[k] * r * r;
        }
        int level = d - 1;
        boolean converged = false;
        for (int k = 0; k < d - 1; k++) {
            if (tail[k] < new ChiSquaredDistribution(d - k).inverseCumulativeProbability(0.99)) {
                level = k;
                converged = true;
                break;
            }
        }
        // the variance of the mean of the 2^d values, scaled to the mean of all n
        double error = Math.sqrt(s2[level] / size[level] * (1 << d) / n);
        return new Blocking(mean, error, Math.max(1, n * error * error / variance), converged);
    }
}
