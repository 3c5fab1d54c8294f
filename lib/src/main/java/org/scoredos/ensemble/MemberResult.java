package org.scoredos.ensemble;

import java.io.Serializable;

/**
 * One member's results on the temperature grid, per phase p (one or two): F relative to the
 * member's own lattice energy θ·D_0 (eV/atom), its error bar δF, α* and the solved flag; with two
 * phases also ΔF = G(first) − G(second) with δΔF, and T_c with δT_c and its extrapolated flag
 * (NaN and false when ΔF keeps one sign on the grid). Plain arrays, so an executor can send it.
 *
 * @param member       the member's index in its ensemble
 * @param latticeEnergy θ·D_0 per phase, eV/atom
 */
public record MemberResult(int member, double[] latticeEnergy, double[][] freeEnergy, double[][] error, double[][] alphaStar,
        boolean[][] solved, double[] deltaF, double[] deltaFError, double tc, double tcError, boolean tcExtrapolated)
        implements Serializable {

    public int phases() {
        return latticeEnergy.length;
    }

    /** Whether ΔF changes sign on the grid (two phases only). */
    public boolean hasTransition() {
        return !Double.isNaN(tc);
    }

    /** The ensemble's quantity at temperature i: F of the phase (one phase) or ΔF (two). */
    public double quantity(int i) {
        return deltaF != null ? deltaF[i] : freeEnergy[0][i];
    }

    /** Its error bar: δF or δΔF. */
    public double quantityError(int i) {
        return deltaF != null ? deltaFError[i] : error[0][i];
    }

    /** Every phase solved (α* inside its sampled range) at temperature i. */
    public boolean solvedAt(int i) {
        for (boolean[] s : solved) if (!s[i]) return false;
        return true;
    }
}
