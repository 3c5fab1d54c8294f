package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The finite-size transform of one component against integrals done by hand: a flat density (the
 * integral in closed form, far from its large-N limit), a Gaussian (where the two agree exactly),
 * a tilt that piles the density onto an end of the range, and the tilted mean as the derivative.
 */
class FiniteSizeTransformTest {
    private static final int ATOMS = 108;

    /** G, ⟨u⟩ and −1/(N Var u) of one table at one slope. */
    private static double[] transform(double[] entropy, double lo, double hi, double slope) {
        FiniteSizeTransform f = new FiniteSizeTransform(new double[][] {entropy}, new double[] {lo}, new double[] {hi}, ATOMS);
        double[] mean = new double[1], value = new double[1], curvature = new double[1];
        f.transformAll(new double[] {slope}, mean, value, curvature);
        return new double[] {value[0], mean[0], curvature[0]};
    }

    @Test
    void flatDensityInClosedForm() {
        double lo = -1.7, hi = 1.9;
        for (double slope : new double[] {-0.2, -0.01, 0.003, 0.05, 0.4}) {
            double[] r = transform(new double[] {0}, lo, hi, slope);
            double ns = ATOMS * slope, width = hi - lo;
            // Z(s)/Z(0) = (e^{−Ns·lo} − e^{−Ns·hi}) / (Ns·width)
            double exact = -(-ns * lo + Math.log(-Math.expm1(-ns * width) / (ns * width))) / ATOMS;
            assertEquals(exact, r[0], 1e-12, "G at s' = " + slope);
            double mean = lo + 1 / ns - width / Math.expm1(ns * width);
            assertEquals(mean, r[1], 1e-10, "⟨u⟩ at s' = " + slope);
        }
        // its large-N limit, min over the range of s'u, is far off at N = 108: s'·lo for s' > 0
        double slope = 0.05;
        assertTrue(transform(new double[] {0}, lo, hi, slope)[0] - slope * lo > 0.02);
    }

    @Test
    void gaussianEqualsItsLegendreTransform() {
        // S(u) = −c u², the range ±12 standard deviations of exp(N S): the integral is Gaussian
        double c = 0.004, sigma = Math.sqrt(1 / (2 * ATOMS * c)), edge = 12 * sigma;
        for (double slope : new double[] {-0.002, 0.0005, 0.001, 0.003}) {
            double[] r = transform(new double[] {0, 0, -c}, -edge - 3 * slope / c, edge + 3 * slope / c, slope);
            assertEquals(-slope * slope / (4 * c), r[0], 1e-12, "G = min_u [s'u + c u²]");
            assertEquals(-slope / (2 * c), r[1], 1e-9, "⟨u⟩ = u*");
            assertEquals(-2 * c, r[2], 1e-9 * c, "−1/(N Var u) = S''");
        }
    }

    @Test
    void densityPiledOnAnEndOfTheRange() {
        // a tilt N s'·width = 4·10^4: exp(−N s'u) decays over 1e-4 of the range, which one rule over it misses
        double lo = 0, hi = 4, slope = 100.0 / ATOMS * 100;
        double[] r = transform(new double[] {0}, lo, hi, slope);
        double ns = ATOMS * slope;
        double exact = -(-ns * lo + Math.log(-Math.expm1(-ns * (hi - lo)) / (ns * (hi - lo)))) / ATOMS;
        assertEquals(exact, r[0], 1e-10 * Math.abs(exact));
        assertEquals(1 / ns, r[1], 1e-9 / ns);
    }

    @Test
    void tiltedMeanIsTheDerivative() {
        // a skewed quartic entropy, as score fits give: dG/ds' = ⟨u⟩ and d⟨u⟩/ds' = −N Var u
        double[] entropy = {0.01, 0.002, -0.006, 0.0009, -0.0004};
        for (double slope : new double[] {-0.01, 0, 0.004, 0.02}) {
            double h = 1e-6;
            double[] r = transform(entropy, -1.8, 1.6, slope);
            double[] up = transform(entropy, -1.8, 1.6, slope + h), down = transform(entropy, -1.8, 1.6, slope - h);
            assertEquals((up[0] - down[0]) / (2 * h), r[1], 1e-7, "dG/ds' at " + slope);
            assertEquals((up[1] - down[1]) / (2 * h) * r[2], 1, 1e-5, "d⟨u⟩/ds' · (−1/(N Var u))⁻¹ at " + slope);
        }
    }
}
