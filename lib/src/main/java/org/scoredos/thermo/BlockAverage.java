package org.scoredos.thermo;

/**
 * The mean of a correlated time series and its standard error from block means: the series
 * is cut into B equal consecutive blocks (a remainder at the start is dropped, as extra
 * equilibration) and the error is the standard deviation of the block means over sqrt(B).
 * Valid when a block is much longer than the correlation time.
 */
public record BlockAverage(double mean, double error, int blocks) {
    /** The block average of the first {@code count} values of {@code series}. */
    public static BlockAverage of(double[] series, int count, int blocks) {
        if (blocks < 2) throw new IllegalArgumentException("need at least 2 blocks, got " + blocks);
        if (count < blocks || count > series.length) {
            throw new IllegalArgumentException(count + " samples cannot fill " + blocks + " blocks");
        }
        int size = count / blocks;
        int first = count - size * blocks;
        double[] means = new double[blocks];
        double total = 0;
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int j = 0; j < size; j++) s += series[first + b * size + j];
            means[b] = s / size;
            total += means[b];
        }
        double mean = total / blocks;
        double var = 0;
        for (double m : means) var += (m - mean) * (m - mean);
        var /= blocks - 1;
        return new BlockAverage(mean, Math.sqrt(var / blocks), blocks);
    }
}
