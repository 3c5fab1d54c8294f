package org.scoredos.descriptor;

/**
 * The index tables of the SNAP bispectrum for one 2J, built once per parameter set.
 *
 * <p>U_j is stored layer by layer, row mb, column ma: entry (ma, mb) of layer j at
 * {@code uOffset[j] + mb·(j+1) + ma}. Because U_j(j−ma, j−mb) = (−1)^(ma+mb) conj U_j(ma, mb),
 * the first {@link #half(int)} entries of each layer (rows 0..j/2, the middle row of an even
 * layer up to its centre) determine the rest; Z, B and Y only ever need those entries.
 *
 * <p>Z triples are every (j1 ≥ j2, j) with |j1−j2| ≤ j ≤ min(2J, j1+j2), j1+j2+j even; Z is
 * symmetric in j1, j2. Bispectrum triples are the subset with j ≥ j1, in LAMMPS's order.
 */
final class BispectrumIndex {
    final int twojmax;
    final int[] uOffset;  // twojmax + 2 entries; the last is the total size
    final int uSize;
    final double[] rootpq; // sqrt(p/q) at p·(twojmax+1)+q

    final int zCount;
    final int[] zj1, zj2, zj;
    final int[] zCg;           // offset of the triple's (j1+1)×(j2+1) CG block
    final int[] zStore;        // offset of the triple's half layer in the Z store: components' triples first
    final int zStoreSize;
    final int zComponentStoreSize; // the Z store entries of the components' triples
    // The Y_j terms of each Z triple: up to three bispectrum components (one per role the Z
    // plays in ∂B, see assignYTerms) at zTerm[3t+q], q < zTermCount[t], with the element
    // permutation of that role and the factor (j1+1)/(j+1) the CG symmetry gives it.
    final int[] zTermCount;
    final int[] zTerm, zTermRole;
    final double[] zTermFactor;
    final int[][][] zIndex;    // [j1][j2][j] → triple, j1 ≥ j2

    final int bCount;
    final int[] bj1, bj2, bj;
    final int[] bZ;            // the Z triple of each component
    // ∂B_{j1 j2 j} = ∂U_j·Z_{j1 j2 j} + (j+1)/(j1+1) ∂U_j1·Z_{j j2 j1} + (j+1)/(j2+1) ∂U_j2·Z_{j j1 j2}
    final int[] bZ1, bZ2;
    final double[] bF1, bF2;
    final double[] cg;

