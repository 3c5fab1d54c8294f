package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.scoredos.structure.Structure;

/** The descriptor Jacobian ∂D/∂x against central finite differences of the average descriptor. */
final class JacobianCheck {
    private static final double H = 1e-5;

    private JacobianCheck() {}

    /**
     * Asserts {@code jac} (component × coordinate) equals (D(x + h) − D(x − h))/2h, h = 1e-5 Å, to
     * 1e-7 relative, at {@code coordinates} coordinates of {@code s} drawn from {@code rng}.
     */
    static void matchesFiniteDifferences(SnapBispectrum b, Structure s, double[][] jac, Random rng, int coordinates) {
        double[] x = s.positions();
        for (int c = 0; c < coordinates; c++) {
            int m = rng.nextInt(x.length);
            double[] plus = x.clone(), minus = x.clone();
            plus[m] += H;
            minus[m] -= H;
            double[] dp = b.average(s.withPositions(plus)), dm = b.average(s.withPositions(minus));
            for (int k = 0; k < jac.length; k++) {
                double fd = (dp[k] - dm[k]) / (2 * H);
                assertEquals(fd, jac[k][m], 1e-7 * Math.max(1, Math.abs(fd)), "component " + k + ", coordinate " + m);
            }
        }
    }
}
