package org.scoredos.estimate;

/** {@link AlphaScan} in plain Java (the JIT vectorises what it can); also the SIMD passes' remainder lanes. */
final class ScalarAlphaScan implements AlphaScan {
    @Override
    public void fit(double[][] pinv, double[] values, int width, double[] out) {
        fit(pinv, values, width, 0, width, out);
    }

    @Override
    public int scan(double[] slope, int terms, int width, int count, double[] points, double[] scan, int[] lane, int[] interval) {
        return scan(slope, terms, width, 0, width, count, points, scan, lane, interval, 0);
    }

    /** {@link #fit} of lanes [from, to). */
    static void fit(double[][] pinv, double[] values, int width, int from, int to, double[] out) {
        for (int i = 0; i < pinv.length; i++) {
            double[] row = pinv[i];
            int o = i * width;
            java.util.Arrays.fill(out, o + from, o + to, 0);
            for (int a = 0; a < row.length; a++) {
                double r = row[a];
                for (int l = from, v = a * width; l < to; l++) out[o + l] += r * values[v + l];
            }
        }
    }

    /** {@link #scan} of lanes [from, to), its intervals appended to the {@code changes} already in (lane, interval). */
    static int scan(double[] slope, int terms, int width, int from, int to, int count, double[] points, double[] scan, int[] lane,
            int[] interval, int changes) {
        for (int i = 0; i < points.length; i++) {
            double t = points[i];
            int o = i * width;
            System.arraycopy(slope, (terms - 1) * width + from, scan, o + from, to - from);
            for (int j = terms - 2; j >= 0; j--) {
                for (int l = from, c = j * width; l < to; l++) scan[o + l] = scan[o + l] * t + slope[c + l];
            }
        }
        return changes(scan, width, from, Math.min(to, count), 1, points.length, lane, interval, changes);
    }

    /**
     * The intervals (i − 1, i), i in [first, last), where the scan turns from negative to ≥ 0 in lanes [from, to),
     * appended to the {@code changes} already in (lane, interval), interval by interval.
     */
    static int changes(double[] scan, int width, int from, int to, int first, int last, int[] lane, int[] interval, int changes) {
        for (int i = first; i < last; i++) {
            for (int l = from, o = i * width; l < to; l++) {
                if (scan[o - width + l] < 0 && scan[o + l] >= 0) {
                    lane[changes] = l;
                    interval[changes++] = i;
                }
            }
        }
        return changes;
    }
}