    BispectrumIndex(int twojmax) {
        this.twojmax = twojmax;
        uOffset = new int[twojmax + 2];
        for (int j = 0; j <= twojmax; j++) uOffset[j + 1] = uOffset[j] + (j + 1) * (j + 1);
        uSize = uOffset[twojmax + 1];
        rootpq = new double[(twojmax + 1) * (twojmax + 1)];
        for (int p = 1; p <= twojmax; p++) {
            for (int q = 1; q <= twojmax; q++) rootpq[p * (twojmax + 1) + q] = Math.sqrt((double) p / q);
        }

        int nz = 0;
        int nb = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    nz++;
                    if (j >= j1) nb++;
                }
            }
        }
        zCount = nz;
        bCount = nb;
        zj1 = new int[nz];
        zj2 = new int[nz];
        zj = new int[nz];
        zCg = new int[nz];
        zStore = new int[nz];
        zTermCount = new int[nz];
        zTerm = new int[3 * nz];
        zTermRole = new int[3 * nz];
        zTermFactor = new double[3 * nz];
        zIndex = new int[twojmax + 1][twojmax + 1][twojmax + 1];
        bj1 = new int[nb];
        bj2 = new int[nb];
        bj = new int[nb];
        bZ = new int[nb];
        int[][][] bIndex = new int[twojmax + 1][twojmax + 1][twojmax + 1];
        int cgSize = 0;
        int store = 0;
        int t = 0;
        int b = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    zj1[t] = j1;
                    zj2[t] = j2;
                    zj[t] = j;
                    zCg[t] = cgSize;
                    cgSize += (j1 + 1) * (j2 + 1);
                    zIndex[j1][j2][j] = t;
                    if (j >= j1) {
                        bj1[b] = j1;
                        bj2[b] = j2;
                        bj[b] = j;
                        bZ[b] = t;
                        bIndex[j1][j2][j] = b;
                        b++;
                    }
                    t++;
                }
            }
        }
        for (int k = 0; k < nz; k++) {
            if (zj[k] >= zj1[k]) {
                zStore[k] = store;
                store += half(zj[k]);
            }
        }
        zComponentStoreSize = store;
        for (int k = 0; k < nz; k++) {
            if (zj[k] < zj1[k]) {
                zStore[k] = store;
                store += half(zj[k]);
            }
        }
        zStoreSize = store;
        bZ1 = new int[nb];
        bZ2 = new int[nb];
        bF1 = new double[nb];
        bF2 = new double[nb];
        for (int k = 0; k < nb; k++) {
            int j1 = bj1[k], j2 = bj2[k], j = bj[k];
            bZ1[k] = zIndex[j][j2][j1];
            bZ2[k] = zIndex[j][j1][j2];
            bF1[k] = (j + 1.0) / (j1 + 1);
            bF2[k] = (j + 1.0) / (j2 + 1);
        }
        cg = new double[cgSize];
        for (t = 0; t < nz; t++) {
            int j1 = zj1[t], j2 = zj2[t], j = zj[t];
            for (int m1 = 0; m1 <= j1; m1++) {
                for (int m2 = 0; m2 <= j2; m2++) {
                    int a = 2 * m1 - j1, c = 2 * m2 - j2;
                    cg[zCg[t] + m1 * (j2 + 1) + m2] = ClebschGordan.coefficient(j1, a, j2, c, j, a + c);
                }
            }
            assignYTerms(t, j1, j2, j, bIndex);
        }
    }

    /** Roles of a Z^{e1 e2} triple in ∂B, named by the element triple of the component it feeds Y^{e3} for. */
    static final int ROLE_E1_E2_E3 = 0, ROLE_E3_E2_E1 = 1, ROLE_E2_E3_E1 = 2;

    /**
     * ∂B^{abc}_{j1 j2 j} = ∂U^c_j·Z^{ab}_{j1 j2 j} + (j+1)/(j1+1) ∂U^a_j1·Z^{cb}_{j j2 j1}
     * + (j+1)/(j2+1) ∂U^b_j2·Z^{ca}_{j j1 j2} (CG symmetry; a, b, c the element densities).
     * Seen from a Z^{e1 e2} triple (j1 ≥ j2, j), Y^{e3}_j collects: B^{e1 e2 e3}_{j1 j2 j} if
     * j ≥ j1; B^{e3 e2 e1}_{j j2 j1} if j1 ≥ j ≥ j2; B^{e2 e3 e1}_{j2 j j1} if j ≤ j2. Where
     * indices coincide several roles apply; with one element they are the same component and
     * add up to LAMMPS's multiplicity 2 or 3.
     */
    private void assignYTerms(int t, int j1, int j2, int j, int[][][] bIndex) {
        double factor = (j1 + 1.0) / (j + 1);
        if (j >= j1) addYTerm(t, bIndex[j1][j2][j], ROLE_E1_E2_E3, 1);
        if (j <= j1 && j >= j2) addYTerm(t, bIndex[j][j2][j1], ROLE_E3_E2_E1, factor);
        if (j <= j2) addYTerm(t, bIndex[j2][j][j1], ROLE_E2_E3_E1, factor);
    }

    private void addYTerm(int t, int component, int role, double factor) {
        int q = 3 * t + zTermCount[t]++;
        zTerm[q] = component;
        zTermRole[q] = role;
        zTermFactor[q] = factor;
    }

    /** Entries of layer j that determine it: rows 0..j/2, the middle row up to its centre. */
    static int half(int j) {
        return ((j + 1) * (j + 1) + 1) / 2;
    }
}
