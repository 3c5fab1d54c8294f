package org.scoredos.estimate;

/**
 * The reference's Legendre transform over histogram bins, min_j (s·x_j − S_j), for many
 * (cell, component) tables at once. Only the vertices of the lower convex hull of the points
 * (x_j, −S_j) can be minimisers, ordered by the slope ranges where they win, so each query is a
 * binary search over a few dozen slopes instead of a scan of every bin; the minimum is the same.
 */
final class BinGridConjugate {
    private final int[] start;
    private final double[] vx, vf;
    /** edge[v]: slope of the hull edge from vertex v to v+1 (+∞ after the last vertex). */
    private final double[] edge;

    /** x[t][j], values[t][j] = S_j: one table per (cell, component) t. */
    BinGridConjugate(double[][] x, double[][] values) {
        int tables = x.length;
        start = new int[tables + 1];
        int total = 0;
        for (double[] row : x) total += row.length;
        double[] hx = new double[total], hf = new double[total], he = new double[total];
        int used = 0;
        int[] stack = new int[x[0].length];
        for (int t = 0; t < tables; t++) {
            double[] xs = x[t], s = values[t];
            int top = 0;
            for (int j = 0; j < xs.length; j++) {
                // lower hull of (x, −S): drop the last vertex while it lies on or above the chord
                while (top >= 2) {
                    int p = stack[top - 2], q = stack[top - 1];
                    double cross = (xs[q] - xs[p]) * (-s[j] + s[p]) - (-s[q] + s[p]) * (xs[j] - xs[p]);
                    if (cross > 0) break;
                    top--;
                }
                stack[top++] = j;
            }
            start[t] = used;
            for (int v = 0; v < top; v++) {
                int j = stack[v];
                hx[used + v] = xs[j];
                hf[used + v] = -s[j];
            }
            for (int v = 0; v < top - 1; v++) {
                he[used + v] = (hf[used + v + 1] - hf[used + v]) / (hx[used + v + 1] - hx[used + v]);
            }
            he[used + top - 1] = Double.POSITIVE_INFINITY;
            used += top;
        }
        start[tables] = used;
        vx = java.util.Arrays.copyOf(hx, used);
        vf = java.util.Arrays.copyOf(hf, used);
        edge = java.util.Arrays.copyOf(he, used);
    }

    /**
     * min_j (s·x_j − S_j) of table t: the first hull vertex whose right edge is at least as
     * steep as −s, by binary search (branchy: measured faster than conditional moves, and than
     * a bucket index, because successive evaluations repeat the same search paths).
     */
    double min(int t, double s) {
        int v = vertex(t, s);
        return s * vx[v] + vf[v];
    }

    /** The bin x_j at which table t attains {@link #min}. */
    double argmin(int t, double s) {
        return vx[vertex(t, s)];
    }

    private int vertex(int t, double s) {
        int lo = start[t], hi = start[t + 1] - 1;
        double slope = -s;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edge[mid] < slope) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
