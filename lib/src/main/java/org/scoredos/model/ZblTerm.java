package org.scoredos.model;

import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.Evaluation;
import org.scoredos.structure.Structure;

/**
 * The Ziegler–Biersack–Littmark screened nuclear repulsion exactly as LAMMPS {@code pair zbl}:
 * φ(r) = Z_i Z_j e²/(4πε₀) / r · Σ_k c_k exp(−d_k r/a), a = 0.46850 Å / (Z_i^0.23 + Z_j^0.23),
 * plus, between the inner and outer cutoff, the polynomial S(t) = A/3 t³ + B/4 t⁴ + C
 * (t = r − inner) whose value, slope and curvature cancel φ's at the outer cutoff; the constant
 * C is added at every r below the cutoff, as LAMMPS does.
 */
public final class ZblTerm implements FixedTerm {
    // LAMMPS pair_zbl_const.h and the metal-units e²/(4πε₀) (force->qqr2e with qelectron = 1)
    private static final double P_ZBL = 0.23, A0 = 0.46850, QQR2E = 14.399645;
    private static final double[] C = {0.02817, 0.28022, 0.50986, 0.18175};
    private static final double[] D = {0.20162, 0.40290, 0.94229, 3.19980};

    private final ZblSettings settings;
    private final Pair[][] pairs; // [t-1][u-1], null where ZBL does not act

    /** One pair of types: the exponents d_k/a, the charge product, the switching coefficients. */
    private record Pair(double[] da, double zze, double sw1, double sw2, double sw3, double sw4, double sw5) {}

    public ZblTerm(ZblSettings settings) {
        this.settings = settings;
        int n = settings.types();
        pairs = new Pair[n][n];
        for (int t = 0; t < n; t++) {
            for (int u = 0; u < n; u++) {
                double[] z = settings.charge()[t][u];
                if (z != null) pairs[t][u] = pair(z[0], z[1], settings.inner(), settings.outer());
            }
        }
    }

    private static Pair pair(double zi, double zj, double inner, double outer) {
        double ainv = (Math.pow(zi, P_ZBL) + Math.pow(zj, P_ZBL)) / A0;
        double[] da = new double[4];
        for (int k = 0; k < 4; k++) da[k] = D[k] * ainv;
        double zze = zi * zj * QQR2E;
        double tc = outer - inner;
        double fc = energy(da, zze, outer), fcp = derivative(da, zze, outer), fcpp = secondDerivative(da, zze, outer);
        double swa = (-3.0 * fcp + tc * fcpp) / (tc * tc);
        double swb = (2.0 * fcp - tc * fcpp) / (tc * tc * tc);
        double swc = -fc + (tc / 2.0) * fcp - (tc * tc / 12.0) * fcpp;
        return new Pair(da, zze, swa, swb, swa / 3.0, swb / 4.0, swc);
    }

    private static double energy(double[] da, double zze, double r) {
        double sum = 0;
        for (int k = 0; k < 4; k++) sum += C[k] * Math.exp(-da[k] * r);
        return zze * sum / r;
    }

    private static double derivative(double[] da, double zze, double r) {
        double sum = 0, sumP = 0;
        for (int k = 0; k < 4; k++) {
            double e = Math.exp(-da[k] * r);
            sum += C[k] * e;
            sumP -= C[k] * da[k] * e;
        }
        return zze * (sumP - sum / r) / r;
    }

    private static double secondDerivative(double[] da, double zze, double r) {
        double sum = 0, sumP = 0, sumPP = 0;
        for (int k = 0; k < 4; k++) {
            double e = Math.exp(-da[k] * r);
            sum += C[k] * e;
            sumP += C[k] * e * da[k];
            sumPP += C[k] * e * da[k] * da[k];
        }
        return zze * (sumPP + 2.0 * sumP / r + 2.0 * sum / (r * r)) / r;
    }

    /** The switched pair energy φ_s(r), eV, r below the outer cutoff. */
    public double pairEnergy(int typeI, int typeJ, double r) {
        Pair p = pairs[typeI - 1][typeJ - 1];
        if (p == null || !(r < settings.outer())) return 0;
        double e = energy(p.da, p.zze, r) + p.sw5;
        if (r > settings.inner()) {
            double t = r - settings.inner();
            e += t * t * t * (p.sw3 + p.sw4 * t);
        }
        return e;
    }

    /** dφ_s/dr, eV/Å. */
    public double pairDerivative(int typeI, int typeJ, double r) {
        Pair p = pairs[typeI - 1][typeJ - 1];
        if (p == null || !(r < settings.outer())) return 0;
        double d = derivative(p.da, p.zze, r);
        if (r > settings.inner()) {
            double t = r - settings.inner();
            d += t * t * (p.sw1 + p.sw2 * t);
        }
        return d;
    }

    @Override
    public String name() {
        return "zbl";
    }

    @Override
    public double cutoff() {
        return settings.outer();
    }

    @Override
    public Evaluation evaluate(Structure structure, NeighborList list, boolean withForces, boolean withVirial) {
        check(structure, list);
        double[] forces = withForces ? new double[3 * structure.size()] : null;
        double[] virial = withVirial ? new double[6] : null;
        double e = 0;
        for (int i = 0; i < structure.size(); i++) {
            int ti = structure.type(i);
            for (int p = list.start(i), end = p + list.count(i); p < end; p++) {
                int tj = structure.type(list.neighbor(p));
                double r = list.distance(p);
                e += pairEnergy(ti, tj, r);
                if (forces == null && virial == null) continue;
                // the full list holds each pair from both ends: atom i's row gives F_i whole, the virial half
                double s = pairDerivative(ti, tj, r) / r;
                double dx = list.dx(p), dy = list.dy(p), dz = list.dz(p);
                if (forces != null) {
                    forces[3 * i] += s * dx;
                    forces[3 * i + 1] += s * dy;
                    forces[3 * i + 2] += s * dz;
                }
                if (virial != null) Evaluation.addPair(virial, dx, dy, dz, -0.5 * s * dx, -0.5 * s * dy, -0.5 * s * dz);
            }
        }
        return new Evaluation(0.5 * e, forces, virial);
    }

    @Override
    public void addAtomForces(Structure structure, NeighborList list, int i, double[] forces) {
        check(structure, list);
        int ti = structure.type(i);
        for (int p = list.start(i), end = p + list.count(i); p < end; p++) {
            int j = list.neighbor(p);
            double s = 0.5 * pairDerivative(ti, structure.type(j), list.distance(p)) / list.distance(p);
            double fx = s * list.dx(p), fy = s * list.dy(p), fz = s * list.dz(p);
            forces[3 * i] += fx;
            forces[3 * i + 1] += fy;
            forces[3 * i + 2] += fz;
            forces[3 * j] -= fx;
            forces[3 * j + 1] -= fy;
            forces[3 * j + 2] -= fz;
        }
    }

    private void check(Structure structure, NeighborList list) {
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("the neighbour list's cutoff " + list.cutoff() + " Å is below the ZBL cutoff " + cutoff() + " Å");
        }
        for (int t : structure.types()) {
            if (t > settings.types()) {
                throw new org.scoredos.io.BadInputException("the structure has atom type " + t + " but the ZBL settings cover "
                        + settings.types() + " type(s)");
            }
        }
    }

    @Override
    public String toString() {
        return "ZBL(inner " + settings.inner() + " Å, outer " + settings.outer() + " Å)";
    }
}
