package org.scoredos.estimate;

import java.util.List;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;

/**
 * The frame term of the calibrated error model (method.md §4, "The frame term"): the
 * covariance between rotated components that the product of 1-D entropies drops, to first
 * order, with its sampling noise.
 *
 * <p>A campaign fixes each cell's frame W (and bin edges) from its first samples; the estimator
 * treats the rotated components x = Wᵀ(D − μ) as independent. The stored covariance C is
 * merged over all samples, so in the frame C̃ = WᵀCW has off-diagonal elements C̃_kl: after a
 * top-up, what the first samples' frame got wrong, and at the frame's own sample count exactly
 * zero. Writing the joint per-atom entropy with that covariance, S(x) = Σ_k S_k(x_k) +
 * (1/2N) Σ_{k≠l} h_k h_l C̃_kl with h_k = x_k/C̃_kk (exact for Gaussian components: it is the
 * first order of −½ xᵀC̃⁻¹x/N in the off-diagonal part), the envelope theorem gives F's first-order
 * change at the product model's own minimisers x*:
 *
 * <pre>  c_a = −(k_B T/2N) Σ_{k≠l} h*_k h*_l C̃_kl,   h*_k = x*_k / C̃_kk</pre>
 *
 * which for Gaussian components (x*_k = −Nβ C̃_kk θ̃_k) is the Gaussian −(Nβ/2) θ̃ᵀ C̃_off θ̃. It is
 * added to each cell's βF(α) before the α fit, so α* and the gradient see it. Its noise: C̃_kl is
 * an estimate from the cell's n samples, and the frame's error that it corrects is itself of
 * that size, so the correction is uncertain by the sampling error of C̃_off·(h hᵀ) — for
 * Gaussian samples Var tr(MĈ) = 2 tr(MCMC)/(n − 1), M = h hᵀ − diag(h²).
 */
final class FrameCorrection {
    /** C̃_kk below this fraction of a cell's largest is rounding, not variance (the W descriptors span 1e-8). */
    private static final double RESOLVED = 1e-12;
    private final int cells, d;
    private final double atoms;
    /** Per cell: C̃ = WᵀCW, d×d row-major, its diagonal included; flattened with stride d². */
    private final double[] framed;
    /** Per table t = a·d + k: 1/C̃_kk, and the score coordinate x = centre + scale·u. */
    private final double[] inverseVariance, centre, scale;
    /** Per cell: n − 1, the merged covariance's degrees of freedom. */
    private final double[] freedom;
    /**
     * Per cell: whether C̃ has off-diagonal correlations above 1e-9 √(C̃_kk C̃_ll) between resolved
     * components; a cell without is skipped (F alone then costs what the reference model's does, and
     * the noise needs only C̃'s diagonal).
     * The rounding of WᵀCW is ~1e-16 of the largest variance, so a frame made from all the cell's
     * samples passes only when its variances span less than ~1e7; its term is then rounding-sized.
     */
    private final boolean[] correlated;

