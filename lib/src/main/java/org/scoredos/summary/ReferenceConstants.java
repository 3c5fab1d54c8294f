package org.scoredos.summary;

/**
 * Per-phase constants of the reference lattice and its harmonic model (method.md §2–4),
 * shared by every isosurface cell of a phase.
 *
 * @param atoms       N, atoms in the periodic cell
 * @param mass        atomic mass, amu; for several masses the effective mass of the mass-weighted
 *                    spectrum (AtomMasses#effectiveMass), which is all the constants need
 * @param volume      V_0, cell volume, Å³
 * @param d0          D_0, per-atom descriptor of the static lattice (d values)
 * @param omegaBar    ω̄, mean stable Hessian eigenvalue, eV/Å²
 * @param meanLogNu   ⟨ln ν_l⟩ over the stable modes, ν_l = ω_l/ω̄ (≤ 0)
 * @param stableModes M, number of stable modes (3N − 3 for a perfect crystal)
 * @param u0          isosurface energy scale U_0, eV (1.5 k_B · 1000 K)
 * @param strain      isotropic linear strain applied to the reference cell
 * @param cell        lattice vectors of the strained reference cell as rows, Å (3×3)
 * @param positions   reference positions the sampler displaces, flat 3N, Å
 */
public record ReferenceConstants(
        int atoms,
        double mass,
        double volume,
        double[] d0,
        double omegaBar,
        double meanLogNu,
        int stableModes,
        double u0,
        double strain,
        double[][] cell,
        double[] positions) implements java.io.Serializable {

    /** Number of descriptor components d. */
    public int components() {
        return d0.length;
    }

    /** ln(ω̄ / 2U_0): α = ln τ − alphaShift maps the isosurface label τ to α. */
    public double alphaShift() {
        return Math.log(omegaBar / (2.0 * u0));
    }

    /** α of the isosurface labelled τ = H_e/U_0. */
    public double alphaOfTau(double tau) {
        return Math.log(tau) - alphaShift();
    }

    /** τ of the isosurface α. */
    public double tauOfAlpha(double alpha) {
        return Math.exp(alpha + alphaShift());
    }
}
