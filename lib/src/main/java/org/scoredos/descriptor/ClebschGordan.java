package org.scoredos.descriptor;

/**
 * Clebsch–Gordan coefficients ⟨j1 m1; j2 m2 | j m⟩ (Condon–Shortley phases) by Racah's
 * formula. Every angular momentum and projection is passed doubled (2j, 2m) so half-integers
 * stay integers, as in the SNAP index conventions.
 */
public final class ClebschGordan {
    private static final int MAX_FACTORIAL = 3 * SnapParameters.MAX_TWOJMAX / 2 + 2;
    private static final double[] FACTORIAL = new double[MAX_FACTORIAL + 1];

    static {
        FACTORIAL[0] = 1;
        for (int n = 1; n <= MAX_FACTORIAL; n++) FACTORIAL[n] = FACTORIAL[n - 1] * n;
    }

    private ClebschGordan() {}

    /**
     * ⟨j1/2 m1/2; j2/2 m2/2 | j/2 m/2⟩ for doubled arguments; zero unless m = m1 + m2, the
     * triangle rule and the parities hold.
     */
    public static double coefficient(int j1, int m1, int j2, int m2, int j, int m) {
        if (m != m1 + m2 || Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(m) > j) return 0;
        if (j < Math.abs(j1 - j2) || j > j1 + j2) return 0;
        if (((j1 + m1) & 1) != 0 || ((j2 + m2) & 1) != 0 || ((j + m) & 1) != 0 || ((j1 + j2 + j) & 1) != 0) return 0;
        int sumMax = Math.min((j1 + j2 - j) / 2, Math.min((j1 - m1) / 2, (j2 + m2) / 2));
        int sumMin = Math.max(0, Math.max(-(j - j2 + m1) / 2, -(j - j1 - m2) / 2));
        double sum = 0;
        for (int z = sumMin; z <= sumMax; z++) {
            double term = 1.0 / (f(z) * f((j1 + j2 - j) / 2 - z) * f((j1 - m1) / 2 - z) * f((j2 + m2) / 2 - z)
                    * f((j - j2 + m1) / 2 + z) * f((j - j1 - m2) / 2 + z));
            sum += (z & 1) == 0 ? term : -term;
        }
        double triangle = Math.sqrt(f((j1 + j2 - j) / 2) * f((j1 - j2 + j) / 2) * f((-j1 + j2 + j) / 2)
                / f((j1 + j2 + j) / 2 + 1));
        double projections = Math.sqrt(f((j1 + m1) / 2) * f((j1 - m1) / 2) * f((j2 + m2) / 2) * f((j2 - m2) / 2)
                * f((j + m) / 2) * f((j - m) / 2) * (j + 1));
        return sum * triangle * projections;
    }

    private static double f(int n) {
        return FACTORIAL[n];
    }
}
