package org.scoredos.potential;

import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Structure;

/**
 * The Morse pair potential φ(r) = D [e^{−2a(r−r₀)} − 2 e^{−a(r−r₀)}], shifted-force at the
 * cutoff r_c: φ_sf(r) = φ(r) − φ(r_c) − (r − r_c) φ′(r_c). Energy and force both go to zero
 * at r_c, so constant-energy MD conserves energy when pairs cross the cutoff. A real model
 * with analytic forces: the harmonic-reference and thermodynamic-integration tests use it
 * where a SNAP model would be heavier than the test needs.
 */
public final class MorsePotential implements Potential {
    private final double depth;
    private final double stiffness;
    private final double r0;
    private final double cutoff;
    private final double phiCut;
    private final double dphiCut;

    /**
     * @param depth     D, well depth, eV
     * @param stiffness a, Å⁻¹
     * @param r0        equilibrium pair distance, Å
     * @param cutoff    r_c, Å (beyond the minimum)
     */
    public MorsePotential(double depth, double stiffness, double r0, double cutoff) {
        if (!(depth > 0) || !(stiffness > 0) || !(r0 > 0) || !Double.isFinite(depth + stiffness + r0 + cutoff)) {
            throw new BadInputException("Morse parameters D, a, r0 must be positive and finite, got D=" + depth
                    + " a=" + stiffness + " r0=" + r0);
        }
        if (!(cutoff > r0)) {
            throw new BadInputException("Morse cutoff " + cutoff + " Å must lie beyond r0 = " + r0 + " Å");
        }
        this.depth = depth;
        this.stiffness = stiffness;
        this.r0 = r0;
        this.cutoff = cutoff;
        this.phiCut = phi(cutoff);
        this.dphiCut = dphi(cutoff);
    }

    private double phi(double r) {
        double e = Math.exp(-stiffness * (r - r0));
        return depth * (e * e - 2 * e);
    }

    private double dphi(double r) {
        double e = Math.exp(-stiffness * (r - r0));
        return -2 * depth * stiffness * (e * e - e);
    }

    /** The shifted-force pair energy at distance r < r_c, eV. */
    public double pairEnergy(double r) {
        return phi(r) - phiCut - (r - cutoff) * dphiCut;
    }

    /** dφ_sf/dr at r < r_c, eV/Å. */
    public double pairDerivative(double r) {
        return dphi(r) - dphiCut;
    }

    @Override
    public double energy(Structure structure) {
        NeighborList list = NeighborList.build(structure, cutoff);
        double e = 0;
        for (int p = 0; p < list.pairs(); p++) e += pairEnergy(list.distance(p));
        return 0.5 * e; // the full list holds every pair twice
    }

    @Override
    public double energyAndForces(Structure structure, double[] forces) {
        if (forces.length != 3 * structure.size()) {
            throw new IllegalArgumentException("forces has length " + forces.length + ", expected " + 3 * structure.size());
        }
        NeighborList list = NeighborList.build(structure, cutoff);
        double e = 0;
        for (int i = 0; i < structure.size(); i++) {
            double fx = 0, fy = 0, fz = 0;
            for (int p = list.start(i), end = p + list.count(i); p < end; p++) {
                double r = list.distance(p);
                e += pairEnergy(r);
                // F_i = Σ_j φ′(r) r_ij / r with r_ij = x_j − x_i; i's own list holds every pair it is in.
                double s = pairDerivative(r) / r;
                fx += s * list.dx(p);
                fy += s * list.dy(p);
                fz += s * list.dz(p);
            }
            forces[3 * i] = fx;
            forces[3 * i + 1] = fy;
            forces[3 * i + 2] = fz;
        }
        return 0.5 * e;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public String toString() {
        return "Morse(D=" + depth + " eV, a=" + stiffness + " 1/Å, r0=" + r0 + " Å, rc=" + cutoff + " Å, shifted force)";
    }
}