    FrameCorrection(PhaseSummary phase, IsosurfaceCells geometry) {
        cells = geometry.cells;
        d = geometry.d;
        atoms = phase.reference().atoms();
        List<CellSummary> list = phase.cells();
        framed = new double[cells * d * d];
        inverseVariance = new double[cells * d];
        centre = new double[cells * d];
        scale = new double[cells * d];
        freedom = new double[cells];
        correlated = new boolean[cells];
        double[] cw = new double[d];
        for (int a = 0; a < cells; a++) {
            CellSummary cell = list.get(a);
            double[][] c = cell.covariance(), w = cell.rotation();
            int o = a * d * d;
            for (int l = 0; l < d; l++) {
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += c[i][j] * w[j][l];
                    cw[i] = s;
                }
                for (int k = 0; k < d; k++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) s += w[i][k] * cw[i];
                    framed[o + k * d + l] = s;
                }
            }
            // symmetric by construction up to rounding: make it exactly so
            for (int k = 0; k < d; k++) {
                for (int l = k + 1; l < d; l++) {
                    double m = 0.5 * (framed[o + k * d + l] + framed[o + l * d + k]);
                    framed[o + k * d + l] = m;
                    framed[o + l * d + k] = m;
                }
            }
            double largest = 0;
            for (int k = 0; k < d; k++) largest = Math.max(largest, framed[o + k * d + k]);
            for (int k = 0; k < d; k++) {
                int t = a * d + k;
                // a component with no resolvable variance (fewer samples than components: C is singular)
                // has no meaningful h = x/C̃_kk; it is left out of the term
                double v = framed[o + k * d + k];
                inverseVariance[t] = v > RESOLVED * largest ? 1.0 / v : 0;
                centre[t] = cell.scores().centre()[k];
                scale[t] = cell.scores().scale()[k];
            }
            freedom[a] = Math.max(1, cell.samples() - 1);
            for (int k = 0; k < d && !correlated[a]; k++) {
                for (int l = 0; l < k; l++) {
                    if (inverseVariance[a * d + k] == 0 || inverseVariance[a * d + l] == 0) continue;
                    double off = framed[o + k * d + l];
                    if (off * off > 1e-18 * framed[o + k * d + k] * framed[o + l * d + l]) {
                        correlated[a] = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Sets h*_t = x*_t / C̃_kk from the minimisers u* in {@code w}, the products (C̃_off h*)_t, and
     * adds each cell's correction β c_a = −(1/2N) h*ᵀ C̃_off h* to w.g[a]. With {@code noise} (the
     * error bar is wanted) also Σ_l (C̃_kl h*_l)² per table, for {@link #noise}, in the same pass.
     */
    void correct(IsosurfaceWorkspace w, boolean noise) {
        double[] h = w.frameH, ch = w.frameCh, sq = w.frameSquares;
        for (int t = 0; t < h.length; t++) h[t] = (centre[t] + scale[t] * w.ustar[t]) * inverseVariance[t];
        java.util.Arrays.fill(ch, 0);
        if (noise) java.util.Arrays.fill(sq, 0);
        for (int a = 0; a < cells; a++) {
            int o = a * d * d, t0 = a * d;
            if (!correlated[a]) {
                // C̃ is diagonal to rounding (every |C̃_kl| ≤ 1e-9 √(C̃_kk C̃_ll)): no term in F, and the
                // noise's squares are the diagonal's (the rest is below 1e-18 of them), no pass over C̃
                if (noise) {
                    for (int k = 0, t = t0; k < d; k++, t++) {
                        double c = framed[o + k * d + k] * h[t];
                        sq[t] = c * c;
                    }
                }
                continue;
            }
            // C̃ is symmetric, so C̃h* is the sum of its rows scaled by h*_l: loops over k that the JIT
            // can vectorise, where a dot product per row is one serial chain of additions
            if (noise) {
                for (int l = 0; l < d; l++) {
                    double hl = h[t0 + l];
                    for (int k = 0, row = o + l * d; k < d; k++) {
                        double c = framed[row + k] * hl;
                        ch[t0 + k] += c;
                        sq[t0 + k] += c * c;
                    }
                }
            } else {
                for (int l = 0; l < d; l++) {
                    double hl = h[t0 + l];
                    for (int k = 0, row = o + l * d; k < d; k++) ch[t0 + k] += framed[row + k] * hl;
                }
            }
            double q = 0;
            for (int k = 0, t = t0; k < d; k++, t++) {
                ch[t] -= framed[o + k * d + k] * h[t];
                q += h[t] * ch[t];
            }
            w.g[a] -= q / (2 * atoms);
        }
    }

    /**
     * ∂c_a/∂θ̃_t for the smooth estimator: c_a moves with θ̃ only through x*, and
     * d(x*)/dθ̃ = β scale²/S''(u*) where u* solves S'(u*) = βθ̃·scale inside the range (0 where it sits
     * on an end of the range or of a concave piece). {@code curvature[t]}: S''(u*_t), or 0 there.
     * Adds w_a ∂c_a/∂θ̃_t to {@code v[t]}.
     */
    void addGradient(double[] weights, double[] curvature, IsosurfaceWorkspace w, double[] v) {
        double[] ch = w.frameCh;
        for (int a = 0; a < cells; a++) {
            double wa = weights[a];
            for (int k = 0, t = a * d; k < d; k++, t++) {
                if (curvature[t] < 0) v[t] -= wa * ch[t] * inverseVariance[t] * scale[t] * scale[t] / (atoms * curvature[t]);
            }
        }
    }

    /**
     * The sampling standard deviation of Σ_a w_a c_a (cells independent), eV/atom: per cell
     * (k_B T/2N)² · 2 tr(MC̃MC̃)/(n − 1) with M = h hᵀ − diag(h²), from the last {@link #correct}
     * (made with {@code noise}).
     */
    double noise(double kT, double[] weights, IsosurfaceWorkspace w) {
        double[] h = w.frameH, ch = w.frameCh, sq = w.frameSquares;
        double var = 0;
        for (int a = 0; a < cells; a++) {
            int o = a * d * d, t0 = a * d;
            // C̃h = diag part + off part; tr(MCMC) = (hᵀC̃h)² − 2 Σ_k h_k² (C̃h)_k² + Σ_kl h_k² h_l² C̃_kl²
            double quad = 0, cross = 0, squares = 0;
            for (int k = 0; k < d; k++) {
                int t = t0 + k;
                double hk = h[t], full = ch[t] + framed[o + k * d + k] * hk;
                quad += hk * full;
                cross += hk * hk * full * full;
                squares += hk * hk * sq[t];
            }
            double trace = Math.max(0, quad * quad - 2 * cross + squares);
            var += weights[a] * weights[a] * 2 * trace / freedom[a];
        }
        return kT / (2 * atoms) * Math.sqrt(var);
    }

    /**
     * The sampling standard deviation of the frame term's share of F_a − F_b, two evaluations'
     * workspaces (each {@link #correct}ed with {@code noise}): per cell (k_B T/2N)² · 2 tr(ΔM C̃ ΔM C̃)/(n − 1)
     * with ΔM = w_a M_a − w_b M_b, both from the one C̃ the cell's samples gave; eV/atom.
     */
    double differenceNoise(double kT, IsosurfaceWorkspace a, IsosurfaceWorkspace b) {
        double[] ha = a.frameH, hb = b.frameH;
        double var = 0;
        for (int c = 0; c < cells; c++) {
            double wa = a.weights[c], wb = b.weights[c];
            int t0 = c * d;
            double trace = wa * wa * trace(c, ha, t0, ha, t0) + wb * wb * trace(c, hb, t0, hb, t0) - 2 * wa * wb * trace(c, ha, t0, hb, t0);
            var += 2 * Math.max(0, trace) / freedom[c];
        }
        return kT / (2 * atoms) * Math.sqrt(var);
    }

    /**
     * tr(M_x C̃ M_y C̃) of cell c, M = h hᵀ − diag(h²): (xᵀC̃y)² − Σ_k y_k² (C̃x)_k² − Σ_k x_k² (C̃y)_k² + Σ_kl x_k² y_l² C̃_kl².
     */
    private double trace(int c, double[] x, int ox, double[] y, int oy) {
        int o = c * d * d;
        double xy = 0, ycx = 0, xcy = 0, squares = 0;
        for (int k = 0; k < d; k++) {
            double cx = 0, cy = 0, sq = 0;
            for (int l = 0; l < d; l++) {
                double ckl = framed[o + k * d + l];
                cx += ckl * x[ox + l];
                cy += ckl * y[oy + l];
                sq += ckl * ckl * y[oy + l] * y[oy + l];
            }
            double xk = x[ox + k], yk = y[oy + k];
            xy += xk * cy;
            ycx += yk * yk * cx * cx;
            xcy += xk * xk * cy * cy;
            squares += xk * xk * sq;
        }
        return xy * xy - ycx - xcy + squares;
    }
}
