package org.scoredos.estimate;

import org.scoredos.io.BadInputException;
import org.scoredos.units.Units;

/**
 * The phase boundary T_c(P) of two phases sampled at several volumes, under one θ: at each
 * pressure, ΔG(T) = G^A − G^B on the temperature grid locates the first sign change
 * ({@link PhaseTransition}), which Newton's method on ΔG(T) = 0 with dΔG/dT = −ΔS refines.
 * Beside the slope of T_c(P) by finite differences along the pressures stands the
 * Clausius–Clapeyron slope dT_c/dP = ΔV/ΔS at T_c; the two agree where both are right.
 */
public final class PhaseBoundary {
    private static final int NEWTON = 50;

    /**
     * T_c at one pressure.
     *
     * @param pressure   P, GPa
     * @param grid       the sign change on the temperature grid (null: none, and every other field NaN)
     * @param tc         T_c, K, refined
     * @param error      δT_c = δΔG/|ΔS| at T_c, K
     * @param solved     the grid crossing is not extrapolated and both phases are solved at T_c
     * @param first      the first phase at T_c
     * @param second     the second phase at T_c
     * @param clapeyron  ΔV/ΔS at T_c, K/GPa
     * @param slope      dT_c/dP by finite differences along the pressures, K/GPa (NaN for one pressure)
     */
    public record Point(double pressure, PhaseTransition.Crossing grid, double tc, double error, boolean solved,
            GibbsFreeEnergy first, GibbsFreeEnergy second, double clapeyron, double slope) {
        public boolean hasTransition() {
            return grid != null;
        }

        /** ΔS = S^A − S^B at T_c, eV/(K·atom). */
        public double deltaS() {
            return first.entropy().value() - second.entropy().value();
        }

        /** ΔV = V*^A − V*^B at T_c, Å³/atom. */
        public double deltaV() {
            return first.volume().value() - second.volume().value();
        }
    }

    private final GibbsEstimator a, b;

    public PhaseBoundary(GibbsEstimator a, GibbsEstimator b) {
        new PhaseTransition(a, b); // the same descriptor, or bad input
        this.a = a;
        this.b = b;
    }

    /** T_c at each pressure (GPa), located on the temperature grid and refined. */
    public Point[] trace(double[] theta, double[] pressures, double[] temperatures) {
        if (pressures.length == 0) throw new BadInputException("pressures: none given");
        Point[] raw = new Point[pressures.length];
        for (int k = 0; k < pressures.length; k++) raw[k] = at(theta, pressures[k], temperatures);
        Point[] out = new Point[raw.length];
        for (int k = 0; k < raw.length; k++) {
            int lo = Math.max(0, k - 1), hi = Math.min(raw.length - 1, k + 1);
            double slope = Double.NaN;
            if (hi > lo && raw[lo].hasTransition() && raw[hi].hasTransition()) {
                slope = (raw[hi].tc() - raw[lo].tc()) / (pressures[hi] - pressures[lo]);
            }
            Point p = raw[k];
            out[k] = new Point(p.pressure(), p.grid(), p.tc(), p.error(), p.solved(), p.first(), p.second(), p.clapeyron(), slope);
        }
        return out;
    }

    /** {ΔG, ΔS} at T. */
    private static double[] difference(GibbsEstimator pa, GibbsEstimator pb, double[] theta, double t) {
        GibbsFreeEnergy ga = pa.gibbs(theta, new double[] {t}, false)[0], gb = pb.gibbs(theta, new double[] {t}, false)[0];
        return new double[] {ga.gibbs().value() - gb.gibbs().value(), ga.entropy().value() - gb.entropy().value()};
    }

    private Point at(double[] theta, double pressure, double[] temperatures) {
        GibbsEstimator pa = a.atPressure(pressure), pb = b.atPressure(pressure);
        PhaseTransition.Table table = new PhaseTransition(pa, pb).table(theta, temperatures);
        if (!table.hasTransition()) return new Point(pressure, null, Double.NaN, Double.NaN, false, null, null, Double.NaN, Double.NaN);
        PhaseTransition.Crossing grid = table.tc();
        // a bracket [from, to] of the root, ΔG keeping its sign at "from"; Newton steps that leave it bisect
        double from = grid.below(), to = grid.above();
        double signFrom = Math.signum(difference(pa, pb, theta, from)[0]);
        double t = grid.temperature();
        for (int it = 0; it < NEWTON; it++) {
            double[] d = difference(pa, pb, theta, t);
            if (d[0] == 0) break;
            if (Math.signum(d[0]) == signFrom) from = t;
            else to = t;
            double next = t + d[0] / d[1]; // dΔG/dT = −ΔS
            if (!(next > Math.min(from, to) && next < Math.max(from, to))) next = 0.5 * (from + to);
            double moved = Math.abs(next - t);
            t = next;
            if (moved < 1e-9 * t) break;
        }
        GibbsFreeEnergy ga = pa.gibbs(theta, new double[] {t}, false)[0], gb = pb.gibbs(theta, new double[] {t}, false)[0];
        double ds = ga.entropy().value() - gb.entropy().value(), dv = ga.volume().value() - gb.volume().value();
        double error = Math.hypot(ga.gibbs().error(), gb.gibbs().error()) / Math.abs(ds);
        double clapeyron = dv / ds / Units.GPA_PER_EV_PER_A3;
        return new Point(pressure, grid, t, error, !grid.extrapolated() && ga.solved() && gb.solved(), ga, gb, clapeyron, Double.NaN);
    }
}
