package org.scoredos.estimate;

import org.scoredos.io.BadInputException;

/**
 * Relative stability of two phases A and B under the same θ (method.md §4):
 * ΔF(T) = [θ·D_0^A + F^A(T)] − [θ·D_0^B + F^B(T)], and the transition temperature T_c where ΔF
 * changes sign, by linear interpolation between grid temperatures.
 *
 * <p>The reference takes the first grid point with ΔF < 0 when ΔF has both signs, and returns the
 * top of the grid otherwise (also when ΔF < 0 everywhere); when ΔF starts negative and turns
 * positive its index arithmetic wraps around. Here T_c is the first sign change from ΔF(T_0),
 * whichever the direction, and "no transition in range" is reported as such: for ΔF starting
 * positive, as in every case the reference handles correctly, the two agree.
 */
public final class PhaseTransition {
    private final FreeEnergyEstimator a, b;

    /** ΔF = G^A − G^B; both estimators must take the same θ. */
    public PhaseTransition(FreeEnergyEstimator a, FreeEnergyEstimator b) {
        if (a.components() != b.components()) {
            throw new BadInputException("phases " + a.phase() + " and " + b.phase() + " have different descriptor sizes ("
                    + a.components() + " and " + b.components() + "): they must come from the same descriptor");
        }
        this.a = a;
        this.b = b;
    }

    public FreeEnergyEstimator first() {
        return a;
    }

    public FreeEnergyEstimator second() {
        return b;
    }

    /**
     * ΔF(T) on a temperature grid and its T_c.
     *
     * @param tc the transition temperature, or NaN when ΔF keeps one sign over the grid
     */
    public record Table(double[] temperatures, double[] deltaF, double tc) {
        public boolean hasTransition() {
            return !Double.isNaN(tc);
        }
    }

    public Table table(double[] theta, double[] temperatures) {
        FreeEnergyEstimator.Workspace wa = a.workspace(), wb = b.workspace();
        double[] delta = new double[temperatures.length];
        double e0 = a.latticeEnergy(theta) - b.latticeEnergy(theta);
        a.rotate(theta, wa);
        b.rotate(theta, wb);
        for (int i = 0; i < temperatures.length; i++) {
            a.evaluateRotated(temperatures[i], false, false, wa);
            b.evaluateRotated(temperatures[i], false, false, wb);
            delta[i] = wa.freeEnergy() - wb.freeEnergy() + e0;
        }
        return new Table(temperatures.clone(), delta, criticalTemperature(temperatures, delta));
    }

    /** The first zero crossing of ΔF from its sign at the first temperature, or NaN if none. */
    public static double criticalTemperature(double[] t, double[] delta) {
        if (t.length == 0) return Double.NaN;
        double s0 = Math.signum(delta[0]);
        if (s0 == 0) return t[0];
        for (int n = 1; n < t.length; n++) {
            if (delta[n] * s0 < 0) {
                return t[n - 1] + (t[n - 1] - t[n]) * delta[n - 1] / (delta[n] - delta[n - 1]);
            }
        }
        return Double.NaN;
    }
}
