package org.scoredos.estimate;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.scoredos.io.BadInputException;

/**
 * A free energy from mean energies at sampled temperatures by Gibbs–Helmholtz,
 * d(F/T)/dT = −E/T² (method.md §6). E is fitted, weighted by its standard errors, by Σ_n c_n Tⁿ
 * over a set of powers, whose integral is exact: F(T) = Σ c_n Tⁿ/(1 − n) (n ≠ 1) and
 * −c_1 T ln T, up to a term C·T that an anchor fixes.
 * <ul>
 *   <li>A crystal: E = ΔU(T) = ⟨U⟩_T/N − U_0/N − (M/2N) k_B T, the potential energy beyond the
 *       harmonic crystal's, powers 2..p (no constant and no linear term: harmonic as T → 0), so
 *       F_anh(T) → 0 and the harmonic free energy anchors it at T = 0.</li>
 *   <li>A liquid: E = ⟨U⟩_T/N + (3/2) k_B T, powers 0, 1 (and 2 from three temperatures): no
 *       T → 0 limit, so only an anchor F_0 at T_0 makes it absolute.</li>
 * </ul>
 * An anchor F_0 at T_0 (from a coexistence or TI calculation) adds (T/T_0)·(F_0 − F(T_0)).
 */
public final class GibbsHelmholtz {
    /** Highest power of T in the ΔU fit (T² and T³ terms): two parameters need two temperatures. */
    public static final int DEFAULT_ORDER = 3;

    private final int[] powers;
    private final double[] c;
    private final double[][] covariance;

    private GibbsHelmholtz(int[] powers, double[] c, double[][] covariance) {
        this.powers = powers;
        this.c = c;
        this.covariance = covariance;
    }

    /**
     * The fit of ΔU (eV/atom) at {@code temperatures} (K) with standard errors {@code errors},
     * powers 2..order (fewer when fewer temperatures are given, at least one).
     */
    public static GibbsHelmholtz fit(double[] temperatures, double[] deltaU, double[] errors, int order) {
        if (order < 2) throw new IllegalArgumentException("order must be at least 2");
        int[] powers = new int[order - 1];
        for (int p = 0; p < powers.length; p++) powers[p] = p + 2;
        return fit(temperatures, deltaU, errors, powers);
    }

    /** The liquid's fit of E = ⟨U⟩/N + (3/2) k_B T (eV/atom): powers 0, 1, 2 (fewer from fewer temperatures). */
    public static GibbsHelmholtz liquid(double[] temperatures, double[] energy, double[] errors) {
        return fit(temperatures, energy, errors, new int[] {0, 1, 2});
    }

    /** The fit of E (eV/atom) by the given powers of T (the first as many as there are temperatures). */
    public static GibbsHelmholtz fit(double[] temperatures, double[] deltaU, double[] errors, int[] allPowers) {
        int n = temperatures.length;
        if (n < 1) throw new BadInputException("Gibbs–Helmholtz integration needs at least one sampled temperature");
        int terms = Math.min(allPowers.length, n);
        int[] powers = java.util.Arrays.copyOf(allPowers, terms);
        double[][] a = new double[terms][terms];
        double[] b = new double[terms];
        for (int i = 0; i < n; i++) {
            double t = temperatures[i];
            if (!(t > 0) || !Double.isFinite(deltaU[i])) {
                throw new BadInputException(String.format(Locale.ROOT, "temperature %s K: ⟨U⟩ is not finite", t));
            }
            if (!(errors[i] > 0)) throw new IllegalArgumentException("standard errors must be positive, got " + errors[i]);
            double w = 1 / (errors[i] * errors[i]);
            for (int p = 0; p < terms; p++) {
                double tp = Math.pow(t, powers[p]);
                b[p] += w * tp * deltaU[i];
                for (int q = 0; q < terms; q++) a[p][q] += w * tp * Math.pow(t, powers[q]);
            }
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
        double[] c = inverse.operate(b);
        // the weights are the errors' inverse variances: the inverse normal matrix is the covariance
        return new GibbsHelmholtz(powers, c, inverse.getData());
    }

    /** The fitted E(T) (ΔU(T) of a crystal), eV/atom. */
    public double deltaU(double temperature) {
        double s = 0;
        for (int p = 0; p < c.length; p++) s += c[p] * Math.pow(temperature, powers[p]);
        return s;
    }

    /** The standard error of the fitted E(T) from the fit's covariance, eV/atom. */
    public double deltaUError(double temperature) {
        double v = 0;
        for (int p = 0; p < c.length; p++) {
            for (int q = 0; q < c.length; q++) v += Math.pow(temperature, powers[p]) * covariance[p][q] * Math.pow(temperature, powers[q]);
        }
        return Math.sqrt(Math.max(0, v));
    }

    /** dE/dT of the fit, eV/(K·atom): the heat capacity at fixed volume. */
    public double heatCapacity(double temperature) {
        double s = 0;
        for (int p = 0; p < c.length; p++) if (powers[p] > 0) s += c[p] * powers[p] * Math.pow(temperature, powers[p] - 1);
        return s;
    }

    /** F(T) = Σ c_n Tⁿ/(1 − n) (−c_1 T ln T), eV/atom: F_anh of a crystal (zero and harmonic as T → 0). */
    public double anharmonic(double temperature) {
        double s = 0;
        for (int p = 0; p < c.length; p++) s += c[p] * weight(temperature, p);
        return s;
    }

    /** The standard error of F_anh(T) propagated from the fit's covariance, eV/atom. */
    public double anharmonicError(double temperature) {
        double v = 0;
        for (int p = 0; p < c.length; p++) {
            for (int q = 0; q < c.length; q++) v += weight(temperature, p) * covariance[p][q] * weight(temperature, q);
        }
        return Math.sqrt(Math.max(0, v));
    }

    /**
     * The standard error of F(T) − (T/T_0)·F(T_0), eV/atom: what remains uncertain once an
     * anchor fixes F at T_0 (zero at T_0 itself).
     */
    public double anchoredError(double temperature, double anchorTemperature) {
        double r = temperature / anchorTemperature, v = 0;
        for (int p = 0; p < c.length; p++) {
            for (int q = 0; q < c.length; q++) {
                v += (weight(temperature, p) - r * weight(anchorTemperature, p)) * covariance[p][q]
                        * (weight(temperature, q) - r * weight(anchorTemperature, q));
            }
        }
        return Math.sqrt(Math.max(0, v));
    }

    private double weight(double t, int p) {
        int n = powers[p];
        return n == 1 ? -t * Math.log(t) : Math.pow(t, n) / (1 - n);
    }
}
