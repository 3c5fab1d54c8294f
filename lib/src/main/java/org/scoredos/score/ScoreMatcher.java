package org.scoredos.score;

import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

/**
 * Score matching of the conditional entropy S_k(y | α) of every rotated component of a cell
 * from its histogram (method.md §3, the reference's {@code match_score}): the closed-form
 * Hyvärinen fit with a 1/N ridge, the coefficient covariance from the sampling variances of A
 * and b, and the shift that puts max S over the bins at 0.
 *
 * <p>The fit is done in the histogram coordinate y = Rᵀ(D − μ), standardised by the unweighted
 * mean and population standard deviation of the bin centres. The reference standardises
 * y − Rᵀ(D_0 − μ) instead; a constant shift leaves u, and so every fitted number, unchanged.
 *
 * <p>One instance holds work arrays: not thread-safe; use one per thread.
 */
public final class ScoreMatcher {
    private final PolynomialBasis basis;
    private final int m;
    private final double[] dphi, ddphi;
    /** φ(u_j) per bin, kept from the accumulation pass for the shift. */
    private double[][] values = new double[0][];
    private final double[][] a, q, bb, ridged, work;
    private final double[] b, w, y, column;
    private final LuSolver lu;
    private final FitGuard guard;
    /** τ of the cell being fitted, for the guards' messages. */
    private double tau;

    /** A matcher that refuses sparse or ill-conditioned fits ({@link BadInputException}). */
    public ScoreMatcher(PolynomialBasis basis) {
        this(basis, null);
    }

    /**
     * A matcher that reports sparse or ill-conditioned fits to {@code warnings} (one line each,
     * naming cell and component) and keeps them; null refuses them instead.
     */
    public ScoreMatcher(PolynomialBasis basis, java.util.function.Consumer<String> warnings) {
        this.basis = basis;
        this.m = basis.size();
        dphi = new double[m];
        ddphi = new double[m];
        a = new double[m][m];
        q = new double[m][m];
        bb = new double[m][m];
        ridged = new double[m][m];
        work = new double[m][m];
        b = new double[m];
        w = new double[m];
        y = new double[m];
        column = new double[m];
        lu = new LuSolver(m);
        guard = new FitGuard(m, warnings);
    }

    public PolynomialBasis basis() {
        return basis;
    }

    /** The phase with every cell's score models (re)fitted in this basis. */
    public PhaseSummary fit(PhaseSummary phase) {
        List<CellSummary> cells = new ArrayList<>(phase.cells().size());
        for (int a = 0; a < phase.cells().size(); a++) {
            CellSummary cell = phase.cells().get(a);
            try {
                cells.add(cell.withScores(fit(cell, phase.reference().atoms())));
            } catch (BadInputException e) {
                throw new BadInputException(phase.name() + ": cell " + a + ": " + e.getMessage(), e);
            }
        }
        return new PhaseSummary(phase.name(), phase.reference(), cells, phase.conditioning(), phase.model());
    }

    /** The score models of every rotated component of one cell of a crystal of {@code atoms} atoms. */
    public ScoreTable fit(CellSummary cell, int atoms) {
        int d = cell.components();
        double[] centre = new double[d], scale = new double[d], shift = new double[d];
        double[][] coefficients = new double[d][m];
        double[][][] covariance = new double[d][m][m];
        double[] centres = new double[cell.bins()];
        tau = cell.tau();
        for (int k = 0; k < d; k++) {
            double[] edges = cell.binEdges()[k];
            for (int j = 0; j < centres.length; j++) centres[j] = 0.5 * (edges[j] + edges[j + 1]);
            fitComponent(centres, cell.counts()[k], atoms, k, centre, scale, coefficients[k], covariance[k], shift);
        }
        return new ScoreTable(basis.name(), basis.order(), centre, scale, coefficients, covariance, shift);
    }

