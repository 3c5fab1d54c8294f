package org.scoredos.summary;

/**
 * The compressed tensor summary of one isosurface cell (method.md §3): moments of the
 * per-atom descriptor over the cell's samples, the PCA rotation, fixed-bin histograms of the
 * rotated, mean-centred components, and (once fitted) the score models.
 *
 * @param tau         isosurface label τ = H_e/U_0 (measured mean)
 * @param alpha       conditioning variable α = ln(2H_e/ω̄), Å²
 * @param samples     number of samples folded into the moments
 * @param mean        absolute descriptor mean μ (includes D_0), d values
 * @param covariance  sample covariance (ddof 1), d×d
 * @param eigenvalues eigenvalues of the covariance, ascending, d values
 * @param rotation    d×d; column k is the eigenvector of eigenvalues[k]
 * @param binEdges    per rotated component, bins+1 increasing edges in y = Rᵀ(D − μ)
 * @param counts      per rotated component, bins counts
 * @param scores      fitted score models, or null before fitting
 * @param md          for a cell of MD snapshots (temperature conditioning): T, ⟨U⟩ and the
 *                    frames' effective count; null for other cells
 */
public record CellSummary(
        double tau,
        double alpha,
        long samples,
        double[] mean,
        double[][] covariance,
        double[] eigenvalues,
        double[][] rotation,
        double[][] binEdges,
        long[][] counts,
        ScoreTable scores,
        MdAverages md) implements java.io.Serializable {

    /** A cell that is not one of MD snapshots. */
    public CellSummary(double tau, double alpha, long samples, double[] mean, double[][] covariance, double[] eigenvalues,
            double[][] rotation, double[][] binEdges, long[][] counts, ScoreTable scores) {
        this(tau, alpha, samples, mean, covariance, eigenvalues, rotation, binEdges, counts, scores, null);
    }

    public int components() {
        return mean.length;
    }

    public int bins() {
        return counts[0].length;
    }

    /**
     * A cell from its merged moments and histogram in the fixed {@code frame} (no score models
     * yet): the edges are re-expressed about the merged mean, so they are edges of Wᵀ(D − μ).
     */
    public static CellSummary of(double tau, double alpha, DescriptorMoments moments, CellFrame frame, RotatedHistogram histogram) {
        double[] mean = moments.mean();
        return new CellSummary(tau, alpha, moments.count(), mean, moments.covariance(), frame.eigenvalues().clone(),
                frame.rotation(), frame.edgesAbout(mean), histogram.counts(), null);
    }

    /** The same cell with new score models. */
    public CellSummary withScores(ScoreTable newScores) {
        return new CellSummary(tau, alpha, samples, mean, covariance, eigenvalues, rotation, binEdges, counts, newScores, md);
    }

    /** The same cell with its MD averages. */
    public CellSummary withMd(MdAverages averages) {
        return new CellSummary(tau, alpha, samples, mean, covariance, eigenvalues, rotation, binEdges, counts, scores, averages);
    }
}
