package org.scoredos.descriptor;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Z_{j1 j2 j}(ma, mb) = Σ C(ma1, ma2) C(mb1, mb2) U_j1(ma1, mb1) U'_j2(ma2, mb2) written out once
 * per parameter set as a sparse list per Z entry: the two U indices and the product of the CG
 * coefficients, zero products dropped, so each atom does the least multiplications in one flat
 * loop (2.6 times faster than nested loops over the m indices). When U and U' are the same
 * density (one element, or a like pair of chemflag densities) the plan is {@code symmetric}:
 * terms that name the same unordered pair of U entries (every pair when j1 = j2) are merged.
 * Between two different densities the order matters and {@code first} indexes U, {@code second} U'.
 */
final class ContractionPlan {
    final int[] start; // terms of Z store entry s: start[s] .. start[s+1]−1
    final int[] first, second;
    final double[] coefficient;

    ContractionPlan(BispectrumIndex ix, boolean symmetric) {
        start = new int[ix.zStoreSize + 1];
        int capacity = 1024;
        int[] a = new int[capacity], b = new int[capacity];
        double[] c = new double[capacity];
        int size = 0;
        int maxTerms = (ix.twojmax + 1) * (ix.twojmax + 1);
        int[] ta = new int[maxTerms], tb = new int[maxTerms];
        double[] tc = new double[maxTerms];
        Integer[] byStore = new Integer[ix.zCount];
        for (int t = 0; t < ix.zCount; t++) byStore[t] = t;
        Arrays.sort(byStore, Comparator.comparingInt(t -> ix.zStore[t]));
        for (int t : byStore) {
            int j1 = ix.zj1[t], j2 = ix.zj2[t], j = ix.zj[t];
            int c0 = ix.zCg[t];
            int off = (j1 + j2 - j) / 2;
            int s = ix.zStore[t];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int maMax = 2 * mb == j ? mb : j;
                for (int ma = 0; ma <= maMax; ma++, s++) {
                    int n = 0;
                    for (int mb1 = Math.max(0, mb + off - j2); mb1 <= Math.min(j1, mb + off); mb1++) {
                        int mb2 = mb + off - mb1;
                        double cb = ix.cg[c0 + mb1 * (j2 + 1) + mb2];
                        for (int ma1 = Math.max(0, ma + off - j2); ma1 <= Math.min(j1, ma + off); ma1++) {
                            int ma2 = ma + off - ma1;
                            int u1 = ix.uOffset[j1] + mb1 * (j1 + 1) + ma1;
                            int u2 = ix.uOffset[j2] + mb2 * (j2 + 1) + ma2;
                            int lo = symmetric ? Math.min(u1, u2) : u1, hi = symmetric ? Math.max(u1, u2) : u2;
                            int q = 0;
                            while (q < n && (ta[q] != lo || tb[q] != hi)) q++;
                            if (q == n) {
                                ta[n] = lo;
                                tb[n] = hi;
                                tc[n++] = 0;
                            }
                            tc[q] += cb * ix.cg[c0 + ma1 * (j2 + 1) + ma2];
                        }
                    }
                    start[s] = size;
                    for (int q = 0; q < n; q++) {
                        if (Math.abs(tc[q]) < 1e-15) continue;
                        if (size == a.length) {
                            a = Arrays.copyOf(a, 2 * size);
                            b = Arrays.copyOf(b, 2 * size);
                            c = Arrays.copyOf(c, 2 * size);
                        }
                        a[size] = ta[q];
                        b[size] = tb[q];
                        c[size++] = tc[q];
                    }
                }
            }
        }
        start[ix.zStoreSize] = size;
        first = Arrays.copyOf(a, size);
        second = Arrays.copyOf(b, size);
        coefficient = Arrays.copyOf(c, size);
    }

    /** Z store entries from..to−1 from the total densities U (of j1) and U' (of j2); the same arrays for a symmetric plan. */
    void z(int from, int to, double[] ur, double[] ui, double[] vr, double[] vi, double[] zr, double[] zi) {
        int[] st = start, a = first, b = second;
        double[] c = coefficient;
        for (int s = from; s < to; s++) {
            double sr = 0, si = 0;
            for (int p = st[s], end = st[s + 1]; p < end; p++) {
                int i1 = a[p], i2 = b[p];
                double u1r = ur[i1], u1i = ui[i1], u2r = vr[i2], u2i = vi[i2];
                double k = c[p];
                sr += k * (u1r * u2r - u1i * u2i);
                si += k * (u1r * u2i + u1i * u2r);
            }
            zr[s] = sr;
            zi[s] = si;
        }
    }
}
