package org.scoredos.summary;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.scoredos.io.BadInputException;

/**
 * The fixed frame in which a cell's samples are histogrammed (method.md §3.2–3.3): the centre
 * μ, the PCA rotation W of the covariance (eigenvalues ascending, column k the eigenvector of
 * eigenvalue k) and, per rotated component y_k = (Wᵀ(D − μ))_k, uniform bin edges.
 *
 * <p>Clipping: the edges of component k span ±z·σ_k with σ_k = √λ_k and z the standard-normal
 * quantile of the clipping percentile (0.5 % per side → z ≈ 2.576, the reference's 0.5–99.5
 * percentile range for a Gaussian component). Unlike sample quantiles this needs no extra pass
 * or sketch, and it is a pure function of the merged moments, so it does not depend on how the
 * samples were partitioned. A frame is fixed once a cell is first committed: later samples
 * only add counts.
 *
 * <p>Directions the samples do not span (fewer samples than components, or exactly dependent
 * components) have eigenvalues at rounding level, even slightly negative; their edges use the
 * variance floor {@value #RELATIVE_VARIANCE_FLOOR}·λ_max, so that their samples, which sit at
 * rounding level too, still land in the central bins.
 */
public record CellFrame(double[] centre, double[] eigenvalues, double[][] rotation, double[][] binEdges)
        implements Serializable {

    /** Smallest variance given to a component's edges, relative to the largest eigenvalue. */
    public static final double RELATIVE_VARIANCE_FLOOR = 1e-14;

    public int components() {
        return centre.length;
    }

    public int bins() {
        return binEdges[0].length - 1;
    }

    /**
     * The covariance's eigen-decomposition. With far fewer samples than components the covariance
     * is a low-rank matrix whose QR iteration may not converge: that is too few samples, a user's
     * setting, so it is said as one line (exit 2), not an internal error.
     */
    private static EigenDecomposition diagonalised(DescriptorMoments moments) {
        try {
            return new EigenDecomposition(new Array2DRowRealMatrix(moments.covariance(), false));
        } catch (MaxCountExceededException e) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "samples: the covariance of %d samples of %d descriptor components did not diagonalise; "
                            + "sample more per cell (at least %d, more than the components)", moments.count(), moments.components(),
                    moments.components() + 1));
        }
    }

    /** The frame of merged moments with {@code bins} bins clipped at {@code clipPercent} % per side. */
    public static CellFrame of(DescriptorMoments moments, int bins, double clipPercent) {
        if (bins < 1) throw new IllegalArgumentException("bins must be positive: " + bins);
        if (!(clipPercent > 0 && clipPercent < 50)) {
            throw new IllegalArgumentException("clip percentile must lie in (0, 50): " + clipPercent);
        }
        if (moments.count() < 2) throw new IllegalArgumentException("a frame needs at least two samples");
        int d = moments.components();
        EigenDecomposition eig = diagonalised(moments);
        double[] values = eig.getRealEigenvalues();
        RealMatrix vectors = eig.getV();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));

        double z = new NormalDistribution().inverseCumulativeProbability(1.0 - clipPercent / 100.0);
        double floor = RELATIVE_VARIANCE_FLOOR * Math.max(values[order[d - 1]], 0.0);
        double[] eigenvalues = new double[d];
        double[][] rotation = new double[d][d];
        double[][] edges = new double[d][];
        for (int k = 0; k < d; k++) {
            double[] v = vectors.getColumn(order[k]);
            orient(v);
            for (int i = 0; i < d; i++) rotation[i][k] = v[i];
            eigenvalues[k] = values[order[k]];
            edges[k] = uniformEdges(z * Math.sqrt(Math.max(eigenvalues[k], floor)), bins);
        }
        return new CellFrame(moments.mean(), eigenvalues, rotation, edges);
    }

    /** y = Wᵀ(x − μ), written into {@code y}. */
    public void rotate(double[] x, double[] y) {
        int d = centre.length;
        double[] dx = new double[d];
        for (int i = 0; i < d; i++) dx[i] = x[i] - centre[i];
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (int i = 0; i < d; i++) s += rotation[i][k] * dx[i];
            y[k] = s;
        }
    }

    /**
     * The bin edges re-expressed about another centre μ' (a merged mean after a top-up): the
     * same bins, shifted by Wᵀ(μ − μ') so that they are edges of y' = Wᵀ(D − μ').
     */
    public double[][] edgesAbout(double[] newCentre) {
        double[] shift = new double[centre.length];
        rotate(newCentre, shift); // Wᵀ(μ' − μ)
        double[][] moved = new double[binEdges.length][];
        for (int k = 0; k < moved.length; k++) {
            moved[k] = new double[binEdges[k].length];
            for (int b = 0; b < moved[k].length; b++) moved[k][b] = binEdges[k][b] - shift[k];
        }
        return moved;
    }

    /** The sign of an eigenvector is arbitrary: fix it so its largest-magnitude entry is positive. */
    private static void orient(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[arg])) arg = i;
        if (v[arg] < 0) for (int i = 0; i < v.length; i++) v[i] = -v[i];
    }

    private static double[] uniformEdges(double halfWidth, int bins) {
        // a component without spread still needs increasing edges
        double h = halfWidth > 0 && Double.isFinite(halfWidth) ? halfWidth : Double.MIN_NORMAL * bins;
        double[] e = new double[bins + 1];
        for (int b = 0; b <= bins; b++) e[b] = -h + 2.0 * h * b / bins;
        e[bins] = h;
        return e;
    }
}
