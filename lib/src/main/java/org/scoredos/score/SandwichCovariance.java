package org.scoredos.score;

/**
 * The sampling covariance of one component's score-matching coefficients when its histogram
 * counts are a multinomial draw of n independent samples (the isosurface samplers draw every
 * sample independently): the delta-method ("sandwich") covariance of the closed-form fit.
 *
 * <p>The fit is c = −(A + I/N)⁻¹ b with A = N Σ_j ρ_j φ'_j φ'_jᵀ and b = Σ_j ρ_j φ''_j. A change
 * δρ of the bin frequencies moves c by δc = −(A + I/N)⁻¹ Σ_j δρ_j h_j, h_j = N φ'_j (φ'_j·c) + φ''_j,
 * and Cov(ρ) = (diag ρ − ρρᵀ)/n, so
 *
 * <pre>  Σ_c = (A + I/N)⁻¹ [Σ_j ρ_j h_j h_jᵀ − h̄ h̄ᵀ] (A + I/N)⁻¹ / n,   h̄ = Σ_j ρ_j h_j.</pre>
 *
 * Unlike the reference's covariance (method.md §3, kept in the store), it keeps the correlation
 * between the errors of A and b: the two nearly cancel at the optimum, which is why the
 * reference's bands are far wider than the scatter of fits over independent histograms.
 */
public final class SandwichCovariance {
    private SandwichCovariance() {}

    /**
     * Σ_c of the fit {@code c} of one component: bin centres x_j, counts, crystal of
     * {@code atoms} atoms, the fit's standardisation u = (x − centre)/scale.
     */
    public static double[][] of(PolynomialBasis basis, double[] x, long[] counts, int atoms, double centre, double scale,
            double[] c) {
        int m = basis.size();
        double[] dphi = new double[m], ddphi = new double[m], h = new double[m], hBar = new double[m];
        double[][] ridged = new double[m][m], middle = new double[m][m];
        long total = 0;
        for (long k : counts) total += k;
        double n = atoms;
        for (int j = 0; j < x.length; j++) {
            if (counts[j] == 0) continue;
            double rho = (double) counts[j] / total;
            basis.evaluate((x[j] - centre) / scale, null, dphi, ddphi);
            double slope = 0;
            for (int i = 0; i < m; i++) slope += dphi[i] * c[i];
            for (int i = 0; i < m; i++) h[i] = n * dphi[i] * slope + ddphi[i];
            for (int i = 0; i < m; i++) {
                hBar[i] += rho * h[i];
                for (int l = 0; l < m; l++) {
                    ridged[i][l] += rho * n * dphi[i] * dphi[l];
                    middle[i][l] += rho * h[i] * h[l];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            ridged[i][i] += 1.0 / n;
            for (int l = 0; l < m; l++) middle[i][l] = (middle[i][l] - hBar[i] * hBar[l]) / total;
        }
        LuSolver lu = new LuSolver(m);
        lu.factor(ridged);
        // Σ = R⁻¹ M R⁻¹ (R symmetric): solve the columns of M, then the rows of the result
        double[] column = new double[m];
        double[][] half = new double[m][m];
        for (int l = 0; l < m; l++) {
            for (int i = 0; i < m; i++) column[i] = middle[i][l];
            lu.solve(column);
            for (int i = 0; i < m; i++) half[i][l] = column[i];
        }
        double[][] cov = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(half[i], 0, column, 0, m);
            lu.solve(column);
            for (int l = 0; l < m; l++) cov[i][l] = column[l];
        }
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < i; l++) cov[i][l] = cov[l][i] = 0.5 * (cov[i][l] + cov[l][i]);
        }
        return cov;
    }
}
