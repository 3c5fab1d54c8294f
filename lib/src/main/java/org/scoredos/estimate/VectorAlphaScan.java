package org.scoredos.estimate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AlphaScan} with SIMD over lanes (mul then add, as the one-lane path): the fit's sums and each
 * grid point's Horner sum one lane vector at a time, the sign changes of p′ by masks beside them;
 * lanes past the last whole vector by {@link ScalarAlphaScan}. Loaded only where the JVM has the module.
 */
final class VectorAlphaScan implements AlphaScan {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void fit(double[][] pinv, double[] values, int width, double[] out) {
        int bound = S.loopBound(width);
        for (int i = 0; i < pinv.length; i++) {
            double[] row = pinv[i];
            for (int l = 0; l < bound; l += S.length()) {
                DoubleVector s = DoubleVector.zero(S);
                for (int a = 0; a < row.length; a++) s = s.add(DoubleVector.fromArray(S, values, a * width + l).mul(row[a]));
                s.intoArray(out, i * width + l);
            }
        }
        ScalarAlphaScan.fit(pinv, values, width, bound, width, out);
    }

    /**
     * p′ of the quintic (5 terms, on a grid of 4k intervals; others by {@link ScalarAlphaScan}): per lane vector its coefficients held
     * in registers, four grid points per step (four independent Horner chains), and one mask for the four
     * intervals that end at them; where a lane turns positive, those intervals are listed lane by lane.
     */
    @Override
    public int scan(double[] slope, int terms, int width, int count, double[] points, double[] scan, int[] lane, int[] interval) {
        if (terms != 5 || (points.length - 1) % 4 != 0) return ScalarAlphaScan.scan(slope, terms, width, 0, width, count, points, scan, lane, interval, 0);
        int bound = S.loopBound(width), changes = 0;
        for (int l = 0; l < bound; l += S.length()) {
            DoubleVector d0 = DoubleVector.fromArray(S, slope, l), d1 = DoubleVector.fromArray(S, slope, width + l),
                    d2 = DoubleVector.fromArray(S, slope, 2 * width + l), d3 = DoubleVector.fromArray(S, slope, 3 * width + l),
                    d4 = DoubleVector.fromArray(S, slope, 4 * width + l);
            int end = Math.min(l + S.length(), count);
            double t = points[0];
            d4.mul(t).add(d3).mul(t).add(d2).mul(t).add(d1).mul(t).add(d0).intoArray(scan, l);
            for (int i = 1; i < points.length; i += 4) {
                double t0 = points[i], t1 = points[i + 1], t2 = points[i + 2], t3 = points[i + 3];
                DoubleVector before = DoubleVector.fromArray(S, scan, (i - 1) * width + l);
                DoubleVector v0 = d4.mul(t0).add(d3).mul(t0).add(d2).mul(t0).add(d1).mul(t0).add(d0);
                DoubleVector v1 = d4.mul(t1).add(d3).mul(t1).add(d2).mul(t1).add(d1).mul(t1).add(d0);
                DoubleVector v2 = d4.mul(t2).add(d3).mul(t2).add(d2).mul(t2).add(d1).mul(t2).add(d0);
                DoubleVector v3 = d4.mul(t3).add(d3).mul(t3).add(d2).mul(t3).add(d1).mul(t3).add(d0);
                v0.intoArray(scan, i * width + l);
                v1.intoArray(scan, (i + 1) * width + l);
                v2.intoArray(scan, (i + 2) * width + l);
                v3.intoArray(scan, (i + 3) * width + l);
                VectorMask<Double> up = before.lt(0.0).and(v0.compare(VectorOperators.GE, 0.0))
                        .or(v0.lt(0.0).and(v1.compare(VectorOperators.GE, 0.0)))
                        .or(v1.lt(0.0).and(v2.compare(VectorOperators.GE, 0.0)))
                        .or(v2.lt(0.0).and(v3.compare(VectorOperators.GE, 0.0)));
                if (up.anyTrue()) changes = ScalarAlphaScan.changes(scan, width, l, end, i, i + 4, lane, interval, changes);
            }
        }
        if (bound == width) return changes;
        return ScalarAlphaScan.scan(slope, terms, width, bound, width, count, points, scan, lane, interval, changes);
    }
}
