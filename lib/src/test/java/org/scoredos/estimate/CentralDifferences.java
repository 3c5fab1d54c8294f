package org.scoredos.estimate;

import java.util.function.ToDoubleFunction;

/**
 * The tests' one check of an exact gradient: central differences of a function of θ, component by
 * component, and how far an exact gradient lies from them. Public: jobs' tests use it too (lib's test jar).
 */
public final class CentralDifferences {
    private CentralDifferences() {}

    /**
     * ∂f/∂θ_i by central differences for every {@code stride}-th i (NaN elsewhere), with the step
     * {@code relative}·|θ_i| + {@code absolute}; the divisor is the step as rounded into θ.
     */
    public static double[] of(ToDoubleFunction<double[]> f, double[] theta, double relative, double absolute, int stride) {
        double[] fd = new double[theta.length];
        java.util.Arrays.fill(fd, Double.NaN);
        for (int i = 0; i < theta.length; i += stride) {
            double h = relative * Math.abs(theta[i]) + absolute;
            double[] p = theta.clone(), m = theta.clone();
            p[i] += h;
            m[i] -= h;
            fd[i] = (f.applyAsDouble(p) - f.applyAsDouble(m)) / (p[i] - m[i]);
        }
        return fd;
    }

    /** The largest |fd − exact| and the largest |exact| over the components fd holds (not NaN). */
    public record Mismatch(double worst, double scale) {
        public static Mismatch of(double[] fd, double[] exact) {
            double worst = 0, scale = 0;
            for (int i = 0; i < fd.length; i++) {
                if (Double.isNaN(fd[i])) continue;
                scale = Math.max(scale, Math.abs(exact[i]));
                worst = Math.max(worst, Math.abs(fd[i] - exact[i]));
            }
            return new Mismatch(worst, scale);
        }
    }
}
