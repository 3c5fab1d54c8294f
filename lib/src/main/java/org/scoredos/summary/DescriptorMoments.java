package org.scoredos.summary;

import java.util.Arrays;

/**
 * Count, mean and co-moment matrix Σ (x − μ)(x − μ)ᵀ of descriptor vectors (method.md §3.1),
 * updated one sample at a time (Welford) and merged exactly (Chan et al.). Floating-point
 * results depend on the order of updates and merges, so campaigns always fold samples in index
 * order within a shard and merge shards in shard order: the same shards then give bit-identical
 * moments however they were distributed.
 */
public final class DescriptorMoments implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private final double[] mean;
    private final double[][] comoment;

    public DescriptorMoments(int components) {
        if (components < 1) throw new IllegalArgumentException("components must be positive: " + components);
        this.mean = new double[components];
        this.comoment = new double[components][components];
    }

    /** Moments restored from stored values (copied). */
    public static DescriptorMoments of(long count, double[] mean, double[][] comoment) {
        if (count < 0) throw new IllegalArgumentException("negative count " + count);
        DescriptorMoments m = new DescriptorMoments(mean.length);
        if (comoment.length != mean.length) throw new IllegalArgumentException("co-moment is not d×d");
        m.count = count;
        System.arraycopy(mean, 0, m.mean, 0, mean.length);
        for (int i = 0; i < mean.length; i++) {
            if (comoment[i].length != mean.length) throw new IllegalArgumentException("co-moment is not d×d");
            System.arraycopy(comoment[i], 0, m.comoment[i], 0, mean.length);
        }
        return m;
    }

    public int components() {
        return mean.length;
    }

    public long count() {
        return count;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** Σ (x − μ)(x − μ)ᵀ, a copy. */
    public double[][] comoment() {
        double[][] c = new double[mean.length][];
        for (int i = 0; i < c.length; i++) c[i] = comoment[i].clone();
        return c;
    }

    /** Sample covariance (ddof 1); zero with fewer than two samples. */
    public double[][] covariance() {
        int d = mean.length;
        double[][] c = new double[d][d];
        if (count < 2) return c;
        double norm = 1.0 / (count - 1);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i][j] = comoment[i][j] * norm;
        return c;
    }

    /** Folds one sample in (Welford). */
    public void add(double[] x) {
        int d = mean.length;
        if (x.length != d) throw new IllegalArgumentException("sample has " + x.length + " components, expected " + d);
        count++;
        double[] before = new double[d];
        for (int i = 0; i < d; i++) {
            before[i] = x[i] - mean[i];
            mean[i] += before[i] / count;
        }
        for (int i = 0; i < d; i++) {
            double after = x[i] - mean[i];
            double[] row = comoment[i];
            // upper triangle only, mirrored below, so the matrix stays exactly symmetric
            for (int j = i; j < d; j++) row[j] += after * before[j];
        }
        mirrorUpper();
    }

    /** Merges {@code other} into this (Chan's pairwise update); {@code other} is unchanged. */
    public void merge(DescriptorMoments other) {
        int d = mean.length;
        if (other.mean.length != d) {
            throw new IllegalArgumentException("cannot merge " + other.mean.length + " components into " + d);
        }
        if (other.count == 0) return;
        if (count == 0) {
            count = other.count;
            System.arraycopy(other.mean, 0, mean, 0, d);
            for (int i = 0; i < d; i++) System.arraycopy(other.comoment[i], 0, comoment[i], 0, d);
            return;
        }
        long n = count + other.count;
        double wa = (double) count / n, wb = (double) other.count / n;
        double[] delta = new double[d];
        for (int i = 0; i < d; i++) delta[i] = other.mean[i] - mean[i];
        double cross = (double) count * wb; // n_a n_b / n
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                comoment[i][j] += other.comoment[i][j] + delta[i] * delta[j] * cross;
            }
        }
        mirrorUpper();
        for (int i = 0; i < d; i++) mean[i] = wa * mean[i] + wb * other.mean[i];
        count = n;
    }

    private void mirrorUpper() {
        for (int i = 1; i < mean.length; i++) for (int j = 0; j < i; j++) comoment[i][j] = comoment[j][i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescriptorMoments m
                && m.count == count
                && Arrays.equals(m.mean, mean)
                && Arrays.deepEquals(m.comoment, comoment);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
    }
}
