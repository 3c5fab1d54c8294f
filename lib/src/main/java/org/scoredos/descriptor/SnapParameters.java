package org.scoredos.descriptor;

import java.io.Serializable;

/**
 * The bispectrum settings of a LAMMPS {@code .snapparam} file. Only settings this
 * implementation reproduces exactly can be represented: {@code switchinnerflag} other than 0
 * is refused by the reader, not silently ignored.
 *
 * @param rcutfac      cutoff scale: rcut = rcutfac·(R_i + R_j), Å per unit radius
 * @param rfac0        distance-to-angle factor, 0 < rfac0 ≤ 1
 * @param twojmax      2J, the largest (doubled) angular momentum
 * @param rmin0        inner distance of the angle map, Å
 * @param bzero        subtract the isolated-atom bispectrum (LAMMPS bzeroflag)
 * @param quadratic    append the products B_k B_l (qSNAP, LAMMPS quadraticflag)
 * @param switching    apply the cosine switching function (LAMMPS switchflag)
 * @param wselfAll     LAMMPS wselfallflag (only matters for multi-element bispectra)
 * @param bnorm        divide B_{j1 j2 j} by j+1 (LAMMPS bnormflag; bzero becomes 1)
 * @param chem         explicit multi-element bispectra (LAMMPS chemflag): one density per
 *                     element and a block of components per ordered element triple
 */
public record SnapParameters(
        double rcutfac,
        double rfac0,
        int twojmax,
        double rmin0,
        boolean bzero,
        boolean quadratic,
        boolean switching,
        boolean wselfAll,
        boolean bnorm,
        boolean chem) implements Serializable {

    /** Without chemflag, the LAMMPS default. */
    public SnapParameters(double rcutfac, double rfac0, int twojmax, double rmin0, boolean bzero, boolean quadratic,
            boolean switching, boolean wselfAll, boolean bnorm) {
        this(rcutfac, rfac0, twojmax, rmin0, bzero, quadratic, switching, wselfAll, bnorm, false);
    }

    /** Without bnormflag, the LAMMPS default for a single-element bispectrum. */
    public SnapParameters(double rcutfac, double rfac0, int twojmax, double rmin0, boolean bzero, boolean quadratic,
            boolean switching, boolean wselfAll) {
        this(rcutfac, rfac0, twojmax, rmin0, bzero, quadratic, switching, wselfAll, false);
    }

    /** LAMMPS defaults for everything but the two required keys. */
    public static SnapParameters of(double rcutfac, int twojmax) {
        return new SnapParameters(rcutfac, 0.99363, twojmax, 0.0, true, false, true, false);
    }

    public SnapParameters {
        if (!(rcutfac > 0) || !Double.isFinite(rcutfac)) {
            throw new IllegalArgumentException("rcutfac must be positive and finite, got " + rcutfac);
        }
        if (!(rfac0 > 0 && rfac0 <= 1)) throw new IllegalArgumentException("rfac0 must lie in (0, 1], got " + rfac0);
        if (twojmax < 0 || twojmax > MAX_TWOJMAX) {
            throw new IllegalArgumentException("twojmax must lie in 0.." + MAX_TWOJMAX + ", got " + twojmax);
        }
        if (!(rmin0 >= 0) || !Double.isFinite(rmin0)) {
            throw new IllegalArgumentException("rmin0 must be finite and ≥ 0, got " + rmin0);
        }
    }

    /** Beyond this the factorial-based Clebsch–Gordan coefficients lose precision. */
    public static final int MAX_TWOJMAX = 20;

    /** Number of bispectrum components B_{j1 j2 j} of one element block: 55 at 2J = 8. */
    public int bispectrumCount() {
        return bispectrumCount(twojmax);
    }

    /**
     * Element blocks of the bispectrum of a model of {@code elements} elements: one per ordered
     * element triple (elements³) with chemflag, else 1. LAMMPS's ncoeff is blocks × bispectrumCount().
     */
    public int elementBlocks(int elements) {
        if (elements < 1) throw new IllegalArgumentException("need at least one element, got " + elements);
        return chem ? elements * elements * elements : 1;
    }

    /** LAMMPS's count: j1 ≥ j2, |j1−j2| ≤ j ≤ min(2J, j1+j2) in steps of 2, j ≥ j1. */
    public static int bispectrumCount(int twojmax) {
        int n = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) n++;
                }
            }
        }
        return n;
    }

    /** The same settings with quadraticflag set to {@code on}. */
    public SnapParameters withQuadratic(boolean on) {
        return new SnapParameters(rcutfac, rfac0, twojmax, rmin0, bzero, on, switching, wselfAll, bnorm, chem);
    }

    /** Components of the descriptor of one element (or without chemflag): the bispectrum, plus d(d+1)/2 products when quadratic. */
    public int descriptorCount() {
        return descriptorCount(1);
    }

    /** Components of the descriptor for a model of {@code elements} elements, products included. */
    public int descriptorCount(int elements) {
        int d = elementBlocks(elements) * bispectrumCount();
        return quadratic ? d + d * (d + 1) / 2 : d;
    }
}