    private void fitComponent(double[] x, long[] counts, int atoms, int k, double[] centre, double[] scale,
            double[] c, double[][] cov, double[] shift) {
        int bins = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= bins;
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean);
        double s = Math.sqrt(var / bins);
        long total = 0;
        for (long n : counts) total += n;
        if (total == 0 || !(s > 0)) {
            throw new BadInputException("component " + k + ": empty or degenerate histogram, no entropy model can be fitted");
        }
        guard.checkOccupancy(counts, tau, k, basis);
        centre[k] = mean;
        scale[k] = s;

        zero(a);
        zero(q);
        zero(bb);
        java.util.Arrays.fill(b, 0);
        ensureBins(bins);
        for (int j = 0; j < bins; j++) {
            basis.evaluate((x[j] - mean) / s, values[j], dphi, ddphi);
            if (counts[j] == 0) continue;
            double rho = (double) counts[j] / total;
            double norm = 0;
            for (int i = 0; i < m; i++) norm += dphi[i] * dphi[i];
            // A, Q and the b-covariance are symmetric: accumulate the upper triangles only
            for (int i = 0; i < m; i++) {
                b[i] += rho * ddphi[i];
                double ri = rho * dphi[i], si = rho * ddphi[i];
                for (int l = i; l < m; l++) {
                    double pp = ri * dphi[l];
                    a[i][l] += pp;
                    q[i][l] += norm * pp;
                    bb[i][l] += si * ddphi[l];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < i; l++) {
                a[i][l] = a[l][i];
                q[i][l] = q[l][i];
                bb[i][l] = bb[l][i];
            }
        }
        guard.checkConditioning(a, tau, k, basis);
        double n = atoms;
        for (int i = 0; i < m; i++) for (int l = 0; l < m; l++) a[i][l] *= n;

        // c = −(I/N + A)⁻¹ b
        for (int i = 0; i < m; i++) {
            System.arraycopy(a[i], 0, ridged[i], 0, m);
            ridged[i][i] += 1.0 / n;
        }
        lu.factor(ridged);
        for (int i = 0; i < m; i++) w[i] = -b[i];
        lu.solve(w);
        System.arraycopy(w, 0, c, 0, m);

        // Σ_c = A⁻¹ (Σ_b A⁻ᵀ + Σ_A y yᵀ), y = A⁻¹ c, without the ridge
        double varA = 3.0 * n * n / total, varB = 3.0 / total;
        lu.factor(a);
        System.arraycopy(w, 0, y, 0, m);
        lu.solve(y);
        // work = (A⁻¹ Σ_bᵀ)ᵀ = Σ_b A⁻ᵀ
        for (int col = 0; col < m; col++) {
            for (int i = 0; i < m; i++) column[i] = varB * (bb[col][i] - b[col] * b[i]);
            lu.solve(column);
            for (int i = 0; i < m; i++) work[col][i] = column[i];
        }
        for (int i = 0; i < m; i++) {
            double sAy = 0;
            for (int l = 0; l < m; l++) {
                double aa = 0;
                for (int t = 0; t < m; t++) aa += a[i][t] * a[t][l];
                sAy += varA * (q[i][l] - aa) * y[l];
            }
            for (int l = 0; l < m; l++) work[i][l] += sAy * y[l];
        }
        for (int col = 0; col < m; col++) {
            for (int i = 0; i < m; i++) column[i] = work[i][col];
            lu.solve(column);
            for (int i = 0; i < m; i++) cov[i][col] = column[i];
        }

        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < bins; j++) {
            double[] phi = values[j];
            double v = 0;
            for (int i = 0; i < m; i++) v += c[i] * phi[i];
            max = Math.max(max, v);
        }
        shift[k] = max;
    }

    private void ensureBins(int bins) {
        if (values.length < bins) values = new double[bins][m];
    }

    private static void zero(double[][] x) {
        for (double[] row : x) java.util.Arrays.fill(row, 0);
    }
}
