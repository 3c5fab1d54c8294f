package org.scoredos.descriptor;

import java.util.Arrays;

/**
 * The Clebsch–Gordan contractions of the total densities U^e (one per element with chemflag,
 * else one): Z^{ab}_{j1 j2 j} = Cᵀ(U^a_j1 ⊗ U^b_j2)C on the half layer of j (by a
 * {@link ContractionPlan}) for every ordered pair (a, b), the bispectrum
 * B^{abc} = 2 Σ_half Re[conj(U^c_j) Z^{ab}] (centre of an even layer weighted ½) in LAMMPS's
 * block order ((a·n + b)·n + c), and the adjoint Y^e_j = Σ factor·dE/dB·Z that turns ∂U^e into
 * ∂E. Stateless; arrays come from the caller's workspace.
 */
final class BispectrumContraction {
    private final BispectrumIndex ix;
    private final int channels;
    private final ContractionPlan like;   // U^a ⊗ U^a
    private final ContractionPlan unlike; // U^a ⊗ U^b, a ≠ b (null with one density)
    private final double[] componentScale; // 1/(j+1) with bnormflag, else 1
    private final double[] termFactor;     // what multiplies dE/dB·Z in Y, per Y term of BispectrumIndex

    BispectrumContraction(BispectrumIndex ix, boolean bnorm, int channels) {
        this.ix = ix;
        this.channels = channels;
        this.like = new ContractionPlan(ix, true);
        this.unlike = channels > 1 ? new ContractionPlan(ix, false) : null;
        componentScale = new double[ix.bCount];
        for (int k = 0; k < ix.bCount; k++) componentScale[k] = bnorm ? 1.0 / (ix.bj[k] + 1) : 1;
        // with bnormflag every B_{j1 j2 j} carries 1/(j+1), which cancels the CG-symmetry factor
        termFactor = new double[ix.zTermFactor.length];
        for (int t = 0; t < ix.zCount; t++) {
            for (int q = 3 * t; q < 3 * t + ix.zTermCount[t]; q++) {
                termFactor[q] = bnorm ? 1 / (ix.zj[t] + 1.0) : ix.zTermFactor[q];
            }
        }
    }

    /** 1/(j+1) for component k (of a block) with bnormflag, else 1. */
    double componentScale(int k) {
        return componentScale[k];
    }

    /** Number of densities: elements with chemflag, else 1. */
    int channels() {
        return channels;
    }

    /** Z of the components' triples (what B needs) for every ordered density pair. */
    void componentZ(double[][] ur, double[][] ui, double[][] zr, double[][] zi) {
        z(0, ix.zComponentStoreSize, ur, ui, zr, zi);
    }

    /** Z of the remaining triples (what Y needs besides) for every ordered density pair. */
    void remainingZ(double[][] ur, double[][] ui, double[][] zr, double[][] zi) {
        z(ix.zComponentStoreSize, ix.zStoreSize, ur, ui, zr, zi);
    }

    private void z(int from, int to, double[][] ur, double[][] ui, double[][] zr, double[][] zi) {
        for (int a = 0; a < channels; a++) {
            for (int b = 0; b < channels; b++) {
                int p = a * channels + b;
                (a == b ? like : unlike).z(from, to, ur[a], ui[a], ur[b], ui[b], zr[p], zi[p]);
            }
        }
    }

    /** Every block's B (before bzero; divided by j+1 with bnormflag) into out[block·bCount + k]. */
    void bispectrum(double[][] ur, double[][] ui, double[][] zr, double[][] zi, double[] out) {
        int nb = ix.bCount;
        for (int p = 0; p < channels * channels; p++) {
            for (int c = 0; c < channels; c++) {
                int block = p * channels + c;
                for (int k = 0; k < nb; k++) out[block * nb + k] = b(k, ur[c], ui[c], zr[p], zi[p]);
            }
        }
    }

    private double b(int k, double[] ur, double[] ui, double[] zr, double[] zi) {
        int t = ix.bZ[k];
        int j = ix.zj[t];
        int o = ix.uOffset[j];
        int s = ix.zStore[t];
        int h = BispectrumIndex.half(j);
        int full = (j & 1) == 0 ? h - 1 : h;
        double sum = 0;
        for (int e = 0; e < full; e++) sum += ur[o + e] * zr[s + e] + ui[o + e] * zi[s + e];
        if (full < h) sum += 0.5 * (ur[o + full] * zr[s + full] + ui[o + full] * zi[s + full]);
        return 2 * sum * componentScale[k];
    }

    /**
     * Y^e on the half layers, pre-multiplied by the weights of the half sum (2, and 1 at the
     * centre of an even layer), so that ∂E = Σ_half Re[conj(∂U^e)·Y^e]. {@code dEdB} covers every
     * block, in the order of {@link #bispectrum}.
     */
    void y(double[] dEdB, double[][] zr, double[][] zi, double[][] yr, double[][] yi) {
        int n = channels, nb = ix.bCount;
        for (int e = 0; e < n; e++) {
            Arrays.fill(yr[e], 0);
            Arrays.fill(yi[e], 0);
        }
        for (int e1 = 0; e1 < n; e1++) {
            for (int e2 = 0; e2 < n; e2++) {
                double[] pr = zr[e1 * n + e2], pi = zi[e1 * n + e2];
                for (int e3 = 0; e3 < n; e3++) {
                    // the block of each role: (e1 e2 e3), (e3 e2 e1), (e2 e3 e1)
                    int b0 = ((e1 * n + e2) * n + e3) * nb, b1 = ((e3 * n + e2) * n + e1) * nb, b2 = ((e2 * n + e3) * n + e1) * nb;
                    double[] outR = yr[e3], outI = yi[e3];
                    for (int t = 0; t < ix.zCount; t++) {
                        double f = 0;
                        for (int q = 3 * t; q < 3 * t + ix.zTermCount[t]; q++) {
                            int role = ix.zTermRole[q];
                            int block = role == BispectrumIndex.ROLE_E1_E2_E3 ? b0 : role == BispectrumIndex.ROLE_E3_E2_E1 ? b1 : b2;
                            f += termFactor[q] * dEdB[block + ix.zTerm[q]];
                        }
                        if (f == 0) continue;
                        int o = ix.uOffset[ix.zj[t]];
                        int s = ix.zStore[t];
                        int h = BispectrumIndex.half(ix.zj[t]);
                        for (int e = 0; e < h; e++) {
                            outR[o + e] += f * pr[s + e];
                            outI[o + e] += f * pi[s + e];
                        }
                    }
                }
            }
        }
        for (int e = 0; e < n; e++) {
            for (int j = 0; j <= ix.twojmax; j++) {
                int o = ix.uOffset[j];
                int h = BispectrumIndex.half(j);
                int full = (j & 1) == 0 ? h - 1 : h;
                for (int u = o; u < o + full; u++) {
                    yr[e][u] *= 2;
                    yi[e][u] *= 2;
                }
            }
        }
    }
}
