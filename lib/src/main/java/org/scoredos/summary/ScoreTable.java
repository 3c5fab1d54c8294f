package org.scoredos.summary;

/**
 * Fitted score-matching entropy models of one cell, one per rotated component k:
 * S_k(x) = Σ_i coefficients[k][i] φ_i(u) − shift[k], with u = (x − centre[k]) / scale[k] and
 * φ the named polynomial basis of the given order (method.md §3).
 *
 * @param basis        "chebyshev", "hermite" or "monomial"
 * @param order        polynomial order p
 * @param centre       per component, mean of the bin centres (x̄)
 * @param scale        per component, population standard deviation of the bin centres (s)
 * @param coefficients per component, the M basis coefficients
 * @param covariance   per component, the M×M covariance of the coefficients
 * @param shift        per component, the maximum of S over the bins (subtracted so max S = 0)
 */
public record ScoreTable(
        String basis,
        int order,
        double[] centre,
        double[] scale,
        double[][] coefficients,
        double[][][] covariance,
        double[] shift) implements java.io.Serializable {}
