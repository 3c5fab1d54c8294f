package org.scoredos.store;

/**
 * Histogram edges that are evenly spaced are stored as their first and last edge only, when
 * regenerating them the way numpy's linspace does (first + i·step, step = (last − first)/bins,
 * the last edge set exactly) gives back every stored edge bit for bit; otherwise in full.
 */
final class UniformEdges {
    private UniformEdges() {}

    static double[] generate(double first, double last, int edges) {
        double[] out = new double[edges];
        double step = (last - first) / (edges - 1);
        for (int i = 0; i < edges - 1; i++) out[i] = i * step + first;
        out[edges - 1] = last;
        return out;
    }

    static boolean reproducible(double[] edges) {
        double[] again = generate(edges[0], edges[edges.length - 1], edges.length);
        for (int i = 0; i < edges.length; i++) {
            if (Double.doubleToRawLongBits(again[i]) != Double.doubleToRawLongBits(edges[i])) return false;
        }
        return true;
    }
}
