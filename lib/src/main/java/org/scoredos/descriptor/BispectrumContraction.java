package org.scoredos.descriptor;

import java.util.Arrays;

/**
 * The Clebsch–Gordan contractions of a total U: Z_{j1 j2 j} = Cᵀ(U_j1 ⊗ U_j2)C on the half
 * layer of j (by the {@link ContractionPlan}), the bispectrum B = 2 Σ_half Re[conj(U_j) Z] (centre of an even layer weighted ½),
 * and the adjoint Y_j = Σ factor·dE/dB·Z that turns ∂U into ∂E. Stateless; arrays come from
 * the caller's workspace.
 */
final class BispectrumContraction {
    private final BispectrumIndex ix;
    private final ContractionPlan plan;
    private final double[] componentScale; // 1/(j+1) with bnormflag, else 1
    private final double[] yFactor;        // what multiplies dE/dB·Z_t in Y_j

    BispectrumContraction(BispectrumIndex ix, boolean bnorm) {
        this.ix = ix;
        this.plan = new ContractionPlan(ix);
        componentScale = new double[ix.bCount];
        for (int k = 0; k < ix.bCount; k++) componentScale[k] = bnorm ? 1.0 / (ix.bj[k] + 1) : 1;
        // with bnormflag every B_{j1 j2 j} carries 1/(j+1), which cancels the CG-symmetry factor
        yFactor = new double[ix.zCount];
        for (int t = 0; t < ix.zCount; t++) {
            yFactor[t] = bnorm ? ix.zBetaMultiplicity[t] / (ix.zj[t] + 1.0) : ix.zBetaFactor[t];
        }
    }

    /** 1/(j+1) for component k with bnormflag, else 1. */
    double componentScale(int k) {
        return componentScale[k];
    }

    /** Z of the components' triples (what B needs), from the total U. */
    void componentZ(double[] ur, double[] ui, double[] zr, double[] zi) {
        plan.z(0, ix.zComponentStoreSize, ur, ui, zr, zi);
    }

    /** Z of the remaining triples (what Y needs besides), from the total U. */
    void remainingZ(double[] ur, double[] ui, double[] zr, double[] zi) {
        plan.z(ix.zComponentStoreSize, ix.zStoreSize, ur, ui, zr, zi);
    }

    /** B of component k (before bzero; divided by j+1 with bnormflag) from the stored Z of its triple. */
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
        return 2 * sum * componentScale[k];
    }

    /**
     * Y on the half layers, pre-multiplied by the weights of the half sum (2, and 1 at the
     * centre of an even layer), so that ∂E = Σ_half Re[conj(∂U)·Y].
     */
    void y(double[] dEdB, double[] zr, double[] zi, double[] yr, double[] yi) {
        Arrays.fill(yr, 0);
        Arrays.fill(yi, 0);
        for (int t = 0; t < ix.zCount; t++) {
            double f = yFactor[t] * dEdB[ix.zBeta[t]];
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
