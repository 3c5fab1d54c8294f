package org.scoredos.descriptor;

import java.util.Arrays;

/**
 * The Clebsch–Gordan contractions of a total U: Z_{j1 j2 j} = Cᵀ(U_j1 ⊗ U_j2)C on the half
 * layer of j, the bispectrum B = 2 Σ_half Re[conj(U_j) Z] (centre of an even layer weighted ½),
 * and the adjoint Y_j = Σ factor·dE/dB·Z that turns ∂U into ∂E. Stateless; arrays come from
 * the caller's workspace.
 */
final class BispectrumContraction {
    private final BispectrumIndex ix;

    BispectrumContraction(BispectrumIndex ix) {
        this.ix = ix;
    }

    /** Z of triple t on the half layer of j, into zr/zi at the triple's store offset. */
    void z(int t, double[] ur, double[] ui, double[] zr, double[] zi) {
        final int j1 = ix.zj1[t], j2 = ix.zj2[t], j = ix.zj[t];
        final int c0 = ix.zCg[t];
        final int off = (j1 + j2 - j) / 2;
        final int o1 = ix.uOffset[j1], o2 = ix.uOffset[j2];
        final int w1 = j1 + 1, w2 = j2 + 1;
        final double[] cg = ix.cg;
        int s = ix.zStore[t];
        for (int mb = 0; 2 * mb <= j; mb++) {
            int maMax = 2 * mb == j ? mb : j;
            int mb1lo = Math.max(0, mb + off - j2), mb1hi = Math.min(j1, mb + off);
            for (int ma = 0; ma <= maMax; ma++, s++) {
                int ma1lo = Math.max(0, ma + off - j2);
                int na = Math.min(j1, ma + off) - ma1lo + 1;
                int ma2hi = ma + off - ma1lo;
                double sumr = 0, sumi = 0;
                for (int mb1 = mb1lo; mb1 <= mb1hi; mb1++) {
                    int mb2 = mb + off - mb1;
                    int i1 = o1 + mb1 * w1 + ma1lo;
                    int i2 = o2 + mb2 * w2 + ma2hi;
                    int ic = c0 + ma1lo * w2 + ma2hi;
                    double sr = 0, si = 0;
                    for (int n = 0; n < na; n++, i1++, i2--, ic += j2) {
                        double c = cg[ic];
                        double u1r = ur[i1], u1i = ui[i1], u2r = ur[i2], u2i = ui[i2];
                        sr += c * (u1r * u2r - u1i * u2i);
                        si += c * (u1r * u2i + u1i * u2r);
                    }
                    double cgb = cg[c0 + mb1 * w2 + mb2];
                    sumr += cgb * sr;
                    sumi += cgb * si;
                }
                zr[s] = sumr;
                zi[s] = sumi;
            }
        }
    }

    /** B of component k (before bzero) from the stored Z of its triple. */
    double b(int k, double[] ur, double[] ui, double[] zr, double[] zi) {
        int t = ix.bZ[k];
        int j = ix.zj[t];
        int o = ix.uOffset[j];
        int s = ix.zStore[t];
        int h = BispectrumIndex.half(j);
        int full = (j & 1) == 0 ? h - 1 : h;
        double sum = 0;
        for (int e = 0; e < full; e++) sum += ur[o + e] * zr[s + e] + ui[o + e] * zi[s + e];
        if (full < h) sum += 0.5 * (ur[o + full] * zr[s + full] + ui[o + full] * zi[s + full]);
        return 2 * sum;
    }

    /**
     * Y on the half layers, pre-multiplied by the weights of the half sum (2, and 1 at the
     * centre of an even layer), so that ∂E = Σ_half Re[conj(∂U)·Y].
     */
    void y(double[] dEdB, double[] zr, double[] zi, double[] yr, double[] yi) {
        Arrays.fill(yr, 0);
        Arrays.fill(yi, 0);
        for (int t = 0; t < ix.zCount; t++) {
            double f = ix.zBetaFactor[t] * dEdB[ix.zBeta[t]];
            if (f == 0) continue;
            int j = ix.zj[t];
            int o = ix.uOffset[j];
            int s = ix.zStore[t];
            int h = BispectrumIndex.half(j);
            for (int e = 0; e < h; e++) {
                yr[o + e] += f * zr[s + e];
                yi[o + e] += f * zi[s + e];
            }
        }
        for (int j = 0; j <= ix.twojmax; j++) {
            int o = ix.uOffset[j];
            int h = BispectrumIndex.half(j);
            int full = (j & 1) == 0 ? h - 1 : h;
            for (int e = o; e < o + full; e++) {
                yr[e] *= 2;
                yi[e] *= 2;
            }
        }
    }
}
