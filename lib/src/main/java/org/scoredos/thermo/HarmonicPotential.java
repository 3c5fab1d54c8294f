package org.scoredos.thermo;

import org.scoredos.harmonic.Hessian;
import org.scoredos.potential.Potential;
import org.scoredos.sample.Displacements;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * The quadratic model of a Hessian, U(X) = E_0 + ½ uᵀ H u with u = X − X_0 (each atom taken
 * to the periodic image nearest its site), forces −H u. It is the λ = 0 end of thermodynamic
 * integration and a model whose free energy is known exactly. A Hessian with the acoustic sum
 * rule gives zero total force and leaves rigid translations free.
 */
public final class HarmonicPotential implements Potential {
    private final Structure reference;
    private final double[] h; // row-major 3N × 3N
    private final int dimension;
    private final double latticeEnergy;
    private final double cutoff;

    /**
     * @param reference     the lattice X_0 the Hessian was taken at
     * @param latticeEnergy E_0, eV (whole cell)
     */
    public HarmonicPotential(Structure reference, Hessian hessian, double latticeEnergy) {
        if (hessian.atoms() != reference.size()) {
            throw new IllegalArgumentException("Hessian is for " + hessian.atoms() + " atoms, the reference has " + reference.size());
        }
        this.reference = reference;
        this.h = hessian.toFlat();
        this.dimension = hessian.dimension();
        this.latticeEnergy = latticeEnergy;
        this.cutoff = couplingRange(reference, h);
    }

    /** E_0, eV. */
    public double latticeEnergy() {
        return latticeEnergy;
    }

    public Structure reference() {
        return reference;
    }

    @Override
    public double energy(Structure structure) {
        return energyAndForces(structure, new double[dimension]);
    }

    @Override
    public double energyAndForces(Structure structure, double[] forces) {
        double[] u = Displacements.of(reference, structure);
        double e = 0;
        for (int k = 0; k < dimension; k++) {
            double row = 0;
            int base = k * dimension;
            for (int m = 0; m < dimension; m++) row += h[base + m] * u[m];
            forces[k] = -row;
            e += u[k] * row;
        }
        return latticeEnergy + 0.5 * e;
    }

    /**
     * The Hessian couples atoms by index, not by distance: this is the largest nearest-image
     * distance, in X_0, between two atoms it couples (0 when it couples none).
     */
    @Override
    public double cutoff() {
        return cutoff;
    }

    private static double couplingRange(Structure x0, double[] h) {
        int n = x0.size();
        int dim = 3 * n;
        Cell cell = x0.cell();
        double[] si = new double[3];
        double[] sj = new double[3];
        double[] c = new double[3];
        double[] o = cell.origin();
        double range = 0;
        for (int i = 0; i < n; i++) {
            cell.toFractional(x0.x(i), x0.y(i), x0.z(i), si);
            for (int j = 0; j < n; j++) {
                if (j == i || !coupled(h, dim, i, j)) continue;
                cell.toFractional(x0.x(j), x0.y(j), x0.z(j), sj);
                for (int d = 0; d < 3; d++) sj[d] -= si[d] + Math.rint(sj[d] - si[d]);
                cell.toCartesian(sj[0], sj[1], sj[2], c);
                double dx = c[0] - o[0], dy = c[1] - o[1], dz = c[2] - o[2];
                range = Math.max(range, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return range;
    }

    private static boolean coupled(double[] h, int dim, int i, int j) {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) if (h[(3 * i + a) * dim + 3 * j + b] != 0) return true;
        }
        return false;
    }
}
