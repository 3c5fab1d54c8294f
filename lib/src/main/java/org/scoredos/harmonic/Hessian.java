package org.scoredos.harmonic;

import org.scoredos.io.BadInputException;

/**
 * The 3N×3N matrix of second derivatives of the potential energy, eV/Å², row and column
 * index 3i+α for atom i and Cartesian direction α. A Hessian is always exactly symmetric and
 * obeys the acoustic sum rule (Σ_j H_{iα,jβ} = 0: a rigid translation costs nothing): raw
 * matrices from finite differences or files are projected onto that subspace when built,
 * and the size of the correction is kept for diagnostics.
 */
public final class Hessian {
    private final int atoms;
    private final double[] h; // row-major, dimension × dimension
    private final double rawAsymmetry;
    private final double rawTranslationForce;

    private Hessian(int atoms, double[] h, double rawAsymmetry, double rawTranslationForce) {
        this.atoms = atoms;
        this.h = h;
        this.rawAsymmetry = rawAsymmetry;
        this.rawTranslationForce = rawTranslationForce;
    }

    /**
     * Symmetrises a raw 3N×3N matrix (row-major, taken over) and enforces the acoustic sum rule
     * by the projection H ← P H P, P = 1 − T Tᵀ with T the three unit rigid translations. P H P
     * is the closest symmetric matrix (Frobenius norm) that leaves translations free.
     */
    static Hessian fromRaw(int atoms, double[] raw) {
        int n = 3 * atoms;
        if (raw.length != (long) n * n) {
            throw new IllegalArgumentException("a Hessian of " + atoms + " atoms has " + (long) n * n + " entries, got " + raw.length);
        }
        double asym = 0;
        for (int k = 0; k < n; k++) {
            for (int m = k + 1; m < n; m++) {
                double a = raw[k * n + m], b = raw[m * n + k];
                if (!Double.isFinite(a) || !Double.isFinite(b)) throw new BadInputException("Hessian entry is not finite");
                asym = Math.max(asym, Math.abs(a - b));
                double s = 0.5 * (a + b);
                raw[k * n + m] = s;
                raw[m * n + k] = s;
            }
            if (!Double.isFinite(raw[k * n + k])) throw new BadInputException("Hessian entry is not finite");
        }
        // rowSum[k][β] = Σ_j H[k][3j+β]: the force change on coordinate k under a rigid shift along β.
        double[] rowMean = new double[3 * n];
        double transl = 0;
        for (int k = 0; k < n; k++) {
            for (int m = 0; m < n; m++) rowMean[3 * k + m % 3] += raw[k * n + m];
            for (int b = 0; b < 3; b++) {
                transl = Math.max(transl, Math.abs(rowMean[3 * k + b]));
                rowMean[3 * k + b] /= atoms;
            }
        }
        double[] total = new double[9];
        for (int k = 0; k < n; k++) for (int b = 0; b < 3; b++) total[3 * (k % 3) + b] += rowMean[3 * k + b] / atoms;
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double t = 0.5 * (total[3 * a + b] + total[3 * b + a]); // equal in exact arithmetic
                total[3 * a + b] = t;
                total[3 * b + a] = t;
            }
        }
        for (int k = 0; k < n; k++) {
            int a = k % 3;
            for (int m = 0; m < n; m++) {
                int b = m % 3;
                // the same operands in the same order for (k, m) and (m, k): the result stays exactly symmetric
                raw[k * n + m] += total[3 * a + b] - (rowMean[3 * k + b] + rowMean[3 * m + a]);
            }
        }
        return new Hessian(atoms, raw, asym, transl);
    }

    /** A finished Hessian read back from a cache entry, taken over bit for bit. */
    static Hessian stored(int atoms, double[] h, double rawAsymmetry, double rawTranslationForce) {
        return new Hessian(atoms, h, rawAsymmetry, rawTranslationForce);
    }

    /** A Hessian from a full 3N×3N array (copied), symmetrised and projected as {@link #fromRaw}. */
    public static Hessian of(double[][] matrix) {
        int n = matrix.length;
        if (n == 0 || n % 3 != 0) throw new BadInputException("a Hessian is 3N×3N; got " + n + " rows");
        double[] flat = new double[n * n];
        for (int k = 0; k < n; k++) {
            if (matrix[k].length != n) throw new BadInputException("Hessian row " + k + " has " + matrix[k].length + " entries, expected " + n);
            System.arraycopy(matrix[k], 0, flat, k * n, n);
        }
        return fromRaw(n / 3, flat);
    }

    public int atoms() {
        return atoms;
    }

    /** 3N. */
    public int dimension() {
        return 3 * atoms;
    }

    /** Entry (k, m), eV/Å². */
    public double get(int k, int m) {
        return h[k * 3 * atoms + m];
    }

    /** The matrix as a fresh 3N×3N array. */
    public double[][] toArray() {
        int n = dimension();
        double[][] a = new double[n][n];
        for (int k = 0; k < n; k++) System.arraycopy(h, k * n, a[k], 0, n);
        return a;
    }

    /** The matrix row-major, a copy. */
    public double[] toFlat() {
        return h.clone();
    }

    /** uᵀ H u for a displacement u (flat 3N), eV. */
    public double quadraticForm(double[] u) {
        int n = dimension();
        double s = 0;
        for (int k = 0; k < n; k++) {
            double row = 0;
            for (int m = 0; m < n; m++) row += h[k * n + m] * u[m];
            s += u[k] * row;
        }
        return s;
    }

    /** Largest |H_km − H_mk| of the raw matrix before symmetrising, eV/Å². */
    public double rawAsymmetry() {
        return rawAsymmetry;
    }

    /** Largest |Σ_j H_{k,jβ}| of the symmetrised matrix before the sum rule was enforced, eV/Å². */
    public double rawTranslationForce() {
        return rawTranslationForce;
    }
}
