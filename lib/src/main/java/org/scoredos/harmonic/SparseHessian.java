package org.scoredos.harmonic;

import java.io.Serializable;
import java.util.Arrays;
import org.scoredos.linalg.Vectors;

/**
 * A Hessian stored as 3×3 blocks between neighbouring atoms (O(N) memory), the same operator
 * as the dense {@link Hessian}: a symmetric matrix S of finite-difference force constants,
 * applied as H = P S P with P = 1 − T Tᵀ removing the three rigid translations T. The dense
 * form keeps exactly that P S P, so the two agree entry for entry.
 *
 * <p>Layout, CSR-like: the entries of row (atom) i are {@code rowStart[i] .. rowStart[i+1]-1},
 * entry e pairing atom i with atom {@code column[e]}, its block the 9 doubles (row-major,
 * [α][β] = ∂²E/∂x_iα∂x_jβ) at {@code pool[9 (blockStart[i] + e − rowStart[i])]}. Atoms a
 * lattice translation relates share one run of the pool (their columns are the translated
 * ones), so a perfect lattice stores the blocks of its primitive cell only.
 */
public final class SparseHessian implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int atoms;
    private final int[] rowStart;
    private final int[] column;
    private final int[] blockStart;
    private final double[] pool;
    private final double[] rowMean; // 3 per coordinate k: (1/N) Σ_j S_{k, jβ}
    private final double[] total;   // 3×3: (1/N) Σ_i rowMean_{iα, β}
    private final double rawAsymmetry;
    private final double rawTranslationForce;

    SparseHessian(int atoms, int[] rowStart, int[] column, int[] blockStart, double[] pool, double rawAsymmetry) {
        this.atoms = atoms;
        this.rowStart = rowStart;
        this.column = column;
        this.blockStart = blockStart;
        this.pool = pool;
        this.rawAsymmetry = rawAsymmetry;
        int n = 3 * atoms;
        rowMean = new double[3 * n];
        double transl = 0;
        for (int i = 0; i < atoms; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int b = 9 * (blockStart[i] + e - rowStart[i]);
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 3; c++) rowMean[3 * (3 * i + a) + c] += pool[b + 3 * a + c];
                }
            }
        }
        total = new double[9];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 3; c++) {
                transl = Math.max(transl, Math.abs(rowMean[3 * k + c]));
                rowMean[3 * k + c] /= atoms;
                total[3 * (k % 3) + c] += rowMean[3 * k + c] / atoms;
            }
        }
        this.rawTranslationForce = transl;
    }

    /** A Hessian read back from its stored arrays (a cache entry), taken over as they are. */
    static SparseHessian stored(int atoms, int[] rowStart, int[] column, int[] blockStart, double[] pool, double rawAsymmetry) {
        return new SparseHessian(atoms, rowStart, column, blockStart, pool, rawAsymmetry);
    }

    int[] rowStarts() {
        return rowStart;
    }

    int[] columns() {
        return column;
    }

    int[] blockStarts() {
        return blockStart;
    }

    double[] pool() {
        return pool;
    }

    public int atoms() {
        return atoms;
    }

    /** 3N. */
    public int dimension() {
        return 3 * atoms;
    }

    /** Stored (atom, atom) blocks, counting shared ones once per row. */
    public long blocks() {
        return column.length;
    }

    /** Distinct stored blocks (a perfect lattice shares them between translated rows). */
    public long distinctBlocks() {
        return pool.length / 9;
    }

    /** Approximate memory held, bytes. */
    public long bytes() {
        return 4L * (rowStart.length + column.length + blockStart.length) + 8L * (pool.length + rowMean.length + total.length);
    }

    /** Entry (k, m) of P S P, eV/Å² (a row scan: for tests and small cells). */
    public double get(int k, int m) {
        int i = k / 3, a = k % 3, j = m / 3, b = m % 3;
        double s = 0;
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
            if (column[e] == j) s += pool[9 * (blockStart[i] + e - rowStart[i]) + 3 * a + b];
        }
        return s + total[3 * a + b] - (rowMean[3 * k + b] + rowMean[3 * m + a]);
    }

    /** The same operator as a dense {@link Hessian} (3N×3N: small cells only). */
    public Hessian toDense() {
        int n = dimension();
        double[] raw = new double[n * n];
        for (int i = 0; i < atoms; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = column[e], p = 9 * (blockStart[i] + e - rowStart[i]);
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) raw[(3 * i + a) * n + 3 * j + b] += pool[p + 3 * a + b];
                }
            }
        }
        return Hessian.fromRaw(atoms, raw);
    }

    /** v minus its mean along x, y and z: the projection P off the rigid translations, in place. */
    public static void removeTranslation(double[] v) {
        int n = v.length / 3;
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += v[3 * i + d];
            mean /= n;
            for (int i = 0; i < n; i++) v[3 * i + d] -= mean;
        }
    }

    /** out = P S P v (flat 3N); v is left unchanged. */
    public void multiply(double[] v, double[] out) {
        double[] w = v.clone();
        removeTranslation(w);
        multiplyStored(w, out);
        removeTranslation(out);
    }

    /** out = S w, the stored blocks only. */
    private void multiplyStored(double[] w, double[] out) {
        for (int i = 0; i < atoms; i++) {
            double y0 = 0, y1 = 0, y2 = 0;
            int p = 9 * blockStart[i];
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++, p += 9) {
                int j = 3 * column[e];
                double x0 = w[j], x1 = w[j + 1], x2 = w[j + 2];
                y0 += pool[p] * x0 + pool[p + 1] * x1 + pool[p + 2] * x2;
                y1 += pool[p + 3] * x0 + pool[p + 4] * x1 + pool[p + 5] * x2;
                y2 += pool[p + 6] * x0 + pool[p + 7] * x1 + pool[p + 8] * x2;
            }
            out[3 * i] = y0;
            out[3 * i + 1] = y1;
            out[3 * i + 2] = y2;
        }
    }

    /** uᵀ H u for a displacement u (flat 3N), eV (twice its harmonic energy). */
    public double quadraticForm(double[] u) {
        double[] w = u.clone();
        removeTranslation(w);
        double[] hw = new double[w.length];
        multiplyStored(w, hw);
        return Vectors.dot(w, hw);
    }

    /** tr(P S P), eV/Å². */
    public double trace() {
        double s = 0;
        for (int i = 0; i < atoms; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                if (column[e] != i) continue;
                int p = 9 * (blockStart[i] + e - rowStart[i]);
                s += pool[p] + pool[p + 4] + pool[p + 8];
            }
        }
        return s - atoms * (total[0] + total[4] + total[8]);
    }

    /** Largest |S_km − S_mk| before symmetrising, eV/Å². */
    public double rawAsymmetry() {
        return rawAsymmetry;
    }

    /** Largest |Σ_j S_{k,jβ}| of the symmetrised blocks: how far they were from the sum rule, eV/Å². */
    public double rawTranslationForce() {
        return rawTranslationForce;
    }

    @Override
    public String toString() {
        return String.format("SparseHessian[%d atoms, %d blocks (%d distinct), %.1f MB]", atoms, column.length, pool.length / 9,
                bytes() / 1e6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseHessian h && atoms == h.atoms && Arrays.equals(rowStart, h.rowStart)
                && Arrays.equals(column, h.column) && Arrays.equals(blockStart, h.blockStart) && Arrays.equals(pool, h.pool);
    }

    @Override
    public int hashCode() {
        return 31 * atoms + Arrays.hashCode(pool);
    }
}
