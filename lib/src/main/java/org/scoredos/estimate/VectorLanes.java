package org.scoredos.estimate;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link LaneKernel} with SIMD over the temperatures: every lane of a vector is the same table
 * (so the polynomial coefficients are broadcast, never gathered) at another temperature. Each step
 * is the scalar path's operation for operation (the same products, sums and fused multiply-adds in
 * the same order, so the same bits): the candidate lookup as a count of thresholds above s', the
 * Hermite seed (its knots fetched lane by lane: JDK 17 has no fast gather), two Newton steps for
 * every lane with the second one's result kept where the first had not converged, and the scalar
 * continuation for the few lanes Newton has not settled. Loaded only where the JVM has the module
 * ({@link LaneKernel#of}).
 */
final class VectorLanes implements LaneKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int N = S.length();
    private static final double TOLERANCE = 1e-5;
    /** Lane numbers 0 … N − 1, for the masks of a run's lanes. */
    private static final double[] LANE = new double[N];

    static {
        for (int l = 0; l < N; l++) LANE[l] = l;
    }

    private final PolynomialConjugate e;
    private final IsosurfaceCells cells;
    private final TableSeries band, sampling;

    /** {@code sampling}: null without the calibrated error model. */
    VectorLanes(PolynomialConjugate entropy, IsosurfaceCells cells, TableSeries band, TableSeries sampling) {
        this.e = entropy;
        this.cells = cells;
        this.band = band;
        this.sampling = sampling;
    }

    @Override
    public int laneMultiple() {
        return N;
    }

    @Override
    public void transforms(double[] rotated, TemperatureLanes lanes, CellSum sum, SlopeInterpolants fit) {
        int d = cells.d, width = lanes.width, deg = e.deg;
        double[] beta = lanes.beta, u = lanes.ustar, g = lanes.g, slope = lanes.slope;
        Arrays.fill(g, 0);
        Arrays.fill(lanes.band, 0);
        for (int a = 0; a < cells.cells; a++) {
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double rot = rotated[t], scale = cells.scale[t], offset = cells.offset[t];
                int row = t * width, cell = a * width;
                if (fit != null && fit.legendre[t] && fit.pieces(t) == 1) {
                    legendre(fit, fit.first[t], lanes, rot, scale, offset, cell); // F only, one piece: s', its value and the sum in one pass
                    continue;
                }
                if (fit != null && !fit.legendre[t] && fit.pieces(t) == 1) {
                    interpolated(fit, t, lanes, rot, scale, offset, row, cell); // one piece: s', u*, S(u*) and the sum in one pass
                    if (sum == CellSum.BAND) sum(band, t, row, cell, lanes, false);
                    else if (sum == CellSum.SAMPLING) sum(sampling, t, row, cell, lanes, true);
                    continue;
                }
                if (fit != null && !fit.legendre[t] && !fit.exact(t) && lanes.monotone) {
                    runs(fit, t, lanes, rot, scale, offset, row, cell); // several pieces, each one run of lanes: one pass over each, one over the lanes
                    if (sum == CellSum.BAND) sum(band, t, row, cell, lanes, false);
                    else if (sum == CellSum.SAMPLING) sum(sampling, t, row, cell, lanes, true);
                    continue;
                }
                for (int l = 0; l < width; l += N) DoubleVector.fromArray(S, beta, l).mul(rot).mul(scale).intoArray(slope, l);
                if (fit != null && fit.legendre[t]) {
                    legendre(fit, t, lanes, rot, offset, cell); // F only: u* is not read, nor an error bar summed
                    continue;
                }
                if (fit != null && !fit.exact(t)) interpolate(fit, t, lanes, row);
                else if (e.concave[t]) solve(t, e.pieceStart[t], lanes, row, -1);
                else solveSwitching(t, lanes, row);
                double[] entropy = lanes.k0;
                horner(e.s, t * (deg + 1), deg + 1, u, row, entropy, width);
                for (int l = 0; l < width; l += N) {
                    DoubleVector x = DoubleVector.fromArray(S, u, row + l);
                    DoubleVector rb = DoubleVector.fromArray(S, beta, l).mul(rot);
                    DoubleVector term = rb.mul(offset).add(DoubleVector.fromArray(S, slope, l).mul(x)).sub(DoubleVector.fromArray(S, entropy, l));
                    DoubleVector.fromArray(S, g, cell + l).add(term).intoArray(g, cell + l);
                }
                if (sum == CellSum.BAND) sum(band, t, row, cell, lanes, false);
                else if (sum == CellSum.SAMPLING) sum(sampling, t, row, cell, lanes, true);
            }
        }
    }

    /** Adds table t's term to its cell's sum: √|series(u*)| (the reference band) or, for a variance, max(0, series(u*)). */
    private static void sum(TableSeries series, int t, int row, int cell, TemperatureLanes lanes, boolean variance) {
        double[] q = lanes.band, term = lanes.k1;
        int stride = series.stride();
        horner(series.coefficients(), t * stride, stride, lanes.ustar, row, term, lanes.width);
        for (int l = 0; l < lanes.width; l += N) {
            DoubleVector v = DoubleVector.fromArray(S, term, l);
            v = variance ? v.max(0.0) : v.abs().sqrt();
            DoubleVector.fromArray(S, q, cell + l).add(v).intoArray(q, cell + l);
        }
    }

    /** Where only F is wanted: table t's interpolated Legendre value s'u* − S(u*), plus βθ̃·offset, added to its cell's sum. */
    private static void legendre(SlopeInterpolants f, int t, TemperatureLanes lanes, double rot, double offset, int cell) {
        double[] h = lanes.seed, g = lanes.g;
        interpolants(f, t, lanes, h, 0);
        for (int l = 0; l < lanes.width; l += N) {
            DoubleVector rb = DoubleVector.fromArray(S, lanes.beta, l).mul(rot);
            DoubleVector term = rb.mul(offset).add(DoubleVector.fromArray(S, h, l));
            DoubleVector.fromArray(S, g, cell + l).add(term).intoArray(g, cell + l);
        }
    }

    /**
     * {@link #legendre(SlopeInterpolants, int, TemperatureLanes, double, double, int)} for a table of one piece j, in one
     * pass over the lanes: each lane's s', the piece's Clenshaw sum and the cell's sum, four lane vectors at a time
     * (the same operations as the separate passes, the same bits).
     */
    private static void legendre(SlopeInterpolants f, int j, TemperatureLanes lanes, double rot, double scale, double offset, int cell) {
        double[] c = f.coefficients, beta = lanes.beta, g = lanes.g;
        int o = f.start[j], n = f.degree[j], width = lanes.width, l = 0;
        double centre = f.centre[j], inverse = f.inverse[j], apex = f.apex[j], side = f.side[j];
        for (; l + 4 * N <= width; l += 4 * N) {
            DoubleVector r0 = DoubleVector.fromArray(S, beta, l).mul(rot), r1 = DoubleVector.fromArray(S, beta, l + N).mul(rot);
            DoubleVector r2 = DoubleVector.fromArray(S, beta, l + 2 * N).mul(rot), r3 = DoubleVector.fromArray(S, beta, l + 3 * N).mul(rot);
            DoubleVector z0 = r0.mul(scale), z1 = r1.mul(scale), z2 = r2.mul(scale), z3 = r3.mul(scale);
            if (side != 0) {
                z0 = z0.sub(apex).mul(side).sqrt();
                z1 = z1.sub(apex).mul(side).sqrt();
                z2 = z2.sub(apex).mul(side).sqrt();
                z3 = z3.sub(apex).mul(side).sqrt();
            }
            DoubleVector x0 = z0.sub(centre).mul(inverse), x1 = z1.sub(centre).mul(inverse);
            DoubleVector x2 = z2.sub(centre).mul(inverse), x3 = z3.sub(centre).mul(inverse);
            DoubleVector y0 = x0.add(x0), y1 = x1.add(x1), y2 = x2.add(x2), y3 = x3.add(x3);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int k = o + n; k > o; k--) {
                DoubleVector ck = DoubleVector.broadcast(S, c[k]);
                DoubleVector n0 = y0.fma(a0, ck.sub(b0)), n1 = y1.fma(a1, ck.sub(b1));
                DoubleVector n2 = y2.fma(a2, ck.sub(b2)), n3 = y3.fma(a3, ck.sub(b3));
                b0 = a0;
                b1 = a1;
                b2 = a2;
                b3 = a3;
                a0 = n0;
                a1 = n1;
                a2 = n2;
                a3 = n3;
            }
            DoubleVector c0 = DoubleVector.broadcast(S, c[o]);
            DoubleVector.fromArray(S, g, cell + l).add(r0.mul(offset).add(x0.fma(a0, c0.sub(b0)))).intoArray(g, cell + l);
            DoubleVector.fromArray(S, g, cell + l + N).add(r1.mul(offset).add(x1.fma(a1, c0.sub(b1)))).intoArray(g, cell + l + N);
            DoubleVector.fromArray(S, g, cell + l + 2 * N).add(r2.mul(offset).add(x2.fma(a2, c0.sub(b2)))).intoArray(g, cell + l + 2 * N);
            DoubleVector.fromArray(S, g, cell + l + 3 * N).add(r3.mul(offset).add(x3.fma(a3, c0.sub(b3)))).intoArray(g, cell + l + 3 * N);
        }
        for (; l < width; l += N) {
            DoubleVector rb = DoubleVector.fromArray(S, beta, l).mul(rot), z = rb.mul(scale);
            if (side != 0) z = z.sub(apex).mul(side).sqrt();
            DoubleVector x = z.sub(centre).mul(inverse);
            DoubleVector b1 = DoubleVector.zero(S), b2 = b1, x2 = x.add(x);
            for (int k = o + n; k > o; k--) {
                DoubleVector b0 = x2.fma(b1, DoubleVector.broadcast(S, c[k]).sub(b2));
                b2 = b1;
                b1 = b0;
            }
            DoubleVector.fromArray(S, g, cell + l).add(rb.mul(offset).add(x.fma(b1, DoubleVector.broadcast(S, c[o]).sub(b2)))).intoArray(g, cell + l);
        }
    }

    /**
     * Table t of one interpolated piece in one pass over the lanes: each lane's s', the piece's Clenshaw sum, Newton's
     * step where the table takes one, u* stored, S(u*) and the cell's sum (the same operations as the separate
     * passes of {@link #interpolate}, {@link #newton}, {@link #horner} and the sum: the same bits).
     */
    private void interpolated(SlopeInterpolants f, int t, TemperatureLanes lanes, double rot, double scale, double offset, int row, int cell) {
        int j = f.first[t], o = f.start[j], n = f.degree[j], deg = e.deg, width = lanes.width;
        int os = t * (deg + 1), o1 = t * deg, o2 = t * (deg - 1), p = f.piece[t], l = 0;
        double[] c = f.coefficients, beta = lanes.beta, g = lanes.g, u = lanes.ustar, s = e.s, ds = e.ds, dds = e.dds;
        double centre = f.centre[j], inverse = f.inverse[j], apex = f.apex[j], side = f.side[j], left = e.pieceL[p], right = e.pieceR[p];
        boolean polish = f.polish[t];
        for (; l + 4 * N <= width; l += 4 * N) {
            DoubleVector r0 = DoubleVector.fromArray(S, beta, l).mul(rot), r1 = DoubleVector.fromArray(S, beta, l + N).mul(rot);
            DoubleVector r2 = DoubleVector.fromArray(S, beta, l + 2 * N).mul(rot), r3 = DoubleVector.fromArray(S, beta, l + 3 * N).mul(rot);
            DoubleVector s0 = r0.mul(scale), s1 = r1.mul(scale), s2 = r2.mul(scale), s3 = r3.mul(scale);
            DoubleVector z0 = s0, z1 = s1, z2 = s2, z3 = s3;
            if (side != 0) {
                z0 = z0.sub(apex).mul(side).sqrt();
                z1 = z1.sub(apex).mul(side).sqrt();
                z2 = z2.sub(apex).mul(side).sqrt();
                z3 = z3.sub(apex).mul(side).sqrt();
            }
            DoubleVector x0 = z0.sub(centre).mul(inverse), x1 = z1.sub(centre).mul(inverse);
            DoubleVector x2 = z2.sub(centre).mul(inverse), x3 = z3.sub(centre).mul(inverse);
            DoubleVector y0 = x0.add(x0), y1 = x1.add(x1), y2 = x2.add(x2), y3 = x3.add(x3);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int k = o + n; k > o; k--) {
                DoubleVector ck = DoubleVector.broadcast(S, c[k]);
                DoubleVector n0 = y0.fma(a0, ck.sub(b0)), n1 = y1.fma(a1, ck.sub(b1));
                DoubleVector n2 = y2.fma(a2, ck.sub(b2)), n3 = y3.fma(a3, ck.sub(b3));
                b0 = a0;
                b1 = a1;
                b2 = a2;
                b3 = a3;
                a0 = n0;
                a1 = n1;
                a2 = n2;
                a3 = n3;
            }
            DoubleVector c0 = DoubleVector.broadcast(S, c[o]);
            DoubleVector v0 = x0.fma(a0, c0.sub(b0)), v1 = x1.fma(a1, c0.sub(b1)), v2 = x2.fma(a2, c0.sub(b2)), v3 = x3.fma(a3, c0.sub(b3));
            if (polish) {
                DoubleVector top = DoubleVector.broadcast(S, ds[o1 + deg - 1]), f0 = top, f1 = top, f2 = top, f3 = top;
                for (int i = o1 + deg - 2; i >= o1; i--) {
                    DoubleVector ci = DoubleVector.broadcast(S, ds[i]);
                    f0 = f0.fma(v0, ci);
                    f1 = f1.fma(v1, ci);
                    f2 = f2.fma(v2, ci);
                    f3 = f3.fma(v3, ci);
                }
                top = DoubleVector.broadcast(S, dds[o2 + deg - 2]);
                DoubleVector e0 = top, e1 = top, e2 = top, e3 = top;
                for (int i = o2 + deg - 3; i >= o2; i--) {
                    DoubleVector ci = DoubleVector.broadcast(S, dds[i]);
                    e0 = e0.fma(v0, ci);
                    e1 = e1.fma(v1, ci);
                    e2 = e2.fma(v2, ci);
                    e3 = e3.fma(v3, ci);
                }
                DoubleVector w0 = v0.sub(f0.sub(s0).div(e0)), w1 = v1.sub(f1.sub(s1).div(e1));
                DoubleVector w2 = v2.sub(f2.sub(s2).div(e2)), w3 = v3.sub(f3.sub(s3).div(e3));
                v0 = w0.blend(right, w0.compare(VectorOperators.GT, right)).blend(left, w0.compare(VectorOperators.LT, left));
                v1 = w1.blend(right, w1.compare(VectorOperators.GT, right)).blend(left, w1.compare(VectorOperators.LT, left));
                v2 = w2.blend(right, w2.compare(VectorOperators.GT, right)).blend(left, w2.compare(VectorOperators.LT, left));
                v3 = w3.blend(right, w3.compare(VectorOperators.GT, right)).blend(left, w3.compare(VectorOperators.LT, left));
            }
            v0.intoArray(u, row + l);
            v1.intoArray(u, row + l + N);
            v2.intoArray(u, row + l + 2 * N);
            v3.intoArray(u, row + l + 3 * N);
            DoubleVector top = DoubleVector.broadcast(S, s[os + deg]), h0 = top, h1 = top, h2 = top, h3 = top;
            for (int i = os + deg - 1; i >= os; i--) {
                DoubleVector ci = DoubleVector.broadcast(S, s[i]);
                h0 = h0.fma(v0, ci);
                h1 = h1.fma(v1, ci);
                h2 = h2.fma(v2, ci);
                h3 = h3.fma(v3, ci);
            }
            DoubleVector.fromArray(S, g, cell + l).add(r0.mul(offset).add(s0.mul(v0)).sub(h0)).intoArray(g, cell + l);
            DoubleVector.fromArray(S, g, cell + l + N).add(r1.mul(offset).add(s1.mul(v1)).sub(h1)).intoArray(g, cell + l + N);
            DoubleVector.fromArray(S, g, cell + l + 2 * N).add(r2.mul(offset).add(s2.mul(v2)).sub(h2)).intoArray(g, cell + l + 2 * N);
            DoubleVector.fromArray(S, g, cell + l + 3 * N).add(r3.mul(offset).add(s3.mul(v3)).sub(h3)).intoArray(g, cell + l + 3 * N);
        }
        for (; l < width; l += N) {
            DoubleVector rb = DoubleVector.fromArray(S, beta, l).mul(rot), sp = rb.mul(scale), z = sp;
            if (side != 0) z = z.sub(apex).mul(side).sqrt();
            DoubleVector x = z.sub(centre).mul(inverse);
            DoubleVector b1 = DoubleVector.zero(S), b2 = b1, x2 = x.add(x);
            for (int k = o + n; k > o; k--) {
                DoubleVector b0 = x2.fma(b1, DoubleVector.broadcast(S, c[k]).sub(b2));
                b2 = b1;
                b1 = b0;
            }
            DoubleVector v = x.fma(b1, DoubleVector.broadcast(S, c[o]).sub(b2));
            if (polish) {
                DoubleVector first = DoubleVector.broadcast(S, ds[o1 + deg - 1]), second = DoubleVector.broadcast(S, dds[o2 + deg - 2]);
                for (int i = o1 + deg - 2; i >= o1; i--) first = first.fma(v, DoubleVector.broadcast(S, ds[i]));
                for (int i = o2 + deg - 3; i >= o2; i--) second = second.fma(v, DoubleVector.broadcast(S, dds[i]));
                DoubleVector y = v.sub(first.sub(sp).div(second));
                v = y.blend(right, y.compare(VectorOperators.GT, right)).blend(left, y.compare(VectorOperators.LT, left));
            }
            v.intoArray(u, row + l);
            DoubleVector entropy = DoubleVector.broadcast(S, s[os + deg]);
            for (int i = os + deg - 1; i >= os; i--) entropy = entropy.fma(v, DoubleVector.broadcast(S, s[i]));
            DoubleVector term = rb.mul(offset).add(sp.mul(v)).sub(entropy);
            DoubleVector.fromArray(S, g, cell + l).add(term).intoArray(g, cell + l);
        }
    }

    /**
     * Table t of several pieces where s' is monotone in the lane ({@link TemperatureLanes#monotone}; its s' in lanes.slope):
     * each piece's lanes are one run. A lane's piece is the count of edges at or below its s' (as in {@link #pieces}); the
     * lanes at or above an edge are a suffix of the lanes where s' grows with the lane, a prefix where it falls, so
     * counting them (a compare per lane vector) places the run's cut. Each vector a run touches is an item (its first
     * lane, the piece, the run), into the lanes' item arrays. The number of items.
     */
    private static int items(SlopeInterpolants f, int t, TemperatureLanes lanes) {
        int from = f.first[t], edges = f.first[t + 1] - from - 1, width = lanes.width, items = 0;
        double[] slope = lanes.slope;
        int[] cut = lanes.cut;
        boolean up = slope[0] <= slope[width - 1];
        for (int k = 0; k < edges; k++) {
            double edge = f.edge[from + 1 + k];
            int above = 0;
            for (int l = 0; l < width; l += N) above += DoubleVector.fromArray(S, slope, l).compare(VectorOperators.GE, edge).trueCount();
            // the cuts in increasing lane order (edges grow: already in order where s' grows with the lane)
            int c = up ? width - above : above, i = k;
            for (; i > 0 && cut[i - 1] > c; i--) cut[i] = cut[i - 1];
            cut[i] = c;
        }
        // between the k-th and the next cut a lane is at or above k edges (s' growing) or edges − k (falling)
        for (int k = 0, low = 0; k <= edges; k++) {
            int high = k < edges ? cut[k] : width;
            if (high == low) continue;
            int j = from + (up ? k : edges - k);
            for (int l = low / N * N; l < high; l += N, items++) {
                lanes.itemLane[items] = l;
                lanes.itemPiece[items] = j;
                lanes.itemLow[items] = low;
                lanes.itemHigh[items] = high;
            }
            low = high;
        }
        return items;
    }

    /**
     * Table t of several pieces where s' is monotone in the lane: s' of every lane, each piece's Clenshaw sum over the
     * vectors of its run of lanes ({@link #items}, {@link #chebyshev}) into u*'s row, then Newton's step, S(u*) and the
     * cell's sum in one pass over the lanes ({@link #finish}) — instead of counting each lane's piece and blending whole
     * passes. Three methods, not one: a method holding every step exceeded C2's node budget and boxed its vectors.
     */
    private void runs(SlopeInterpolants f, int t, TemperatureLanes lanes, double rot, double scale, double offset, int row, int cell) {
        for (int l = 0; l < lanes.width; l += N) DoubleVector.fromArray(S, lanes.beta, l).mul(rot).mul(scale).intoArray(lanes.slope, l);
        chebyshev(f, items(f, t, lanes), lanes, lanes.ustar, row);
        finish(f, t, lanes, rot, offset, row, cell);
    }

    /**
     * Each item's piece at its vector's s' by Clenshaw's recurrence (as {@link #piece}: the same operations), blended into
     * u[row + l] in the lanes of its run; four items of one degree at a time, each piece's coefficients broadcast to its own
     * vector (a group short of four repeats its last item, masked out). Stored item after item: two items may share a vector.
     */
    private static void chebyshev(SlopeInterpolants f, int items, TemperatureLanes lanes, double[] u, int row) {
        int[] piece = lanes.itemPiece, lane = lanes.itemLane, low = lanes.itemLow, high = lanes.itemHigh, degree = f.degree;
        double[] c = f.coefficients, slope = lanes.slope;
        DoubleVector index = DoubleVector.fromArray(S, LANE, 0);
        for (int i = 0; i < items; ) {
            int n = degree[piece[i]], taken = 1;
            while (taken < 4 && i + taken < items && degree[piece[i + taken]] == n) taken++;
            int i1 = i + Math.min(1, taken - 1), i2 = i + Math.min(2, taken - 1), i3 = i + Math.min(3, taken - 1);
            int j0 = piece[i], j1 = piece[i1], j2 = piece[i2], j3 = piece[i3];
            int l0 = lane[i], l1 = lane[i1], l2 = lane[i2], l3 = lane[i3];
            int q0 = f.start[j0], q1 = f.start[j1], q2 = f.start[j2], q3 = f.start[j3];
            DoubleVector z0 = DoubleVector.fromArray(S, slope, l0), z1 = DoubleVector.fromArray(S, slope, l1);
            DoubleVector z2 = DoubleVector.fromArray(S, slope, l2), z3 = DoubleVector.fromArray(S, slope, l3);
            if (f.side[j0] != 0) z0 = z0.sub(f.apex[j0]).mul(f.side[j0]).sqrt();
            if (f.side[j1] != 0) z1 = z1.sub(f.apex[j1]).mul(f.side[j1]).sqrt();
            if (f.side[j2] != 0) z2 = z2.sub(f.apex[j2]).mul(f.side[j2]).sqrt();
            if (f.side[j3] != 0) z3 = z3.sub(f.apex[j3]).mul(f.side[j3]).sqrt();
            DoubleVector x0 = z0.sub(f.centre[j0]).mul(f.inverse[j0]), x1 = z1.sub(f.centre[j1]).mul(f.inverse[j1]);
            DoubleVector x2 = z2.sub(f.centre[j2]).mul(f.inverse[j2]), x3 = z3.sub(f.centre[j3]).mul(f.inverse[j3]);
            DoubleVector y0 = x0.add(x0), y1 = x1.add(x1), y2 = x2.add(x2), y3 = x3.add(x3);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int k = n; k > 0; k--) {
                DoubleVector n0 = y0.fma(a0, DoubleVector.broadcast(S, c[q0 + k]).sub(b0)), n1 = y1.fma(a1, DoubleVector.broadcast(S, c[q1 + k]).sub(b1));
                DoubleVector n2 = y2.fma(a2, DoubleVector.broadcast(S, c[q2 + k]).sub(b2)), n3 = y3.fma(a3, DoubleVector.broadcast(S, c[q3 + k]).sub(b3));
                b0 = a0;
                b1 = a1;
                b2 = a2;
                b3 = a3;
                a0 = n0;
                a1 = n1;
                a2 = n2;
                a3 = n3;
            }
            DoubleVector v0 = x0.fma(a0, DoubleVector.broadcast(S, c[q0]).sub(b0)), v1 = x1.fma(a1, DoubleVector.broadcast(S, c[q1]).sub(b1));
            DoubleVector v2 = x2.fma(a2, DoubleVector.broadcast(S, c[q2]).sub(b2)), v3 = x3.fma(a3, DoubleVector.broadcast(S, c[q3]).sub(b3));
            VectorMask<Double> m0 = index.compare(VectorOperators.GE, (double) (low[i] - l0)).and(index.compare(VectorOperators.LT, (double) (high[i] - l0)));
            DoubleVector.fromArray(S, u, row + l0).blend(v0, m0).intoArray(u, row + l0);
            if (taken > 1) {
                VectorMask<Double> m1 = index.compare(VectorOperators.GE, (double) (low[i1] - l1)).and(index.compare(VectorOperators.LT, (double) (high[i1] - l1)));
                DoubleVector.fromArray(S, u, row + l1).blend(v1, m1).intoArray(u, row + l1);
            }
            if (taken > 2) {
                VectorMask<Double> m2 = index.compare(VectorOperators.GE, (double) (low[i2] - l2)).and(index.compare(VectorOperators.LT, (double) (high[i2] - l2)));
                DoubleVector.fromArray(S, u, row + l2).blend(v2, m2).intoArray(u, row + l2);
            }
            if (taken > 3) {
                VectorMask<Double> m3 = index.compare(VectorOperators.GE, (double) (low[i3] - l3)).and(index.compare(VectorOperators.LT, (double) (high[i3] - l3)));
                DoubleVector.fromArray(S, u, row + l3).blend(v3, m3).intoArray(u, row + l3);
            }
            i += taken;
        }
    }

    /**
     * Table t from its interpolants in u[row + l]: Newton's step where the table takes one, u* into its row and the term
     * s'u* − S(u*) + βθ̃·offset into its cell's sum, four lane vectors at a time (as {@link #interpolated}: the same operations).
     */
    private void finish(SlopeInterpolants f, int t, TemperatureLanes lanes, double rot, double offset, int row, int cell) {
        int deg = e.deg, os = t * (deg + 1), o1 = t * deg, o2 = t * (deg - 1), p = f.piece[t], width = lanes.width;
        double[] s = e.s, ds = e.ds, dds = e.dds, beta = lanes.beta, slope = lanes.slope, u = lanes.ustar, g = lanes.g;
        double left = e.pieceL[p], right = e.pieceR[p];
        boolean polish = f.polish[t];
        int l = 0;
        for (; l + 4 * N <= width; l += 4 * N) {
            DoubleVector v0 = DoubleVector.fromArray(S, u, row + l), v1 = DoubleVector.fromArray(S, u, row + l + N);
            DoubleVector v2 = DoubleVector.fromArray(S, u, row + l + 2 * N), v3 = DoubleVector.fromArray(S, u, row + l + 3 * N);
            DoubleVector s0 = DoubleVector.fromArray(S, slope, l), s1 = DoubleVector.fromArray(S, slope, l + N);
            DoubleVector s2 = DoubleVector.fromArray(S, slope, l + 2 * N), s3 = DoubleVector.fromArray(S, slope, l + 3 * N);
            if (polish) {
                DoubleVector top = DoubleVector.broadcast(S, ds[o1 + deg - 1]), f0 = top, f1 = top, f2 = top, f3 = top;
                for (int k = o1 + deg - 2; k >= o1; k--) {
                    DoubleVector ck = DoubleVector.broadcast(S, ds[k]);
                    f0 = f0.fma(v0, ck);
                    f1 = f1.fma(v1, ck);
                    f2 = f2.fma(v2, ck);
                    f3 = f3.fma(v3, ck);
                }
                top = DoubleVector.broadcast(S, dds[o2 + deg - 2]);
                DoubleVector e0 = top, e1 = top, e2 = top, e3 = top;
                for (int k = o2 + deg - 3; k >= o2; k--) {
                    DoubleVector ck = DoubleVector.broadcast(S, dds[k]);
                    e0 = e0.fma(v0, ck);
                    e1 = e1.fma(v1, ck);
                    e2 = e2.fma(v2, ck);
                    e3 = e3.fma(v3, ck);
                }
                DoubleVector w0 = v0.sub(f0.sub(s0).div(e0)), w1 = v1.sub(f1.sub(s1).div(e1));
                DoubleVector w2 = v2.sub(f2.sub(s2).div(e2)), w3 = v3.sub(f3.sub(s3).div(e3));
                v0 = w0.blend(right, w0.compare(VectorOperators.GT, right)).blend(left, w0.compare(VectorOperators.LT, left));
                v1 = w1.blend(right, w1.compare(VectorOperators.GT, right)).blend(left, w1.compare(VectorOperators.LT, left));
                v2 = w2.blend(right, w2.compare(VectorOperators.GT, right)).blend(left, w2.compare(VectorOperators.LT, left));
                v3 = w3.blend(right, w3.compare(VectorOperators.GT, right)).blend(left, w3.compare(VectorOperators.LT, left));
                v0.intoArray(u, row + l);
                v1.intoArray(u, row + l + N);
                v2.intoArray(u, row + l + 2 * N);
                v3.intoArray(u, row + l + 3 * N);
            }
            DoubleVector top = DoubleVector.broadcast(S, s[os + deg]), h0 = top, h1 = top, h2 = top, h3 = top;
            for (int k = os + deg - 1; k >= os; k--) {
                DoubleVector ck = DoubleVector.broadcast(S, s[k]);
                h0 = h0.fma(v0, ck);
                h1 = h1.fma(v1, ck);
                h2 = h2.fma(v2, ck);
                h3 = h3.fma(v3, ck);
            }
            DoubleVector r0 = DoubleVector.fromArray(S, beta, l).mul(rot), r1 = DoubleVector.fromArray(S, beta, l + N).mul(rot);
            DoubleVector r2 = DoubleVector.fromArray(S, beta, l + 2 * N).mul(rot), r3 = DoubleVector.fromArray(S, beta, l + 3 * N).mul(rot);
            DoubleVector.fromArray(S, g, cell + l).add(r0.mul(offset).add(s0.mul(v0)).sub(h0)).intoArray(g, cell + l);
            DoubleVector.fromArray(S, g, cell + l + N).add(r1.mul(offset).add(s1.mul(v1)).sub(h1)).intoArray(g, cell + l + N);
            DoubleVector.fromArray(S, g, cell + l + 2 * N).add(r2.mul(offset).add(s2.mul(v2)).sub(h2)).intoArray(g, cell + l + 2 * N);
            DoubleVector.fromArray(S, g, cell + l + 3 * N).add(r3.mul(offset).add(s3.mul(v3)).sub(h3)).intoArray(g, cell + l + 3 * N);
        }
        for (; l < width; l += N) {
            DoubleVector v = DoubleVector.fromArray(S, u, row + l), sp = DoubleVector.fromArray(S, slope, l);
            if (polish) {
                DoubleVector first = DoubleVector.broadcast(S, ds[o1 + deg - 1]), second = DoubleVector.broadcast(S, dds[o2 + deg - 2]);
                for (int k = o1 + deg - 2; k >= o1; k--) first = first.fma(v, DoubleVector.broadcast(S, ds[k]));
                for (int k = o2 + deg - 3; k >= o2; k--) second = second.fma(v, DoubleVector.broadcast(S, dds[k]));
                DoubleVector y = v.sub(first.sub(sp).div(second));
                v = y.blend(right, y.compare(VectorOperators.GT, right)).blend(left, y.compare(VectorOperators.LT, left));
                v.intoArray(u, row + l);
            }
            DoubleVector entropy = DoubleVector.broadcast(S, s[os + deg]);
            for (int k = os + deg - 1; k >= os; k--) entropy = entropy.fma(v, DoubleVector.broadcast(S, s[k]));
            DoubleVector rb = DoubleVector.fromArray(S, beta, l).mul(rot);
            DoubleVector.fromArray(S, g, cell + l).add(rb.mul(offset).add(sp.mul(v)).sub(entropy)).intoArray(g, cell + l);
        }
    }

    /**
     * u* of table t from the block's interpolants (as {@link SlopeInterpolants#value}, operation for
     * operation): each lane's piece the count of edges at or below its s', Clenshaw with the
     * coefficients broadcast; where a vector's lanes fall in several pieces, each present piece and a blend.
     */
    private void interpolate(SlopeInterpolants f, int t, TemperatureLanes lanes, int row) {
        // the interpolant into lanes.seed, then Newton's step into u* where the table takes one
        double[] u = f.polish[t] ? lanes.seed : lanes.ustar;
        interpolants(f, t, lanes, u, f.polish[t] ? 0 : row);
        if (!f.polish[t]) return;
        newton(t, lanes.seed, lanes.first, lanes, f.piece[t]);
        System.arraycopy(lanes.first, 0, lanes.ustar, row, lanes.width);
    }

    /**
     * Table t's interpolants at every lane into u[at + l]: one piece directly, several by their runs of lanes where s' is
     * monotone in the lane ({@link #items}, {@link #chebyshev}), else by {@link #pieces}.
     */
    private static void interpolants(SlopeInterpolants f, int t, TemperatureLanes lanes, double[] u, int at) {
        int from = f.first[t], to = f.first[t + 1];
        if (to - from == 1) piece(f, from, lanes.slope, u, at, 0, lanes.width);
        else if (lanes.monotone) chebyshev(f, items(f, t, lanes), lanes, u, at);
        else pieces(f, from, to, lanes, u, at);
    }

    /**
     * A table of several pieces, the lanes in any order: each lane's piece counted (into lanes.candidate), then each piece
     * present evaluated over the vectors that hold its lanes (into lanes.k0) and blended into them.
     */
    private static void pieces(SlopeInterpolants f, int from, int to, TemperatureLanes lanes, double[] u, int at) {
        int width = lanes.width;
        double[] count = lanes.candidate, value = lanes.k0;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int l = 0; l < width; l += N) {
            DoubleVector s = DoubleVector.fromArray(S, lanes.slope, l), c = DoubleVector.zero(S);
            for (int i = from + 1; i < to; i++) c = c.add(one, s.compare(VectorOperators.GE, f.edge[i]));
            c.intoArray(count, l);
        }
        int[] firstLane = lanes.firstLane, lastLane = lanes.lastLane;
        Arrays.fill(firstLane, 0, to - from, width);
        for (int l = 0; l < width; l++) {
            int j = (int) count[l];
            if (firstLane[j] == width) firstLane[j] = l;
            lastLane[j] = l;
        }
        for (int j = 0; j < to - from; j++) {
            if (firstLane[j] == width) continue;
            int start = firstLane[j] / N * N, end = lastLane[j] / N * N + N;
            piece(f, from + j, lanes.slope, value, 0, start, end);
            for (int l = start; l < end; l += N) {
                VectorMask<Double> mine = DoubleVector.fromArray(S, count, l).compare(VectorOperators.EQ, j);
                DoubleVector.fromArray(S, u, at + l).blend(DoubleVector.fromArray(S, value, l), mine).intoArray(u, at + l);
            }
        }
    }

    /**
     * Piece j's interpolant at the lanes [start, end) of s' into out[at + l]: in s' or in √(side·(s' − apex)),
     * by Clenshaw's recurrence, as {@link SlopeInterpolants#value} (the same operations).
     */
    private static void piece(SlopeInterpolants f, int j, double[] slope, double[] out, int at, int start, int end) {
        double[] c = f.coefficients;
        int o = f.start[j], n = f.degree[j];
        double centre = f.centre[j], inverse = f.inverse[j], apex = f.apex[j], side = f.side[j];
        int l = start;
        // four lane vectors at a time: four independent recurrences overlap in the processor
        for (; l + 4 * N <= end; l += 4 * N) {
            DoubleVector z0 = DoubleVector.fromArray(S, slope, l), z1 = DoubleVector.fromArray(S, slope, l + N);
            DoubleVector z2 = DoubleVector.fromArray(S, slope, l + 2 * N), z3 = DoubleVector.fromArray(S, slope, l + 3 * N);
            if (side != 0) {
                z0 = z0.sub(apex).mul(side).sqrt();
                z1 = z1.sub(apex).mul(side).sqrt();
                z2 = z2.sub(apex).mul(side).sqrt();
                z3 = z3.sub(apex).mul(side).sqrt();
            }
            DoubleVector x0 = z0.sub(centre).mul(inverse), x1 = z1.sub(centre).mul(inverse);
            DoubleVector x2 = z2.sub(centre).mul(inverse), x3 = z3.sub(centre).mul(inverse);
            DoubleVector y0 = x0.add(x0), y1 = x1.add(x1), y2 = x2.add(x2), y3 = x3.add(x3);
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int k = o + n; k > o; k--) {
                DoubleVector ck = DoubleVector.broadcast(S, c[k]);
                DoubleVector n0 = y0.fma(a0, ck.sub(b0)), n1 = y1.fma(a1, ck.sub(b1));
                DoubleVector n2 = y2.fma(a2, ck.sub(b2)), n3 = y3.fma(a3, ck.sub(b3));
                b0 = a0;
                b1 = a1;
                b2 = a2;
                b3 = a3;
                a0 = n0;
                a1 = n1;
                a2 = n2;
                a3 = n3;
            }
            DoubleVector c0 = DoubleVector.broadcast(S, c[o]);
            x0.fma(a0, c0.sub(b0)).intoArray(out, at + l);
            x1.fma(a1, c0.sub(b1)).intoArray(out, at + l + N);
            x2.fma(a2, c0.sub(b2)).intoArray(out, at + l + 2 * N);
            x3.fma(a3, c0.sub(b3)).intoArray(out, at + l + 3 * N);
        }
        for (; l < end; l += N) {
            DoubleVector z = DoubleVector.fromArray(S, slope, l);
            if (side != 0) z = z.sub(apex).mul(side).sqrt();
            DoubleVector x = z.sub(centre).mul(inverse);
            DoubleVector b1 = DoubleVector.zero(S), b2 = b1, x2 = x.add(x);
            for (int k = o + n; k > o; k--) {
                DoubleVector b0 = x2.fma(b1, DoubleVector.broadcast(S, c[k]).sub(b2));
                b2 = b1;
                b1 = b0;
            }
            x.fma(b1, DoubleVector.broadcast(S, c[o]).sub(b2)).intoArray(out, at + l);
        }
    }

    /**
     * A non-concave table: each lane's candidate is winners[start + c], c the number of thresholds
     * after the first that s' lies below (they decrease, so this is where the scalar walk stops);
     * each candidate present is solved for its lanes.
     */
    private void solveSwitching(int t, TemperatureLanes lanes, int row) {
        int start = e.switchStart[t], end = e.switchStart[t + 1], width = lanes.width;
        double[] count = lanes.candidate;
        int lowest = Integer.MAX_VALUE, highest = -1;
        for (int l = 0; l < width; l += N) {
            DoubleVector sp = DoubleVector.fromArray(S, lanes.slope, l);
            DoubleVector c = DoubleVector.zero(S);
            for (int j = start + 1; j < end; j++) c = c.add(DoubleVector.broadcast(S, 1.0), sp.compare(VectorOperators.LT, e.thresholds[j]));
            c.intoArray(count, l);
            lowest = Math.min(lowest, (int) c.reduceLanes(VectorOperators.MIN));
            highest = Math.max(highest, (int) c.reduceLanes(VectorOperators.MAX));
        }
        for (int c = lowest; c <= highest; c++) {
            int p = e.winners[start + c];
            if (p >= 0) {
                solve(t, p, lanes, row, c);
                continue;
            }
            double end0 = p == PolynomialConjugate.LOWER ? e.lo[t] : e.hi[t];
            for (int l = 0; l < width; l += N) {
                VectorMask<Double> mine = DoubleVector.fromArray(S, count, l).compare(VectorOperators.EQ, c);
                DoubleVector.fromArray(S, lanes.ustar, row + l).blend(end0, mine).intoArray(lanes.ustar, row + l);
            }
        }
    }

    /**
     * u* of table t on its decreasing piece p for the lanes whose candidate count is {@code group}
     * (all lanes: −1): an end of the piece where s' lies beyond its slopes, else the Hermite seed
     * and Newton, and {@link PolynomialConjugate#thirdStep} for lanes two steps did not settle.
     * Split into small passes over the lanes: C2 stops inlining in one large method, and a vector
     * that crosses a call not inlined is boxed on the heap.
     */
    private void solve(int t, int p, TemperatureLanes lanes, int row, int group) {
        seeds(p, lanes);
        newton(t, lanes.seed, lanes.first, lanes, p);
        newton(t, lanes.first, lanes.second, lanes, p);
        if (settle(p, lanes, row, group)) {
            for (int l = 0; l < lanes.width; l++) {
                if (lanes.unsettled[l] != 0) lanes.ustar[row + l] = e.thirdStep(t, p, lanes.slope[l], lanes.next[l]);
            }
        }
    }

    /** The cubic Hermite seed of piece p at each lane's s' into lanes.seed; the knots fetched lane by lane. */
    private void seeds(int p, TemperatureLanes lanes) {
        int width = lanes.width;
        double[] position = lanes.seed;
        double slopeL = e.slopeL[p], knotScale = e.knotScale[p];
        for (int l = 0; l < width; l += N) {
            DoubleVector.broadcast(S, slopeL).sub(DoubleVector.fromArray(S, lanes.slope, l)).mul(knotScale).intoArray(position, l);
        }
        float[] knots = e.knots;
        int base = 2 * p * (PolynomialConjugate.KNOTS + 1);
        for (int l = 0; l < width; l++) {
            double x = position[l];
            int i = Math.max(0, Math.min((int) x, PolynomialConjugate.KNOTS - 1));
            lanes.tau[l] = x - i;
            int k = base + 2 * i;
            lanes.k0[l] = knots[k];
            lanes.k1[l] = knots[k + 1];
            lanes.k2[l] = knots[k + 2];
            lanes.k3[l] = knots[k + 3];
        }
        for (int l = 0; l < width; l += N) {
            DoubleVector tau = DoubleVector.fromArray(S, lanes.tau, l);
            DoubleVector t2 = tau.mul(tau), t3 = t2.mul(tau);
            t3.mul(2.0).sub(t2.mul(3.0)).add(1.0).mul(DoubleVector.fromArray(S, lanes.k0, l))
                    .add(t3.sub(t2.mul(2.0)).add(tau).mul(DoubleVector.fromArray(S, lanes.k1, l)))
                    .add(t3.mul(-2.0).add(t2.mul(3.0)).mul(DoubleVector.fromArray(S, lanes.k2, l)))
                    .add(t3.sub(t2).mul(DoubleVector.fromArray(S, lanes.k3, l))).intoArray(position, l);
        }
    }

    /** One Newton step of every lane, limited to piece p: to = clamp(from − (S'(from) − s')/S''(from)). */
    private void newton(int t, double[] from, double[] to, TemperatureLanes lanes, int p) {
        int deg = e.deg, width = lanes.width;
        double left = e.pieceL[p], right = e.pieceR[p];
        double[] first = lanes.k2, second = lanes.k3;
        horner(e.ds, t * deg, deg, from, 0, first, width);
        horner(e.dds, t * (deg - 1), deg - 1, from, 0, second, width);
        for (int l = 0; l < width; l += N) {
            DoubleVector x = DoubleVector.fromArray(S, from, l), sp = DoubleVector.fromArray(S, lanes.slope, l);
            DoubleVector step = DoubleVector.fromArray(S, first, l).sub(sp).div(DoubleVector.fromArray(S, second, l));
            DoubleVector y = x.sub(step);
            // x < l ? l : x > r ? r : x, as the scalar clamp (NaN stays NaN)
            y.blend(right, y.compare(VectorOperators.GT, right)).blend(left, y.compare(VectorOperators.LT, left)).intoArray(to, l);
        }
    }

    /**
     * The scalar path's choice between Newton's iterates: the second step's where the first moved
     * more than the tolerance; an end of the piece where s' lies beyond its slopes; into u* for the
     * group's lanes. Marks in lanes.unsettled the lanes the steps did not settle (their iterate in
     * lanes.next); true if there are any.
     */
    private boolean settle(int p, TemperatureLanes lanes, int row, int group) {
        double slopeL = e.slopeL[p], slopeR = e.slopeR[p], left = e.pieceL[p], right = e.pieceR[p];
        boolean any = false;
        for (int l = 0; l < lanes.width; l += N) {
            DoubleVector x0 = DoubleVector.fromArray(S, lanes.seed, l), x1 = DoubleVector.fromArray(S, lanes.first, l);
            VectorMask<Double> again = x1.sub(x0).abs().compare(VectorOperators.GT, x0.abs().add(1.0).mul(TOLERANCE));
            DoubleVector previous = x0.blend(x1, again), next = x1.blend(DoubleVector.fromArray(S, lanes.second, l), again);
            VectorMask<Double> settled = next.sub(previous).abs().compare(VectorOperators.LE, previous.abs().add(1.0).mul(TOLERANCE));
            DoubleVector sp = DoubleVector.fromArray(S, lanes.slope, l);
            VectorMask<Double> atLeft = sp.compare(VectorOperators.GE, slopeL);
            VectorMask<Double> atRight = sp.compare(VectorOperators.LE, slopeR).andNot(atLeft);
            DoubleVector result = next.blend(right, atRight).blend(left, atLeft);
            VectorMask<Double> rest = settled.or(atLeft).or(atRight).not();
            if (group >= 0) {
                VectorMask<Double> mine = DoubleVector.fromArray(S, lanes.candidate, l).compare(VectorOperators.EQ, group);
                result = DoubleVector.fromArray(S, lanes.ustar, row + l).blend(result, mine);
                rest = rest.and(mine);
            }
            result.intoArray(lanes.ustar, row + l);
            next.intoArray(lanes.next, l);
            DoubleVector.zero(S).blend(1.0, rest).intoArray(lanes.unsettled, l);
            any |= rest.anyTrue();
        }
        return any;
    }

    /**
     * out[l] = Σ_{i<n} c[o+i] x[at + l]ⁱ for the lanes [0, width), by fused multiply-adds from the top as
     * {@link PolynomialConjugate#horner}. Arrays in and out: a vector that crosses a call C2 has not
     * inlined is boxed on the heap, and in a large compilation C2 stops inlining at its node budget.
     */
    private static void horner(double[] c, int o, int n, double[] x, int at, double[] out, int width) {
        int l = 0;
        // four lane vectors at a time: four independent chains overlap in the processor
        for (; l + 4 * N <= width; l += 4 * N) {
            DoubleVector u0 = DoubleVector.fromArray(S, x, at + l), u1 = DoubleVector.fromArray(S, x, at + l + N);
            DoubleVector u2 = DoubleVector.fromArray(S, x, at + l + 2 * N), u3 = DoubleVector.fromArray(S, x, at + l + 3 * N);
            DoubleVector top = DoubleVector.broadcast(S, c[o + n - 1]), v0 = top, v1 = top, v2 = top, v3 = top;
            for (int i = o + n - 2; i >= o; i--) {
                DoubleVector ci = DoubleVector.broadcast(S, c[i]);
                v0 = v0.fma(u0, ci);
                v1 = v1.fma(u1, ci);
                v2 = v2.fma(u2, ci);
                v3 = v3.fma(u3, ci);
            }
            v0.intoArray(out, l);
            v1.intoArray(out, l + N);
            v2.intoArray(out, l + 2 * N);
            v3.intoArray(out, l + 3 * N);
        }
        for (; l < width; l += N) {
            DoubleVector u = DoubleVector.fromArray(S, x, at + l), v = DoubleVector.broadcast(S, c[o + n - 1]);
            for (int i = o + n - 2; i >= o; i--) v = v.fma(u, DoubleVector.broadcast(S, c[i]));
            v.intoArray(out, l);
        }
    }

    /**
     * Blocks of {@link TemperatureLanes#TERM_TABLES} tables: their v_t of every lane formed once, then
     * register tiles of four components × four lane vectors pass over the block, R's rows broadcast (16
     * products per four loads of v). Each component is summed one table after another, as
     * {@link SmoothEstimator#backRotate} sums it: the same bits.
     */
    @Override
    public void backRotate(TemperatureLanes lanes) {
        int d = cells.d, width = lanes.width, tables = cells.tables(), vectors = width / N;
        double[] grad = lanes.gradient;
        double[][] rotation = cells.rotation;
        for (int i = 0; i < d; i++) {
            for (int l = 0; l < width; l += N) DoubleVector.broadcast(S, cells.d0[i]).intoArray(grad, i * width + l);
        }
        for (int first = 0; first < tables; first += TemperatureLanes.TERM_TABLES) {
            int end = Math.min(tables, first + TemperatureLanes.TERM_TABLES);
            terms(lanes, first, end);
            for (int i = 0; i < d; i += 4) {
                // past the last component the tile repeats it: the same sums, stored twice
                int i1 = Math.min(i + 1, d - 1), i2 = Math.min(i + 2, d - 1), i3 = Math.min(i + 3, d - 1);
                double[] r0 = rotation[i], r1 = rotation[i1], r2 = rotation[i2], r3 = rotation[i3];
                int m = 0;
                for (; m + 3 < vectors; m += 4) tile4(r0, r1, r2, r3, lanes.terms, grad, first, end, width, m * N, i, i1, i2, i3);
                for (; m < vectors; m++) tile1(r0, r1, r2, r3, lanes.terms, grad, first, end, width, m * N, i, i1, i2, i3);
            }
        }
    }

    /** v_t = w_a (offset_t + scale_t u*_t) of every lane for tables [first, end) into lanes.terms. */
    private void terms(TemperatureLanes lanes, int first, int end) {
        int d = cells.d, width = lanes.width;
        double[] u = lanes.ustar, weights = lanes.weights, terms = lanes.terms;
        for (int t = first, to = 0; t < end; t++, to += width) {
            double scale = cells.scale[t], offset = cells.offset[t];
            int row = t * width, cell = t / d * width;
            for (int l = 0; l < width; l += N) {
                DoubleVector.fromArray(S, u, row + l).mul(scale).add(offset).mul(DoubleVector.fromArray(S, weights, cell + l)).intoArray(terms, to + l);
            }
        }
    }

    /**
     * Components i0..i3 of four lane vectors from lane o: 16 sums in registers over tables [first, end).
     * One method, no call inside: a vector crossing a call C2 did not inline would be boxed.
     */
    private static void tile4(double[] r0, double[] r1, double[] r2, double[] r3, double[] terms, double[] grad, int first, int end,
            int width, int o, int i0, int i1, int i2, int i3) {
        int g0 = i0 * width + o, g1 = i1 * width + o, g2 = i2 * width + o, g3 = i3 * width + o;
        DoubleVector a0 = DoubleVector.fromArray(S, grad, g0), a1 = DoubleVector.fromArray(S, grad, g0 + N);
        DoubleVector a2 = DoubleVector.fromArray(S, grad, g0 + 2 * N), a3 = DoubleVector.fromArray(S, grad, g0 + 3 * N);
        DoubleVector b0 = DoubleVector.fromArray(S, grad, g1), b1 = DoubleVector.fromArray(S, grad, g1 + N);
        DoubleVector b2 = DoubleVector.fromArray(S, grad, g1 + 2 * N), b3 = DoubleVector.fromArray(S, grad, g1 + 3 * N);
        DoubleVector c0 = DoubleVector.fromArray(S, grad, g2), c1 = DoubleVector.fromArray(S, grad, g2 + N);
        DoubleVector c2 = DoubleVector.fromArray(S, grad, g2 + 2 * N), c3 = DoubleVector.fromArray(S, grad, g2 + 3 * N);
        DoubleVector e0 = DoubleVector.fromArray(S, grad, g3), e1 = DoubleVector.fromArray(S, grad, g3 + N);
        DoubleVector e2 = DoubleVector.fromArray(S, grad, g3 + 2 * N), e3 = DoubleVector.fromArray(S, grad, g3 + 3 * N);
        for (int t = first, v = o; t < end; t++, v += width) {
            DoubleVector x0 = DoubleVector.fromArray(S, terms, v), x1 = DoubleVector.fromArray(S, terms, v + N);
            DoubleVector x2 = DoubleVector.fromArray(S, terms, v + 2 * N), x3 = DoubleVector.fromArray(S, terms, v + 3 * N);
            DoubleVector r = DoubleVector.broadcast(S, r0[t]);
            a0 = a0.add(x0.mul(r));
            a1 = a1.add(x1.mul(r));
            a2 = a2.add(x2.mul(r));
            a3 = a3.add(x3.mul(r));
            r = DoubleVector.broadcast(S, r1[t]);
            b0 = b0.add(x0.mul(r));
            b1 = b1.add(x1.mul(r));
            b2 = b2.add(x2.mul(r));
            b3 = b3.add(x3.mul(r));
            r = DoubleVector.broadcast(S, r2[t]);
            c0 = c0.add(x0.mul(r));
            c1 = c1.add(x1.mul(r));
            c2 = c2.add(x2.mul(r));
            c3 = c3.add(x3.mul(r));
            r = DoubleVector.broadcast(S, r3[t]);
            e0 = e0.add(x0.mul(r));
            e1 = e1.add(x1.mul(r));
            e2 = e2.add(x2.mul(r));
            e3 = e3.add(x3.mul(r));
        }
        e0.intoArray(grad, g3);
        e1.intoArray(grad, g3 + N);
        e2.intoArray(grad, g3 + 2 * N);
        e3.intoArray(grad, g3 + 3 * N);
        c0.intoArray(grad, g2);
        c1.intoArray(grad, g2 + N);
        c2.intoArray(grad, g2 + 2 * N);
        c3.intoArray(grad, g2 + 3 * N);
        b0.intoArray(grad, g1);
        b1.intoArray(grad, g1 + N);
        b2.intoArray(grad, g1 + 2 * N);
        b3.intoArray(grad, g1 + 3 * N);
        a0.intoArray(grad, g0);
        a1.intoArray(grad, g0 + N);
        a2.intoArray(grad, g0 + 2 * N);
        a3.intoArray(grad, g0 + 3 * N);
    }

    /** {@link #tile4} for one lane vector (the lanes past the last multiple of four vectors). */
    private static void tile1(double[] r0, double[] r1, double[] r2, double[] r3, double[] terms, double[] grad, int first, int end,
            int width, int o, int i0, int i1, int i2, int i3) {
        int g0 = i0 * width + o, g1 = i1 * width + o, g2 = i2 * width + o, g3 = i3 * width + o;
        DoubleVector a = DoubleVector.fromArray(S, grad, g0), b = DoubleVector.fromArray(S, grad, g1);
        DoubleVector c = DoubleVector.fromArray(S, grad, g2), e = DoubleVector.fromArray(S, grad, g3);
        for (int t = first, v = o; t < end; t++, v += width) {
            DoubleVector x = DoubleVector.fromArray(S, terms, v);
            a = a.add(x.mul(r0[t]));
            b = b.add(x.mul(r1[t]));
            c = c.add(x.mul(r2[t]));
            e = e.add(x.mul(r3[t]));
        }
        e.intoArray(grad, g3);
        c.intoArray(grad, g2);
        b.intoArray(grad, g1);
        a.intoArray(grad, g0);
    }
}
