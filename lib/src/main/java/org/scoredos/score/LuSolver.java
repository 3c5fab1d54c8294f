package org.scoredos.score;

/**
 * LU factorisation with partial pivoting of a small dense matrix (the M×M score-matching
 * systems, M ≤ 12), as LAPACK's gesv does it; solves reuse one factorisation.
 */
final class LuSolver {
    private final int n;
    private final double[][] lu;
    private final int[] pivot;

    LuSolver(int n) {
        this.n = n;
        this.lu = new double[n][n];
        this.pivot = new int[n];
    }

    /** Factorises a copy of {@code a}. A singular matrix leaves NaN/∞ in later solves. */
    void factor(double[][] a) {
        for (int i = 0; i < n; i++) System.arraycopy(a[i], 0, lu[i], 0, n);
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(lu[r][c]) > Math.abs(lu[p][c])) p = r;
            pivot[c] = p;
            if (p != c) {
                double[] t = lu[p];
                lu[p] = lu[c];
                lu[c] = t;
            }
            double d = lu[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = lu[r][c] / d;
                lu[r][c] = f;
                for (int k = c + 1; k < n; k++) lu[r][k] -= f * lu[c][k];
            }
        }
    }

    /** Solves in place: b ← A⁻¹ b. */
    void solve(double[] b) {
        for (int c = 0; c < n; c++) {
            int p = pivot[c];
            if (p != c) {
                double t = b[p];
                b[p] = b[c];
                b[c] = t;
            }
        }
        for (int r = 0; r < n; r++) {
            double s = b[r];
            for (int k = 0; k < r; k++) s -= lu[r][k] * b[k];
            b[r] = s;
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= lu[r][k] * b[k];
            b[r] = s / lu[r][r];
        }
    }
}
