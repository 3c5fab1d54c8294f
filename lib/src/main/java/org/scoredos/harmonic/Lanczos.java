package org.scoredos.harmonic;

import java.util.Arrays;
import org.scoredos.linalg.Vectors;

/**
 * The Lanczos tridiagonalisation of a {@link SparseHessian} from one starting vector (in the
 * subspace orthogonal to rigid translations), without re-orthogonalisation: its Ritz values
 * bound the spectrum from inside, and its Gauss quadrature gives vᵀ f(H) v for smooth f,
 * which loss of orthogonality does not spoil (Golub &amp; Meurant, Matrices, Moments and
 * Quadrature, 2010).
 */
final class Lanczos {
    private final double[] alpha;
    private final double[] beta;
    private final int steps;

    private Lanczos(double[] alpha, double[] beta, int steps) {
        this.alpha = alpha;
        this.beta = beta;
        this.steps = steps;
    }

    /** Interface for the check that ends the iteration early: called every 10 steps. */
    interface Converged {
        boolean test(Lanczos sofar);
    }

    /** Runs up to {@code maxSteps} steps from {@code start} (projected off translations and normalised here). */
    static Lanczos run(SparseHessian h, double[] start, int maxSteps, Converged converged) {
        int n = h.dimension();
        double[] v = start.clone();
        SparseHessian.removeTranslation(v);
        scale(v, 1 / Vectors.norm(v));
        double[] previous = new double[n];
        double[] w = new double[n];
        double[] a = new double[maxSteps];
        double[] b = new double[maxSteps];
        int k = 0;
        double last = 0, scale = 0;
        while (k < maxSteps) {
            h.multiply(v, w);
            double ak = Vectors.dot(w, v);
            for (int q = 0; q < n; q++) w[q] -= ak * v[q] + last * previous[q];
            // Rounding would otherwise seed the zero (translation) eigenvalue, which Lanczos then finds.
            SparseHessian.removeTranslation(w);
            a[k] = ak;
            scale = Math.max(scale, Math.abs(ak));
            double bk = Vectors.norm(w);
            b[k] = bk;
            k++;
            // an invariant subspace (tiny β) makes the quadrature exact: stop there
            if (bk <= 1e-10 * scale || (k % 10 == 0 && converged.test(new Lanczos(a, b, k)))) break;
            double[] t = previous;
            previous = v;
            v = t;
            for (int q = 0; q < n; q++) v[q] = w[q] / bk;
            last = bk;
        }
        return new Lanczos(Arrays.copyOf(a, k), Arrays.copyOf(b, k), k);
    }

    int steps() {
        return steps;
    }

    /** The Ritz values, increasing. */
    double[] ritzValues() {
        double[] r = eigen()[0];
        Arrays.sort(r);
        return r;
    }

    /** Gauss quadrature of vᵀ ln(H) v for the normalised start vector v. */
    double logQuadrature() {
        double[][] e = eigen();
        double s = 0;
        for (int k = 0; k < steps; k++) s += e[1][k] * e[1][k] * Math.log(e[0][k]);
        return s;
    }

    /**
     * {eigenvalues, first components of the unit eigenvectors} of the tridiagonal matrix
     * (implicit QL with Wilkinson shifts, the eigenvectors reduced to their first row, as in
     * Golub–Welsch quadrature).
     */
    private double[][] eigen() {
        int n = steps;
        double[] d = Arrays.copyOf(alpha, n);
        double[] e = new double[n];
        System.arraycopy(beta, 0, e, 0, n - 1);
        double[] z = new double[n];
        z[0] = 1;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 1e-15 * dd) break;
                }
                if (m != l) {
                    if (iterations++ == 100) throw new IllegalStateException("tridiagonal eigenvalues did not converge");
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1, c = 1, p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i], b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        double zf = z[i + 1];
                        z[i + 1] = s * z[i] + c * zf;
                        z[i] = c * z[i] - s * zf;
                    }
                    if (r == 0 && i >= l) continue;
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
        return new double[][] {d, z};
    }

    private static void scale(double[] x, double f) {
        for (int k = 0; k < x.length; k++) x[k] *= f;
    }
}
