package org.scoredos.structure;

import java.io.Serializable;
import org.scoredos.io.BadInputException;
import org.scoredos.units.Units;

/**
 * The mass of every atom of a crystal (amu) and what the dynamics and the harmonic constants
 * need from it: kinetic energy, zero total momentum, and the effective mass of the
 * mass-weighted phonon spectrum.
 *
 * <p>The configurational part of the free energy does not depend on masses; they enter through
 * the momenta and the harmonic frequencies Ω_l² (eigenvalues of M^{-1/2} H M^{-1/2}). Every
 * operation is written on the masses relative to the first atom's, r_i = m_i/m_1, so that for
 * one mass (r_i = 1 exactly) the arithmetic is the single-mass arithmetic, bit for bit.
 */
public final class AtomMasses implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double first;      // m_1, amu
    private final double[] relative; // r_i = m_i/m_1
    private final double[] root;     // √r_i
    private final double[] ones;
    private final double effective; // m_eff, amu

    private AtomMasses(double[] perAtom) {
        if (perAtom.length == 0) throw new IllegalArgumentException("no atoms");
        for (int i = 0; i < perAtom.length; i++) {
            double m = perAtom[i];
            if (!(m > 0) || !Double.isFinite(m)) throw new BadInputException("atom " + (i + 1) + ": mass must be positive and finite, got " + m + " amu");
        }
        first = perAtom[0];
        relative = new double[perAtom.length];
        root = new double[perAtom.length];
        ones = new double[perAtom.length];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < perAtom.length; i++) {
            relative[i] = perAtom[i] / first;
            root[i] = StrictMath.sqrt(relative[i]);
        }
        effective = effective(first, relative);
    }

    /** N atoms of one mass, amu. */
    public static AtomMasses uniform(int atoms, double mass) {
        double[] m = new double[atoms];
        java.util.Arrays.fill(m, mass);
        return new AtomMasses(m);
    }

    /** The masses of a structure's atoms by their types; every type's mass must be known. */
    public static AtomMasses of(Structure structure) {
        double[] m = new double[structure.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = structure.mass(i);
            if (Double.isNaN(m[i])) throw new BadInputException("the structure gives no mass for type " + structure.type(i) + ": give --mass");
        }
        return new AtomMasses(m);
    }

    public int atoms() {
        return relative.length;
    }

    /** Mass of atom i (from 0), amu. */
    public double of(int atom) {
        return first * relative[atom];
    }

    /** Whether every atom has the same mass. */
    public boolean isUniform() {
        for (double r : relative) if (r != 1.0) return false;
        return true;
    }

    /**
     * The effective mass m_eff of the mass-weighted spectrum, amu: the stable modes of
     * M^{-1/2} H M^{-1/2} have Σ_l ln Ω_l² = Σ_l ln(ω_l c/m_eff), ω_l the stable eigenvalues of H,
     * so every single-mass formula holds with m_eff. For a Hessian whose only zero modes are the
     * 3 translations (null vectors V, VᵀV = 1), pdet(M^{-1/2} H M^{-1/2}) = pdet(H) det(VᵀMV)/det M
     * with VᵀMV = m̄·1, m̄ the mean mass; hence over the 3N − 3 modes
     * ln m_eff = (Σ_i ln m_i − ln m̄)/(N − 1). One mass: m_eff = m exactly.
     */
    public double effectiveMass() {
        return effective;
    }

    private static double effective(double first, double[] relative) {
        int n = relative.length;
        if (n == 1) return first;
        double sumLog = 0, sum = 0;
        for (double r : relative) {
            sumLog += Math.log(r);
            sum += r;
        }
        return first * Math.exp((sumLog - Math.log(sum / n)) / (n - 1));
    }

    /** ½ Σ_i m_i v_i², eV, for flat 3N velocities in Å/ps. */
    public double kineticEnergy(double[] velocities) {
        double s = 0;
        for (int k = 0; k < velocities.length; k++) {
            double w = velocities[k];
            s += relative[k / 3] * w * w;
        }
        return 0.5 * first * s / Units.EV_PER_AMU_A2_IN_PS2;
    }

    /** Removes the centre-of-mass velocity Σ m_i v_i / Σ m_i from flat 3N velocities: zero total momentum. */
    public void removeMomentum(double[] v) {
        project(v, relative, ones);
    }

    /**
     * Projects flat 3N mass-weighted coordinates u_i = √m_i v_i (unit Gaussians, say) onto the
     * subspace of zero total momentum: u − √r (√r·u)/(√r·√r) per Cartesian component. A unit
     * Gaussian stays a unit Gaussian on that subspace.
     */
    public void projectWeighted(double[] u) {
        project(u, root, root);
    }

    /** Turns flat 3N mass-weighted coordinates u_i into u_i/√r_i, r_i = m_i/m_1: velocities in units of atom 1's. */
    public void unweight(double[] u) {
        for (int k = 0; k < u.length; k++) u[k] /= root[k / 3];
    }

    /** a_i −= w_i (Σ_j c_j a_j)/(Σ_j c_j w_j) per component: with c = w = 1 exactly the mean's arithmetic. */
    private static void project(double[] a, double[] c, double[] w) {
        int n = a.length / 3;
        double norm = 0;
        for (int i = 0; i < n; i++) norm += c[i] * w[i];
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += c[i] * a[3 * i + d];
            mean /= norm;
            for (int i = 0; i < n; i++) a[3 * i + d] -= w[i] * mean;
        }
    }
}
