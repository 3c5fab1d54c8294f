package org.scoredos.estimate;

/**
 * The continuous Legendre transform of fitted polynomial entropies over their sampled range:
 * for every (cell, component) table t with S_t(u) a polynomial in the standardised coordinate
 * u ∈ [u_lo, u_hi] (first and last bin centre), the minimiser of h(u) = s'·u − S_t(u).
 *
 * <p>A minimiser is an end of the range or a root of S'(u) = s' where S' decreases. Once per
 * phase, the inflection points of S split the range into monotone pieces of S', each decreasing
 * piece gets a table of its inverse slope (the Newton seed), and for a non-concave S the slopes
 * s' at which the global minimiser jumps from one candidate to the next are located. A query is
 * then a lookup, a seed and one or two Newton steps (a safeguarded solve in the rare case that
 * is not enough). The minimiser moves continuously with s' except where two local minima swap,
 * so G(α) is smooth in θ almost everywhere.
 */
final class PolynomialConjugate {
    private static final int SCAN = 256;
    /**
     * Intervals of the per-piece inverse-slope table that seeds Newton: at 128 one step suffices
     * for ~96% of the tables (at 32, half needed a second one, a mispredicted branch each).
     */
    static final int KNOTS = 128;

    final int deg;
    /** Per table: S coefficients (deg+1), S' (deg), S'' (deg−1), flattened. */
    final double[] s, ds, dds;
    final double[] lo, hi;
    /** Per table, decreasing pieces of S': [pieceStart[t], pieceStart[t+1]). */
    final int[] pieceStart;
    final double[] pieceL, pieceR, slopeL, slopeR;
    /** True when one decreasing piece spans the whole range (S concave there). */
    final boolean[] concave;
    /**
     * For the other tables, which candidate minimises as s' falls: below thresholds[i] (and
     * above thresholds[i+1]) the winner is winners[i+1]: LOWER, UPPER or a piece index. Global
     * minimisers move monotonically with s', so a table has a handful of entries.
     */
    final int[] switchStart;
    final double[] thresholds;
    final int[] winners;
    static final int LOWER = -1, UPPER = -2;
    /** {@link #polishedRoots}: a slope still to solve, or one whose root is given. */
    static final int UNSOLVED = -1, SOLVED = 0;
    private static final int SWITCH_SCAN = 256;
    /**
     * Per piece, KNOTS+1 roots u_i of S'(u) = s'_i at equal steps of s', each followed by its
     * Hermite tangent du/di, so a seed reads one cache line. Single precision: they only seed
     * Newton, and half the bytes keep the tables in cache.
     */
    final float[] knots;
    /** Per piece, KNOTS/(slopeL − slopeR): knot intervals per unit of s', so a seed needs no division. */
    final double[] knotScale;

