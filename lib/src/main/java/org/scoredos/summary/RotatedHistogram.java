package org.scoredos.summary;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Counts of the rotated components y = Wᵀ(D − μ) of a cell's samples in the fixed bins of its
 * {@link CellFrame}. Samples outside a component's edges are not counted in that component
 * (clipping). With the bins fixed, histograms merge by adding counts, in any order, exactly.
 */
public final class RotatedHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[][] counts;

    public RotatedHistogram(int components, int bins) {
        this.counts = new long[components][bins];
    }

    /** A histogram restored from stored counts (copied). */
    public static RotatedHistogram of(long[][] counts) {
        RotatedHistogram h = new RotatedHistogram(counts.length, counts[0].length);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k].length != h.counts[k].length) throw new IllegalArgumentException("ragged counts");
            System.arraycopy(counts[k], 0, h.counts[k], 0, counts[k].length);
        }
        return h;
    }

    /** Rotates {@code x} in {@code frame} and counts each component in its bin. */
    public void add(CellFrame frame, double[] x) {
        if (frame.components() != counts.length || frame.bins() != counts[0].length) {
            throw new IllegalArgumentException("frame and histogram shapes differ");
        }
        double[] y = new double[counts.length];
        frame.rotate(x, y);
        double[][] edges = frame.binEdges();
        for (int k = 0; k < y.length; k++) {
            int b = bin(edges[k], y[k]);
            if (b >= 0) counts[k][b]++;
        }
    }

    public void merge(RotatedHistogram other) {
        if (other.counts.length != counts.length || other.counts[0].length != counts[0].length) {
            throw new IllegalArgumentException("histogram shapes differ");
        }
        for (int k = 0; k < counts.length; k++) for (int b = 0; b < counts[k].length; b++) counts[k][b] += other.counts[k][b];
    }

    /** Per component, per bin counts (a copy). */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int k = 0; k < c.length; k++) c[k] = counts[k].clone();
        return c;
    }

    /** The bin of y in increasing edges (the last bin includes its upper edge), or −1 outside. */
    static int bin(double[] edges, double y) {
        int bins = edges.length - 1;
        if (!(y >= edges[0] && y <= edges[bins])) return -1;
        int b = (int) ((y - edges[0]) / (edges[bins] - edges[0]) * bins);
        b = Math.min(Math.max(b, 0), bins - 1);
        // the division can land one bin off near an edge: settle it against the edges themselves
        while (b > 0 && y < edges[b]) b--;
        while (b < bins - 1 && y >= edges[b + 1]) b++;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotatedHistogram h && Arrays.deepEquals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }
}
