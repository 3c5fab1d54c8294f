package org.scoredos.score;

import java.util.Locale;
import org.scoredos.io.BadInputException;

/**
 * The polynomial basis φ_1…φ_M of the score models (method.md §3), built as the reference
 * builds it, because its ridge makes the fitted numbers depend on the basis, not only on the
 * space it spans:
 * <ul>
 *   <li>monomial, order P: M = P, φ_i(u) = uⁱ, i = 1…P;</li>
 *   <li>chebyshev, order P: M = P − 1, φ_i = T_i + Σ_{n=0}^{P−1} T_n, i = 1…P − 1;</li>
 *   <li>hermite, order P: the same with the physicists' Hermite polynomials H_n.</li>
 * </ul>
 * Each φ_i is held as power-series coefficients, so values and derivatives are Horner sums
 * and a fitted S = Σ c_i φ_i is itself one power series (for continuous minimisation).
 */
public final class PolynomialBasis {
    /** The basis families. */
    public enum Kind {
        CHEBYSHEV,
        HERMITE,
        MONOMIAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The family named "chebyshev", "hermite" or "monomial" (any case). */
        public static Kind named(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("basis: unknown polynomial basis '" + name + "' (chebyshev, hermite or monomial)");
            }
        }
    }

    public static final int MAX_ORDER = 12;

    private final Kind kind;
    private final int order;
    /** power[i][m]: coefficient of u^m in φ_{i+1}. */
    private final double[][] power;

    private PolynomialBasis(Kind kind, int order) {
        this.kind = kind;
        this.order = order;
        this.power = kind == Kind.MONOMIAL ? monomials(order) : shiftedFamily(kind, order);
    }

    /** The basis named "chebyshev", "hermite" or "monomial" (any case) of order P. */
    public static PolynomialBasis of(String name, int order) {
        return of(Kind.named(name), order);
    }

    public static PolynomialBasis of(Kind kind, int order) {
        int min = kind == Kind.MONOMIAL ? 2 : 3;
        if (order < min || order > MAX_ORDER) {
            throw new BadInputException("order: the " + kind.label() + " basis needs an order between "
                    + min + " and " + MAX_ORDER + ", got " + order);
        }
        return new PolynomialBasis(kind, order);
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return kind.label();
    }

    public int order() {
        return order;
    }

    /** M, the number of basis functions. */
    public int size() {
        return power.length;
    }

    /** Highest power of u in any φ_i. */
    public int degree() {
        return power[0].length - 1;
    }

    /** φ_i(u), φ'_i(u), φ''_i(u) for i = 1…M into the three arrays (any may be null). */
    public void evaluate(double u, double[] value, double[] first, double[] second) {
        int deg = degree();
        for (int i = 0; i < power.length; i++) {
            double[] p = power[i];
            double v = p[deg], d1 = 0, d2 = 0;
            for (int m = deg - 1; m >= 0; m--) {
                d2 = d2 * u + 2 * d1;
                d1 = d1 * u + v;
                v = v * u + p[m];
            }
            if (value != null) value[i] = v;
            if (first != null) first[i] = d1;
            if (second != null) second[i] = d2;
        }
    }

    /** Power-series coefficients (u⁰…u^degree) of Σ_i c_i φ_i. */
    public double[] powerSeries(double[] c) {
        double[] out = new double[degree() + 1];
        for (int i = 0; i < power.length; i++) {
            for (int m = 0; m < out.length; m++) out[m] += c[i] * power[i][m];
        }
        return out;
    }

    /** Power-series coefficients of the quadratic form φ(u)ᵀ C φ(u) (degree 2·degree). */
    public double[] quadraticForm(double[][] c) {
        int deg = degree();
        double[] out = new double[2 * deg + 1];
        for (int i = 0; i < power.length; i++) {
            for (int j = 0; j < power.length; j++) {
                double cij = c[i][j];
                if (cij == 0) continue;
                for (int m = 0; m <= deg; m++) {
                    if (power[i][m] == 0) continue;
                    for (int n = 0; n <= deg; n++) out[m + n] += cij * power[i][m] * power[j][n];
                }
            }
        }
        return out;
    }

    private static double[][] monomials(int order) {
        double[][] p = new double[order][order + 1];
        for (int i = 0; i < order; i++) p[i][i + 1] = 1;
        return p;
    }

    /** φ_i = P_i + Σ_{n<P} P_n, i = 1…P−1, for the Chebyshev or Hermite family P_n. */
    private static double[][] shiftedFamily(Kind kind, int order) {
        double[][] family = new double[order][order];
        family[0][0] = 1;
        if (order > 1) family[1][1] = kind == Kind.CHEBYSHEV ? 1 : 2;
        for (int n = 1; n + 1 < order; n++) {
            // T_{n+1} = 2u T_n − T_{n−1};  H_{n+1} = 2u H_n − 2n H_{n−1}
            double back = kind == Kind.CHEBYSHEV ? 1 : 2.0 * n;
            for (int m = 0; m < order; m++) {
                double up = m > 0 ? 2 * family[n][m - 1] : 0;
                family[n + 1][m] = up - back * family[n - 1][m];
            }
        }
        double[][] p = new double[order - 1][order];
        for (int i = 1; i < order; i++) {
            for (int m = 0; m < order; m++) {
                double sum = family[i][m];
                for (int n = 0; n < order; n++) sum += family[n][m];
                p[i - 1][m] = sum;
            }
        }
        return p;
    }
}
