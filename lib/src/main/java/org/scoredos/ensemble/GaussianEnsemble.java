package org.scoredos.ensemble;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.scoredos.io.BadInputException;
import org.scoredos.sample.SampleStreams;
import org.scoredos.sample.ShardKey;

/**
 * θ_m = μ + L g_m, g_m standard normal and L Lᵀ = Σ: a Gaussian posterior over the parameters.
 * Member m draws g from its own stream of (seed, m), so it is the same whatever the ensemble
 * size, partitioning or machine. L is Σ's symmetric square root V Λ^½ Vᵀ (eigen-decomposition),
 * so a singular Σ (a posterior flat in some directions is common) is accepted; a Σ that is not
 * symmetric or has a negative eigenvalue is refused.
 */
public final class GaussianEnsemble implements ThetaSource {
    private static final long serialVersionUID = 1L;
    /** Stream index of the draws: never a sample's (0) nor a verify perturbation's (1). */
    private static final long STREAM = 2;

    private final double[] mean;
    /** factor[i][j] = L_ij. */
    private final double[][] factor;
    private final int size;
    private final long seed;

    private GaussianEnsemble(double[] mean, double[][] factor, int size, long seed) {
        if (size < 1) throw new BadInputException("--samples: an ensemble needs at least one member, got " + size);
        this.mean = mean.clone();
        this.factor = factor;
        this.size = size;
        this.seed = seed;
    }

    /**
     * μ with covariance Σ.
     *
     * @param source the covariance's file, named in the refusals
     */
    public static GaussianEnsemble of(double[] mean, double[][] covariance, String source, int size, long seed) {
        int d = mean.length;
        if (covariance.length != d) {
            throw new BadInputException(source + ": " + covariance.length + " rows; the covariance of " + d + " parameters is " + d + " × " + d);
        }
        double scale = 0;
        for (int i = 0; i < d; i++) {
            if (covariance[i].length != d) {
                throw new BadInputException(source + ": row " + (i + 1) + ": " + covariance[i].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new BadInputException(source + ": row " + (i + 1) + ", column " + (j + 1) + ": not a finite number");
                }
                scale = Math.max(scale, Math.abs(covariance[i][j]));
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-12 * scale) {
                    throw new BadInputException(source + ": not symmetric: entry (" + (i + 1) + ", " + (j + 1) + ") is " + covariance[i][j]
                            + ", (" + (j + 1) + ", " + (i + 1) + ") is " + covariance[j][i]);
                }
            }
        }
        RealMatrix sigma = MatrixUtils.createRealMatrix(covariance);
        EigenDecomposition eigen = new EigenDecomposition(sigma.add(sigma.transpose()).scalarMultiply(0.5));
        double[] lambda = eigen.getRealEigenvalues();
        double[][] factor = new double[d][d];
        for (int k = 0; k < d; k++) {
            if (lambda[k] < -1e-10 * scale) {
                throw new BadInputException(source + ": not positive semi-definite: eigenvalue " + lambda[k] + " (largest entry " + scale + ")");
            }
            // eigenvalues at the solver's rounding (~1e-16 of the largest) are zero: flat directions stay flat
            double root = lambda[k] <= 1e-13 * scale ? 0 : Math.sqrt(lambda[k]);
            double[] v = eigen.getEigenvector(k).toArray();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) factor[i][j] += v[i] * root * v[j];
            }
        }
        return new GaussianEnsemble(mean, factor, size, seed);
    }

    /** Independent components with σ_i = s·|μ_i|: a relative spread s around μ. */
    public static GaussianEnsemble relative(double[] mean, double sigma, int size, long seed) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new BadInputException("--relative-sigma: must be finite and ≥ 0, got " + sigma);
        double[][] factor = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) factor[i][i] = sigma * Math.abs(mean[i]);
        return new GaussianEnsemble(mean, factor, size, seed);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int components() {
        return mean.length;
    }

    @Override
    public void theta(int member, double[] out) {
        int d = mean.length;
        double[] g = new double[d];
        SampleStreams.gaussians(SampleStreams.random(new ShardKey(seed, member, 0), STREAM), g);
        for (int i = 0; i < d; i++) {
            double v = mean[i];
            double[] row = factor[i];
            for (int j = 0; j < d; j++) v += row[j] * g[j];
            out[i] = v;
        }
    }
}
