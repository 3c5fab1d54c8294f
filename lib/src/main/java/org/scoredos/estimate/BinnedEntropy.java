package org.scoredos.estimate;

import org.scoredos.score.PolynomialBasis;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.ScoreTable;

/**
 * A fitted score model's entropy at its histogram's bin centres: S(x_j) (before the shift that
 * puts its maximum to 0) and the band δS(x_j) = sqrt|φᵀ Σ φ| from the fit's covariance.
 */
final class BinnedEntropy {
    /** Bin centres x_j (the midpoints of the edges). */
    final double[] centres;
    final double[] value, sigma;
    /** The standardised coordinate u = (x − centre)/scale of the bin where S is highest (the first, on ties). */
    final double uMax;

    BinnedEntropy(CellSummary cell, int k) {
        ScoreTable scores = cell.scores();
        PolynomialBasis basis = PolynomialBasis.of(scores.basis(), scores.order());
        int m = basis.size();
        double[] phi = new double[m];
        double[] coef = scores.coefficients()[k];
        double[][] cov = scores.covariance()[k];
        double centre = scores.centre()[k], s = scores.scale()[k];
        double[] edges = cell.binEdges()[k];
        int nb = edges.length - 1;
        centres = new double[nb];
        value = new double[nb];
        sigma = new double[nb];
        double highest = Double.NEGATIVE_INFINITY, top = 0;
        for (int j = 0; j < nb; j++) {
            double c = 0.5 * (edges[j] + edges[j + 1]);
            centres[j] = c;
            basis.evaluate((c - centre) / s, phi, null, null);
            double v = 0, var = 0;
            for (int i = 0; i < m; i++) {
                v += coef[i] * phi[i];
                for (int l = 0; l < m; l++) var += phi[i] * cov[i][l] * phi[l];
            }
            if (v > highest) {
                highest = v;
                top = (c - centre) / s;
            }
            value[j] = v;
            sigma[j] = Math.sqrt(Math.abs(var));
        }
        uMax = top;
    }
}
