package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Coverage: every ΔF carries both phases' estimates (α*, solved flag, error bar). The two
 * phases are sampled independently, so δΔF = sqrt(δF_A² + δF_B²). T_c is extrapolated when either
 * phase is unsolved (α* on the edge of its sampled range) at either bracketing grid temperature,
 * and its error bar is δT_c = δΔF(T_c)/|dΔF/dT|, δΔF interpolated like ΔF and the slope that of
 * the bracketing points (first-order propagation through the interpolation).
 */
public final class PhaseTransition {
    private final PhaseFreeEnergy a, b;

    /** ΔF = G^A − G^B; both estimators must take the same θ. */
    public PhaseTransition(PhaseFreeEnergy a, PhaseFreeEnergy b) {
        if (a.components() != b.components()) {
            throw new BadInputException("phases " + a.phase() + " and " + b.phase() + " have different descriptor sizes ("
                    + a.components() + " and " + b.components() + "): they must come from the same descriptor");
        }
        this.a = a;
        this.b = b;
    }

    public PhaseFreeEnergy first() {
        return a;
    }

    public PhaseFreeEnergy second() {
        return b;
    }

    /**
     * ΔF at one temperature with both phases' estimates (F relative to each lattice energy θ·D_0).
     *
     * @param deltaF ΔF, eV/atom, lattice energies included
     * @param error  δΔF = sqrt(δF_A² + δF_B²), eV/atom
     */
    public record Difference(FreeEnergy first, FreeEnergy second, double deltaF, double error) {
        public double temperature() {
            return first.temperature();
        }

        /** Both phases' α* inside their sampled ranges. */
        public boolean solved() {
            return first.solved() && second.solved();
        }
    }

    /**
     * A sign change of ΔF.
     *
     * @param temperature  T_c, K
     * @param error        δT_c, K (NaN when the grid has no second point to give a slope)
     * @param extrapolated either phase unsolved at either bracketing temperature
     * @param below        the bracketing grid temperature before the sign change, K
     * @param above        the one after it, K
     */
    public record Crossing(double temperature, double error, boolean extrapolated, double below, double above) {}

    /**
     * ΔF(T) on a temperature grid and its T_c.
     *
     * @param tc the first sign change, or null when ΔF keeps one sign over the grid
     */
    public record Table(Difference[] rows, Crossing tc) {
        public boolean hasTransition() {
            return tc != null;
        }

        public double[] temperatures() {
            double[] t = new double[rows.length];
            for (int i = 0; i < t.length; i++) t[i] = rows[i].temperature();
            return t;
        }

        public double[] deltaF() {
            double[] d = new double[rows.length];
            for (int i = 0; i < d.length; i++) d[i] = rows[i].deltaF();
            return d;
        }

        public double[] error() {
            double[] e = new double[rows.length];
            for (int i = 0; i < e.length; i++) e[i] = rows[i].error();
            return e;
        }

        public boolean[] solved() {
            boolean[] s = new boolean[rows.length];
            for (int i = 0; i < s.length; i++) s[i] = rows[i].solved();
            return s;
        }

        /**
         * Whether a T_c at {@code temperature} would be solved: it is a grid point, or lies between
         * two neighbouring grid points, where both phases are solved.
         */
        public boolean solvedAt(double temperature) {
            for (int n = 0; n < rows.length; n++) {
                if (rows[n].temperature() == temperature && rows[n].solved()) return true;
                if (n > 0 && rows[n - 1].solved() && rows[n].solved()
                        && Math.min(rows[n - 1].temperature(), rows[n].temperature()) <= temperature
                        && temperature <= Math.max(rows[n - 1].temperature(), rows[n].temperature())) {
                    return true;
                }
            }
            return false;
        }

        /** The runs of consecutive grid temperatures where both phases are solved, as {first, last} in K. */
        public List<double[]> solvedSpans() {
            List<double[]> spans = new ArrayList<>();
            for (int n = 0; n < rows.length; n++) {
                if (!rows[n].solved()) continue;
                int m = n;
                while (m + 1 < rows.length && rows[m + 1].solved()) m++;
                spans.add(new double[] {rows[n].temperature(), rows[m].temperature()});
                n = m;
            }
            return spans;
        }
    }

    /** ΔF with both phases' estimates and error bars at each temperature, and T_c. */
    public Table table(double[] theta, double[] temperatures) {
        FreeEnergy[] fa = a.estimate(theta, temperatures, false), fb = b.estimate(theta, temperatures, false);
        double e0 = a.latticeEnergy(theta) - b.latticeEnergy(theta);
        Difference[] rows = new Difference[temperatures.length];
        for (int i = 0; i < rows.length; i++) rows[i] = difference(fa[i], fb[i], e0);
        Table partial = new Table(rows, null);
        return new Table(rows, crossing(temperatures, partial.deltaF(), partial.error(), partial.solved()));
    }

    /** ΔF at one temperature, with both phases' gradients ∂(θ·D_0 + F)/∂θ when asked for. */
    public Difference at(double[] theta, double temperature, boolean gradient) {
        double[] t = {temperature};
        return difference(a.estimate(theta, t, gradient)[0], b.estimate(theta, t, gradient)[0],
                a.latticeEnergy(theta) - b.latticeEnergy(theta));
    }

    private static Difference difference(FreeEnergy fa, FreeEnergy fb, double latticeDifference) {
        return new Difference(fa, fb, fa.freeEnergy() - fb.freeEnergy() + latticeDifference, Math.hypot(fa.error(), fb.error()));
    }

    /**
     * The first sign change of ΔF with its error bar and flag, or null if none.
     *
     * @param error  δΔF at each temperature
     * @param solved whether both phases are solved at each temperature
     */
    public static Crossing crossing(double[] t, double[] delta, double[] error, boolean[] solved) {
        int n = signChange(delta);
        if (n < 0) return null;
        double tc = criticalTemperature(t, delta);
        if (n == 0) {
            // ΔF(T_0) = 0 exactly: the slope is the first interval's, if there is one
            if (t.length == 1) return new Crossing(tc, Double.NaN, !solved[0], t[0], t[0]);
            n = 1;
        }
        double width = t[n] - t[n - 1];
        double slope = (delta[n] - delta[n - 1]) / width;
        double errorAtTc = error[n - 1] + (error[n] - error[n - 1]) * (tc - t[n - 1]) / width;
        return new Crossing(tc, errorAtTc / Math.abs(slope), !(solved[n - 1] && solved[n]), t[n - 1], t[n]);
    }

    /** The first zero crossing of ΔF from its sign at the first temperature, or NaN if none. */
    public static double criticalTemperature(double[] t, double[] delta) {
        int n = signChange(delta);
        if (n < 0) return Double.NaN;
        if (n == 0) return t[0];
        return t[n - 1] + (t[n - 1] - t[n]) * delta[n - 1] / (delta[n] - delta[n - 1]);
    }

    /** The index n of the first grid point whose ΔF has the opposite sign of ΔF(T_0); 0 when ΔF(T_0) = 0; −1 if none. */
    private static int signChange(double[] delta) {
        if (delta.length == 0) return -1;
        double s0 = Math.signum(delta[0]);
        if (s0 == 0) return 0;
        for (int n = 1; n < delta.length; n++) {
            if (delta[n] * s0 < 0) return n;
        }
        return -1;
    }
}
