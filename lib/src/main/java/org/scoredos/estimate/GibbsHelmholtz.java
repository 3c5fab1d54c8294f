package org.scoredos.estimate;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.scoredos.io.BadInputException;

/**
 * The anharmonic free energy of a crystal from its mean potential energy at sampled
 * temperatures (method.md §6): with ΔU(T) = ⟨U⟩_T/N − U_0/N − (M/2N) k_B T, the potential
 * energy beyond the harmonic crystal's, Gibbs–Helmholtz d(βF_anh)/dβ = ΔU gives F_anh from
 * ΔU alone. ΔU is fitted, weighted by its standard errors, by Σ_{n=2}^{p} c_n Tⁿ (no constant
 * and no linear term: a crystal is harmonic as T → 0), whose integral is exact:
 * F_anh(T) = Σ c_n Tⁿ/(1 − n), anchored at T = 0 by the harmonic free energy. An anchor F_0 at
 * T_0 (from a coexistence or TI calculation) adds (T/T_0)·(F_0 − F(T_0)) instead.
 */
public final class GibbsHelmholtz {
    /** Highest power of T in the ΔU fit (T² and T³ terms): two parameters need two temperatures. */
    public static final int DEFAULT_ORDER = 3;

    private final double[] c;
    private final double[][] covariance;

    private GibbsHelmholtz(double[] c, double[][] covariance) {
        this.c = c;
        this.covariance = covariance;
    }

    /**
     * The fit of ΔU (eV/atom) at {@code temperatures} (K) with standard errors {@code errors},
     * powers 2..order (fewer when fewer temperatures are given, at least one).
     */
    public static GibbsHelmholtz fit(double[] temperatures, double[] deltaU, double[] errors, int order) {
        int n = temperatures.length;
        if (n < 1) throw new BadInputException("Gibbs–Helmholtz integration needs at least one sampled temperature");
        int terms = Math.min(order - 1, n);
        if (terms < 1) throw new IllegalArgumentException("order must be at least 2");
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
                double tp = Math.pow(t, p + 2);
                b[p] += w * tp * deltaU[i];
                for (int q = 0; q < terms; q++) a[p][q] += w * tp * Math.pow(t, q + 2);
            }
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
        double[] c = inverse.operate(b);
        // the weights are the errors' inverse variances: the inverse normal matrix is the covariance
        return new GibbsHelmholtz(c, inverse.getData());
    }

    /** The fitted ΔU(T), eV/atom. */
    public double deltaU(double temperature) {
        double s = 0;
        for (int p = 0; p < c.length; p++) s += c[p] * Math.pow(temperature, p + 2);
        return s;
    }

    /** F_anh(T) = Σ c_n Tⁿ/(1 − n), eV/atom (zero and harmonic as T → 0). */
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

    private static double weight(double t, int p) {
        int n = p + 2;
        return Math.pow(t, n) / (1 - n);
    }
}
