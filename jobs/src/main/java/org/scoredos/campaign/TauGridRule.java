package org.scoredos.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * The τ grid of a campaign that asks for temperatures instead of τ values (conf/campaigns/README.md).
 *
 * <p>For a harmonic crystal at T the estimator's optimal shell is where k_B T·S_0 balances the
 * shell energy: min_α [β ½ ω̄ e^α − 3/2 α] gives H_e = ½ ω̄ e^α* = 3/2 k_B T, so
 * τ* = H_e/U_0 = T / 1000 K whatever the Hessian (method.md §2, U_0 = 1.5 k_B·1000 K). The grid
 * spans {@value #LOWER_MARGIN}·τ*(T_from) to {@value #UPPER_MARGIN}·τ*(T_to): below, enough room
 * that the degree-5 α fit does not put α* on the first cell; above, also room for anharmonic
 * softening, which moves α* up: for the iron SNAP X_Fe on its own campaigns α* reaches 1.5 τ*
 * (bcc) and 2.0 τ* (fcc) at 2500 K (conf/campaigns/README.md).
 *
 * <p>By default the cells sit on one fixed lattice in α = ln τ + const: τ_k = exp(k/{@value
 * #CELLS_PER_UNIT_ALPHA}), every k between the two ends (rounded outwards). A campaign whose span
 * is widened later therefore gets the same τ values plus new ones below or above: a top-up that
 * keeps every committed cell. An explicit count spreads that many cells geometrically between the
 * ends instead (another count or span then gives other τ values: another campaign).
 */
public final class TauGridRule {
    /** Harmonic temperature of τ = 1, K. */
    public static final double KELVIN_PER_TAU = 1000.0;
    /** The lowest cell, as a fraction of the harmonic τ* of the lowest temperature. */
    public static final double LOWER_MARGIN = 0.6;
    /** The highest cell, as a multiple of the harmonic τ* of the highest temperature. */
    public static final double UPPER_MARGIN = 2.5;
    /** Lattice density: cells per unit of α (a τ ratio of e^(1/8) ≈ 1.13 between neighbours). */
    public static final int CELLS_PER_UNIT_ALPHA = 8;
    /** Fewest cells: the α fit is a degree-5 polynomial, and the edge cells only bound α*. */
    public static final int MIN_CELLS = 8;

    private TauGridRule() {}

    /** τ* = H_e/U_0 of a harmonic crystal at {@code kelvin}. */
    public static double harmonicTau(double kelvin) {
        return kelvin / KELVIN_PER_TAU;
    }

    /** The lattice cells covering [T_from, T_to] with the margins. */
    static List<Double> lattice(double from, double to) {
        int lo = (int) Math.floor(Math.log(LOWER_MARGIN * harmonicTau(from)) * CELLS_PER_UNIT_ALPHA);
        int hi = (int) Math.ceil(Math.log(UPPER_MARGIN * harmonicTau(to)) * CELLS_PER_UNIT_ALPHA);
        List<Double> tau = new ArrayList<>(hi - lo + 1);
        for (int k = lo; k <= hi; k++) tau.add(Math.exp((double) k / CELLS_PER_UNIT_ALPHA));
        return tau;
    }

    /** {@code count} cells, evenly spaced in α, from the lower to the upper end. */
    static List<Double> geometric(double from, double to, int count) {
        double lo = LOWER_MARGIN * harmonicTau(from), hi = UPPER_MARGIN * harmonicTau(to);
        List<Double> tau = new ArrayList<>(count);
        for (int i = 0; i < count; i++) tau.add(lo * Math.exp(Math.log(hi / lo) * i / (count - 1)));
        return tau;
    }
}