    /** coefficients[t]: power series of S_t in u; lower/upper: the sampled range in u. */
    PolynomialConjugate(double[][] coefficients, double[] lower, double[] upper) {
        int tables = coefficients.length;
        int longest = 0;
        for (double[] c : coefficients) longest = Math.max(longest, c.length);
        // cells may carry fits of different orders: pad every series to the longest
        deg = longest - 1;
        s = new double[tables * (deg + 1)];
        ds = new double[tables * Math.max(deg, 1)];
        dds = new double[tables * Math.max(deg - 1, 1)];
        lo = lower.clone();
        hi = upper.clone();
        concave = new boolean[tables];
        pieceStart = new int[tables + 1];
        java.util.List<double[]> pieces = new java.util.ArrayList<>();
        for (int t = 0; t < tables; t++) {
            double[] c = java.util.Arrays.copyOf(coefficients[t], deg + 1);
            for (int m = 0; m <= deg; m++) s[t * (deg + 1) + m] = c[m];
            for (int m = 1; m <= deg; m++) ds[t * deg + m - 1] = m * c[m];
            for (int m = 2; m <= deg; m++) dds[t * (deg - 1) + m - 2] = m * (m - 1.0) * c[m];
            pieceStart[t] = pieces.size();
            decreasingPieces(t, pieces);
            concave[t] = pieces.size() - pieceStart[t] == 1
                    && pieces.get(pieceStart[t])[0] == lo[t] && pieces.get(pieceStart[t])[1] == hi[t];
        }
        pieceStart[tables] = pieces.size();
        pieceL = new double[pieces.size()];
        pieceR = new double[pieces.size()];
        slopeL = new double[pieces.size()];
        slopeR = new double[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) {
            pieceL[p] = pieces.get(p)[0];
            pieceR[p] = pieces.get(p)[1];
            slopeL[p] = pieces.get(p)[2];
            slopeR[p] = pieces.get(p)[3];
        }
        knotScale = new double[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) knotScale[p] = KNOTS / (slopeL[p] - slopeR[p]);
        knots = new float[2 * pieces.size() * (KNOTS + 1)];
        for (int t = 0; t < tables; t++) {
            for (int p = pieceStart[t]; p < pieceStart[t + 1]; p++) tabulate(t, p);
        }
        switchStart = new int[tables + 1];
        java.util.List<double[]> switches = new java.util.ArrayList<>();
        for (int t = 0; t < tables; t++) {
            switchStart[t] = switches.size();
            if (!concave[t]) winnerSwitches(t, switches);
        }
        switchStart[tables] = switches.size();
        thresholds = new double[switches.size()];
        winners = new int[switches.size()];
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = switches.get(i)[0];
            winners[i] = (int) switches.get(i)[1];
        }
    }

    /**
     * Scans s' over the range of S' (above it the lower end wins, below it the upper end) and
     * records each change of the global minimiser, located by bisection: entries
     * {threshold, winner below it}, the first with threshold +∞ and winner LOWER.
     */
    private void winnerSwitches(int t, java.util.List<double[]> out) {
        double top = Double.NEGATIVE_INFINITY, bottom = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= SCAN; i++) {
            double v = slope(t, lo[t] + (hi[t] - lo[t]) * i / SCAN);
            top = Math.max(top, v);
            bottom = Math.min(bottom, v);
        }
        for (int p = pieceStart[t]; p < pieceStart[t + 1]; p++) {
            top = Math.max(top, slopeL[p]);
            bottom = Math.min(bottom, slopeR[p]);
        }
        double margin = 1e-9 * (Math.abs(top) + Math.abs(bottom) + 1);
        top += margin;
        bottom -= margin;
        out.add(new double[] {Double.POSITIVE_INFINITY, winner(t, top)});
        double previous = top;
        int current = winner(t, top);
        for (int i = 1; i <= SWITCH_SCAN; i++) {
            double sp = top - (top - bottom) * i / SWITCH_SCAN;
            int w = winner(t, sp);
            if (w != current) {
                double a = previous, b = sp;  // winner(a) = current, winner(b) = w
                for (int it = 0; it < 200 && a - b > 1e-15 * (Math.abs(a) + Math.abs(b) + 1e-300); it++) {
                    double mid = 0.5 * (a + b);
                    if (winner(t, mid) == current) a = mid;
                    else b = mid;
                }
                out.add(new double[] {0.5 * (a + b), w});
                current = w;
            }
            previous = sp;
        }
        if (current != UPPER) out.add(new double[] {bottom, UPPER});
    }

    /** Which candidate the exhaustive search picks at s': LOWER, UPPER or the piece holding the root. */
    private int winner(int t, double sp) {
        double u = argmin(t, sp);
        if (u == lo[t]) return LOWER;
        if (u == hi[t]) return UPPER;
        for (int p = pieceStart[t]; p < pieceStart[t + 1]; p++) if (u >= pieceL[p] && u <= pieceR[p]) return p;
        return LOWER;
    }

    /**
     * The inverse of S' on piece p at KNOTS+1 equally spaced slopes, with tangents limited so
     * that the cubic Hermite interpolant stays monotone and inside each bracket (near an
     * inflection point du/ds' diverges; the limiter keeps the seed sane there).
     */
    private void tabulate(int t, int p) {
        int o = 2 * p * (KNOTS + 1);
        double step = (slopeL[p] - slopeR[p]) / KNOTS;
        for (int i = 0; i <= KNOTS; i++) {
            double sp = i == KNOTS ? slopeR[p] : slopeL[p] - i * step;
            knots[o + 2 * i] = (float) (i == 0 ? pieceL[p] : i == KNOTS ? pieceR[p] : solve(t, p, sp, pieceL[p] + (pieceR[p] - pieceL[p]) * i / KNOTS));
        }
        for (int i = 0; i <= KNOTS; i++) {
            float u = knots[o + 2 * i];
            double curvature = second(t, u);
            double m = curvature < 0 ? -step / curvature : Double.POSITIVE_INFINITY;
            double left = i > 0 ? u - knots[o + 2 * i - 2] : Double.POSITIVE_INFINITY;
            double right = i < KNOTS ? knots[o + 2 * i + 2] - u : Double.POSITIVE_INFINITY;
            m = Math.min(m, 3 * Math.min(left, right));
            knots[o + 2 * i + 1] = (float) (Double.isFinite(m) && m >= 0 ? m : 0);
        }
    }

    /** Splits [lo, hi] at the sign changes of S'' and keeps the pieces where S'' ≤ 0. */
    private void decreasingPieces(int t, java.util.List<double[]> out) {
        double step = (hi[t] - lo[t]) / SCAN;
        double left = lo[t], previous = lo[t];
        boolean convex = second(t, left) > 0;
        for (int i = 1; i <= SCAN; i++) {
            double b = i == SCAN ? hi[t] : lo[t] + i * step;
            boolean positive = second(t, b) > 0;
            if (positive != convex) {
                double cut = inflection(t, previous, b, convex);
                if (!convex) out.add(new double[] {left, cut, slope(t, left), slope(t, cut)});
                left = cut;
                convex = positive;
            }
            previous = b;
        }
        if (!convex) out.add(new double[] {left, hi[t], slope(t, left), slope(t, hi[t])});
    }

    /** Bisection for the sign change of S'' in [a, b]; positiveA: S''(a) > 0. */
    private double inflection(int t, double a, double b, boolean positiveA) {
        for (int it = 0; it < 100 && b - a > 1e-15 * (1 + Math.abs(a)); it++) {
            double mid = 0.5 * (a + b);
            if ((second(t, mid) > 0) == positiveA) a = mid;
            else b = mid;
        }
        return 0.5 * (a + b);
    }

    double lower(int t) {
        return lo[t];
    }

    double upper(int t) {
        return hi[t];
    }

    /**
     * The minimisers of all tables at once: u[t] = argmin over [lo, hi] of sp[t]·u − S_t(u).
     * Done in passes (seeds, one or two Newton steps, the rare rest) so that the short, independent
     * polynomial evaluations of many tables overlap in the processor instead of waiting on each
     * other. Tables with a non-concave entropy look up which candidate wins at s' (thresholds
     * found once) and solve only that one. {@code piece}: scratch, one entry per table.
     */
    void argminAll(double[] sp, double[] u, int[] piece) {
        int tables = u.length;
        for (int t = 0; t < tables; t++) {
            double s = sp[t];
            int p = candidate(t, s);
            piece[t] = -1;
            if (p == LOWER || (p >= 0 && s >= slopeL[p])) u[t] = p >= 0 ? pieceL[p] : lo[t];
            else if (p == UPPER || s <= slopeR[p]) u[t] = p >= 0 ? pieceR[p] : hi[t];
            else {
                u[t] = seed(p, s);
                piece[t] = p;
            }
        }
        for (int t = 0; t < tables; t++) {
            int p = piece[t];
            if (p < 0) continue;
            // Newton from the seed; quadratic convergence: after a step δ the error is about
            // |S'''/2S''|·δ², so δ ≤ 1e-5 leaves ~1e-10, far below anything F (error ~S''·1e-20)
            // or the gradient (relative ~1e-10) can notice
            double s = sp[t], x = u[t], l = pieceL[p], r = pieceR[p];
            double next = clamp(x - newtonStep(t, x, s), l, r);
            if (Math.abs(next - x) > 1e-5 * (1 + Math.abs(x))) {
                x = next;
                next = clamp(x - newtonStep(t, x, s), l, r);
            }
            u[t] = next;
            if (Math.abs(next - x) <= 1e-5 * (1 + Math.abs(x))) piece[t] = -1;
        }
        // the rest go on from Newton's second iterate: root() would re-seed and retake the same two steps
        for (int t = 0; t < tables; t++) {
            if (piece[t] >= 0) u[t] = thirdStep(t, piece[t], sp[t], u[t]);
        }
    }

    /**
     * Which candidate minimises table t at s': its piece, or LOWER or UPPER. A concave table has
     * one; the others walk their thresholds, which decrease.
     */
    int candidate(int t, double s) {
        if (concave[t]) return pieceStart[t];
        int i = switchStart[t];
        while (i + 1 < switchStart[t + 1] && s < thresholds[i + 1]) i++;
        return winners[i];
    }

    /** Where {@link #candidate} stops in table t's thresholds at s' (−1 for a concave table): equal at two slopes, equal between them. */
    int candidateIndex(int t, double s) {
        if (concave[t]) return -1;
        int i = switchStart[t];
        while (i + 1 < switchStart[t + 1] && s < thresholds[i + 1]) i++;
        return i;
    }

    /** The candidate at a {@link #candidateIndex} of table t. */
    int candidateAt(int t, int index) {
        return index < 0 ? pieceStart[t] : winners[index];
    }

    /**
     * u* of table t on its decreasing piece p at s', to rounding: the piece's end beyond its slopes,
     * else the one-table root solve (it stops within ~1e-10, its last step ≤ 1e-6, so within ~1e-12)
     * and one more Newton step, which squares that error.
     */
    double polishedRoot(int t, int p, double s) {
        if (s >= slopeL[p]) return pieceL[p];
        if (s <= slopeR[p]) return pieceR[p];
        double x = root(t, p, s), curvature = second(t, x);
        return curvature < 0 ? newton(t, p, s, x, curvature) : x;
    }

    /**
     * {@link #polishedRoot} of table t on piece p at the slopes s[0..n) into u, the same bits, in passes over
     * the slopes (the seeds, each Newton step of the root solve, the polish): the solves are independent, so
     * their polynomial evaluations overlap in the processor instead of waiting on each other. {@code state}: per
     * slope {@link #UNSOLVED}, or {@link #SOLVED} where u[i] is already its polished root (kept); scratch after. Where
     * the polish took its Newton step, {@code curvature[i]} is the S'' it divided by (at the iterate before it, within
     * ~1e-12 of the root); elsewhere it is left as it was.
     */
    void polishedRoots(int t, int p, double[] s, double[] u, int[] state, int n, double[] curvature) {
        final int end = SOLVED, open = 1, found = 2;
        int o1 = t * deg, o2 = t * (deg - 1), opened = 0;
        double l = pieceL[p], r = pieceR[p];
        for (int i = 0; i < n; i++) {
            if (state[i] == SOLVED) continue;
            double sp = s[i];
            state[i] = sp >= slopeL[p] || sp <= slopeR[p] ? end : open;
            u[i] = sp >= slopeL[p] ? l : sp <= slopeR[p] ? r : seed(p, sp);
            if (state[i] == open) opened++;
        }
        // root's three Newton steps, each a pass over the slopes still open
        for (int it = 0; it < 3 && opened > 0; it++) {
            for (int i = 0; i < n; i++) {
                if (state[i] != open) continue;
                double x = u[i];
                double step = (horner(ds, o1, deg, x) - s[i]) / horner(dds, o2, deg - 1, x);
                double next = Math.max(l, Math.min(r, x - step));
                u[i] = next;
                if (Math.abs(next - x) <= 1e-6 * (1 + Math.abs(x))) {
                    state[i] = found;
                    opened--;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (state[i] == end) continue;
            double x = state[i] == open ? solve(t, p, s[i], u[i]) : u[i], bend = second(t, x);
            if (bend < 0) {
                u[i] = newton(t, p, s[i], x, bend);
                curvature[i] = bend;
            } else {
                u[i] = x;
            }
        }
    }

    /** S''_t(u). */
    double curvature(int t, double u) {
        return second(t, u);
    }

    /** S'''_t(u). */
    double third(int t, double u) {
        double v = 0;
        for (int m = deg; m >= 3; m--) v = Math.fma(v, u, m * (m - 1.0) * (m - 2.0) * s[t * (deg + 1) + m]);
        return v;
    }

    /** One Newton step towards S'(u) = s' from x, limited to piece p, as the vector kernel takes it. */
    double newton(int t, int p, double sp, double x) {
        return newton(t, p, sp, x, horner(dds, t * (deg - 1), deg - 1, x));
    }

    /** {@link #newton(int, int, double, double)} where S''(x) is already known. */
    private double newton(int t, int p, double sp, double x, double curvature) {
        return clamp(x - (horner(ds, t * deg, deg, x) - sp) / curvature, pieceL[p], pieceR[p]);
    }

    /**
     * The minimiser of one table at s', exactly as {@link #argminAll} finds it (the same lookup,
     * seed, steps and fallback, one table at a time).
     */
    double minimiser(int t, double s) {
        int p = candidate(t, s);
        if (p == LOWER || (p >= 0 && s >= slopeL[p])) return p >= 0 ? pieceL[p] : lo[t];
        if (p == UPPER || s <= slopeR[p]) return p >= 0 ? pieceR[p] : hi[t];
        double x = seed(p, s), l = pieceL[p], r = pieceR[p];
        double next = clamp(x - newtonStep(t, x, s), l, r);
        if (Math.abs(next - x) > 1e-5 * (1 + Math.abs(x))) {
            x = next;
            next = clamp(x - newtonStep(t, x, s), l, r);
        }
        return Math.abs(next - x) <= 1e-5 * (1 + Math.abs(x)) ? next : thirdStep(t, p, s, next);
    }

    /**
     * What {@link #root} does after its first two Newton steps (from the seed), continued from the
     * second iterate x: a third step, then the safeguarded solve if that has not converged; the same result.
     */
    double thirdStep(int t, int p, double sp, double x) {
        double step = (horner(ds, t * deg, deg, x) - sp) / horner(dds, t * (deg - 1), deg - 1, x);
        double next = Math.max(pieceL[p], Math.min(pieceR[p], x - step));
        return Math.abs(next - x) <= 1e-6 * (1 + Math.abs(x)) ? next : solve(t, p, sp, next);
    }

    /**
     * The Newton step (S'(x) − s')/S''(x) of table t. At degree 7 (Chebyshev order 8) the
     * derivative coefficients are formed from S's own (the same products that ds and dds hold, so
     * the same step): one cache line per table instead of three. At degree 6 (Chebyshev order 7)
     * the same inlining, and a loop over any degree, measured slower than ds and dds (A/B, hot).
     */
    private double newtonStep(int t, double x, double sp) {
        if (deg != 7) return (horner(ds, t * deg, deg, x) - sp) / horner(dds, t * (deg - 1), deg - 1, x);
        int o = t * 8;
        double c2 = s[o + 2], c3 = s[o + 3], c4 = s[o + 4], c5 = s[o + 5], c6 = s[o + 6], c7 = s[o + 7];
        double first = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(7 * c7, x, 6 * c6), x, 5 * c5), x, 4 * c4), x,
                3 * c3), x, 2 * c2), x, s[o + 1]);
        double second = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(42.0 * c7, x, 30.0 * c6), x, 20.0 * c5), x, 12.0 * c4),
                x, 6.0 * c3), x, 2.0 * c2);
        return (first - sp) / second;
    }

    /** x limited to [l, r]: plain comparisons, cheaper than Math.max/min's NaN and −0 handling. */
    private static double clamp(double x, double l, double r) {
        return x < l ? l : x > r ? r : x;
    }

    /** Cubic Hermite interpolation of the inverse slope table of piece p at s'. */
    double seed(int p, double sp) {
        double x = (slopeL[p] - sp) * knotScale[p];
        int i = Math.max(0, Math.min((int) x, KNOTS - 1));
        double tau = x - i;
        int k = 2 * (p * (KNOTS + 1) + i);
        double t2 = tau * tau, t3 = t2 * tau;
        return (2 * t3 - 3 * t2 + 1) * knots[k] + (t3 - 2 * t2 + tau) * knots[k + 1]
                + (-2 * t3 + 3 * t2) * knots[k + 2] + (t3 - t2) * knots[k + 3];
    }

    /** The minimiser over [lo, hi] of s'·u − S_t(u). */
    double argmin(int t, double sp) {
        if (concave[t]) {
            int p = pieceStart[t];
            if (sp >= slopeL[p]) return lo[t];
            if (sp <= slopeR[p]) return hi[t];
            return root(t, p, sp);
        }
        double best = lo[t], bestValue = sp * lo[t] - value(t, lo[t]);
        double end = sp * hi[t] - value(t, hi[t]);
        if (end < bestValue) {
            best = hi[t];
            bestValue = end;
        }
        for (int p = pieceStart[t]; p < pieceStart[t + 1]; p++) {
            if (sp > slopeL[p] || sp < slopeR[p]) continue;
            double u = root(t, p, sp);
            double v = sp * u - value(t, u);
            if (v < bestValue) {
                best = u;
                bestValue = v;
            }
        }
        return best;
    }

    /**
     * The root of S'(u) = s' on the decreasing piece p: a cubic Hermite seed from the knot table,
     * then Newton, which from the seed's small error reaches rounding level in one or two steps;
     * the safeguarded iteration takes over in the rare case it has not.
     */
    private double root(int t, int p, double sp) {
        double u = seed(p, sp);
        int o1 = t * deg, o2 = t * (deg - 1);
        double l = pieceL[p], r = pieceR[p];
        for (int it = 0; it < 3; it++) {
            double step = (horner(ds, o1, deg, u) - sp) / horner(dds, o2, deg - 1, u);
            double next = Math.max(l, Math.min(r, u - step));
            // quadratic convergence: after a step δ ≤ 1e-6 the error is ~δ² ≤ 1e-12, far below
            // what F (error ~S''δ²) or the gradient (~δ) can notice
            if (Math.abs(next - u) <= 1e-6 * (1 + Math.abs(u))) return next;
            u = next;
        }
        return solve(t, p, sp, u);
    }

    /** Safeguarded Newton for S'(u) = s' on the decreasing piece p from the guess u. */
    private double solve(int t, int p, double sp, double u) {
        double a = pieceL[p], b = pieceR[p];
        double fa = slopeL[p] - sp, fb = slopeR[p] - sp;
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (!(u > a && u < b)) u = a + fa / (fa - fb) * (b - a);
        int o1 = t * deg, o2 = t * (deg - 1);
        for (int it = 0; it < 100; it++) {
            double f = horner(ds, o1, deg, u) - sp;
            if (f == 0) return u;
            if (f > 0) a = u;
            else b = u;
            double fp = horner(dds, o2, deg - 1, u);
            double next = u - f / fp;
            if (!(fp < 0) || !(next > a && next < b)) next = 0.5 * (a + b);
            double step = Math.abs(next - u);
            u = next;
            if (step <= 1e-10 * (1 + Math.abs(u))) {
                // quadratic convergence: one more step reaches rounding level
                double g = horner(ds, o1, deg, u) - sp, gp = horner(dds, o2, deg - 1, u);
                double last = u - g / gp;
                return last > pieceL[p] && last < pieceR[p] && gp < 0 ? last : u;
            }
            if (b - a <= 1e-15 * (1 + Math.abs(u))) return u;
        }
        return u;
    }

    /** S_t(u). */
    double value(int t, double u) {
        return horner(s, t * (deg + 1), deg + 1, u);
    }

    /** S'_t(u). */
    double slope(int t, double u) {
        return horner(ds, t * deg, deg, u);
    }

    /**
     * S''_t(u*) where u* is an interior stationary point (S'(u*) = s' inside the range, S'' < 0), so
     * d(u*)/ds' = 1/S''; 0 where u* sits on an end of the range or of a decreasing piece (d(u*)/ds' = 0).
     */
    double interiorCurvature(int t, double u, double sp) {
        if (!(u > lo[t] && u < hi[t])) return 0;
        double curvature = second(t, u);
        if (!(curvature < 0)) return 0;
        // Newton stops within ~1e-10 of the root; an end of a piece misses s' by its slope gap
        return Math.abs(slope(t, u) - sp) <= 1e-7 * (Math.abs(sp) + Math.abs(curvature) * (hi[t] - lo[t])) ? curvature : 0;
    }

    private double second(int t, double u) {
        return deg < 2 ? 0 : horner(dds, t * (deg - 1), deg - 1, u);
    }

    /** Σ_{i<n} c[offset+i] uⁱ; the usual lengths are unrolled (straight-line fused multiply-adds). */
    static double horner(double[] c, int offset, int n, double u) {
        int o = offset;
        switch (n) {
            case 5:
                return Math.fma(Math.fma(Math.fma(Math.fma(c[o + 4], u, c[o + 3]), u, c[o + 2]), u, c[o + 1]), u, c[o]);
            case 6:
                return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(c[o + 5], u, c[o + 4]), u, c[o + 3]), u, c[o + 2]), u,
                        c[o + 1]), u, c[o]);
            case 7:
                return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(c[o + 6], u, c[o + 5]), u, c[o + 4]), u,
                        c[o + 3]), u, c[o + 2]), u, c[o + 1]), u, c[o]);
            case 8:
                return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(c[o + 7], u, c[o + 6]), u, c[o + 5]), u,
                        c[o + 4]), u, c[o + 3]), u, c[o + 2]), u, c[o + 1]), u, c[o]);
            default:
                double v = c[o + n - 1];
                for (int i = o + n - 2; i >= o; i--) v = Math.fma(v, u, c[i]);
                return v;
        }
    }
}
