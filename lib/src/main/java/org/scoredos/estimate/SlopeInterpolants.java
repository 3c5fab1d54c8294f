package org.scoredos.estimate;

import java.util.Arrays;

/**
 * Every table's minimiser u*(s') over the slopes one block of θ reaches at its temperatures, as
 * Chebyshev interpolants: the many-θ path knows, once the block is rotated, the range [s_min,
 * s_max] of s' = βθ̃·scale per table, and u* is smooth there unless the range crosses a winner
 * threshold or comes near a branch point (an inflection point of S, where d(u*)/ds' diverges).
 * Per table the range, clipped to the winning piece's slopes (beyond them u* is the piece's end),
 * is cut into 1, 2, 4 … {@value #MAX_PIECES} equal pieces, each interpolated at degree
 * {@value #DEGREE} through the Chebyshev–Lobatto nodes, where u* is the root solve polished to
 * rounding. A cut is kept when every piece's last two coefficients are below 1e-14·(1 + |u|) (or
 * the rounding scale of u* there), or small enough that one Newton step after the interpolant
 * ({@link #polish}: error |S'''/2S''|·δ²) brings u* there. Cuts stop where the tails shrink too
 * slowly to get there within {@value #MAX_PIECES} pieces (a branch point); such a table, and one
 * whose range crosses a threshold, keeps the exact per-lane solve ({@link #exact}). Evaluated by
 * Clenshaw's recurrence with the coefficients broadcast to all lanes, u* agrees with the polished
 * root to ~1e-15 (the single path's Newton stops within ~1e-10); the Legendre value s'u* − S(u*) is
 * stationary in u*, so F agrees to rounding. Built per block, so a member's last bits depend on its
 * block (not on the members' order within it).
 */
final class SlopeInterpolants {
    /** Degree of each piece's interpolant. */
    static final int DEGREE = 12;
    /** The most equal pieces a table's range is cut into before it keeps the exact solve. */
    static final int MAX_PIECES = 16;
    private static final double RELATIVE = 1e-14, EPS = Math.ulp(1.0);

    /** Per table: equal pieces (0: the exact solve; 1 with degree 0: a constant u*), and the piece of S' u* is on. */
    final int[] pieces, degree, piece;
    /** Per table: whether one Newton step follows the interpolant (its tail too large for it alone, small enough for one step). */
    final boolean[] polish;
    /** Per table: the interpolated slopes [low, high] (lanes are clamped into it) and 2·pieces/(high − low). */
    final double[] low, high, scale;
    /** Per table, from start[t]: each piece's degree + 1 Chebyshev coefficients in turn. */
    final int[] start;
    double[] coefficients;
    private int used;
    /** Root solves spent on the nodes (what building cost). */
    int solves;

    private final PolynomialConjugate e;
    private final double[] value = new double[DEGREE + 1], cosines = new double[(DEGREE + 1) * (DEGREE + 1)];

    /**
     * The interpolants of every table for slopes s' = (θ̃_t β) scale_t, θ̃ one of {@code rotated}
     * [0, count) and β between the least and the largest of {@code beta}.
     */
    SlopeInterpolants(PolynomialConjugate entropy, double[] scale, double[][] rotated, int count, double[] beta) {
        e = entropy;
        int tables = scale.length;
        pieces = new int[tables];
        degree = new int[tables];
        piece = new int[tables];
        polish = new boolean[tables];
        low = new double[tables];
        high = new double[tables];
        this.scale = new double[tables];
        start = new int[tables];
        coefficients = new double[tables * (DEGREE + 1)];
        for (int j = 0; j <= DEGREE; j++) {
            for (int k = 0; k <= DEGREE; k++) cosines[j * (DEGREE + 1) + k] = Math.cos(Math.PI * j * k / DEGREE);
        }
        double betaLow = Double.POSITIVE_INFINITY, betaHigh = 0;
        for (double b : beta) {
            betaLow = Math.min(betaLow, b);
            betaHigh = Math.max(betaHigh, b);
        }
        for (int t = 0; t < tables; t++) {
            double sMin = Double.POSITIVE_INFINITY, sMax = Double.NEGATIVE_INFINITY;
            // (θ̃β)·scale is monotone in β in floating point too: the ends are at the extreme β, as the lanes compute them
            for (int i = 0; i < count; i++) {
                double a = rotated[i][t] * betaLow * scale[t], b = rotated[i][t] * betaHigh * scale[t];
                sMin = Math.min(sMin, Math.min(a, b));
                sMax = Math.max(sMax, Math.max(a, b));
            }
            build(t, sMin, sMax);
        }
    }

    /** Whether table t keeps the exact per-lane solve. */
    boolean exact(int t) {
        return pieces[t] == 0;
    }

    /** u* of table t at s' (one lane: what the vector kernel computes lane by lane). */
    double value(int t, double sp) {
        int k = pieces[t], n = degree[t];
        double s = sp < low[t] ? low[t] : sp > high[t] ? high[t] : sp;
        double y = (s - low[t]) * scale[t];
        int j = Math.min((int) (0.5 * y), k - 1);
        double u = clenshaw(coefficients, start[t] + j * (n + 1), n, y - (2 * j + 1));
        return polish[t] ? e.newton(t, piece[t], sp, u) : u;
    }

    /** Σ_k c[o+k] T_k(x), k ≤ n, by Clenshaw's recurrence. */
    static double clenshaw(double[] c, int o, int n, double x) {
        double b1 = 0, b2 = 0, x2 = 2 * x;
        for (int k = o + n; k > o; k--) {
            double b0 = Math.fma(x2, b1, c[k] - b2);
            b2 = b1;
            b1 = b0;
        }
        return Math.fma(x, b1, c[o] - b2);
    }

    private void build(int t, double sMin, double sMax) {
        start[t] = used;
        int first = e.candidateIndex(t, sMin), last = e.candidateIndex(t, sMax);
        if (first != last) return; // a winner threshold inside the range: u* jumps there
        int p = e.candidateAt(t, first);
        piece[t] = p;
        double a = sMin, b = sMax;
        if (p >= 0) {
            a = Math.max(a, e.slopeR[p]);
            b = Math.min(b, e.slopeL[p]);
        }
        if (p < 0 || !(a < b)) { // u* one end, or one s'
            constant(t, e.minimiser(t, sMin), sMin, sMax);
            return;
        }
        double previous = Double.NaN;
        for (int k = 1; k <= MAX_PIECES; k *= 2) {
            double excess = fit(t, p, a, b, k);
            if (excess <= 1) return;
            // the last halving cut the excess by previous/excess: give up where the rest would need more than MAX_PIECES
            // (near a branch point the tails barely shrink), before spending the root solves
            double gain = previous / excess;
            if (k > 1 && !(gain > 2 && k * Math.pow(2, Math.ceil(Math.log(excess) / Math.log(gain))) <= MAX_PIECES)) break;
            previous = excess;
        }
        used = start[t];
        pieces[t] = 0;
    }

    private void constant(int t, double u, double a, double b) {
        reserve(1);
        coefficients[used++] = u;
        pieces[t] = 1;
        degree[t] = 0;
        low[t] = a;
        high[t] = b;
        scale[t] = 0;
    }

    /**
     * k equal pieces of [a, b] on piece p of S', kept if every piece's tail is small enough for the
     * interpolant alone or, with Newton's step after it ({@link #polish}), for one step. Returns how
     * far the tails are from that (≤ 1: kept; else the worst ratio of a tail to what it needed, over
     * the pieces fitted until one failed).
     */
    private double fit(int t, int p, double a, double b, int k) {
        int n = DEGREE;
        used = start[t];
        reserve(k * (n + 1));
        double width = (b - a) / k;
        boolean alone = true, stepped = true;
        double pure = 0, newton = 0;
        for (int j = 0; j < k && (alone || stepped); j++) {
            double left = a + j * width, right = j == k - 1 ? b : left + width;
            double mid = 0.5 * (left + right), half = 0.5 * (right - left);
            double largest = 0, steepest = 0, flattest = Double.POSITIVE_INFINITY, bending = 0, slope = Math.max(Math.abs(left), Math.abs(right));
            for (int i = 0; i <= n; i++) {
                // Lobatto nodes from the right end down, the ends exact
                double s = i == 0 ? right : i == n ? left : mid + half * cosines[i * (n + 1) + 1];
                double u = e.polishedRoot(t, p, s);
                value[i] = u;
                largest = Math.max(largest, Math.abs(u));
                double curvature = e.curvature(t, u);
                flattest = Math.min(flattest, -curvature);
                if (curvature < 0) steepest = Math.max(steepest, -1 / curvature);
                bending = Math.max(bending, Math.abs(e.third(t, u)));
            }
            solves += n + 1;
            int o = used + j * (n + 1);
            for (int m = 0; m <= n; m++) {
                double sum = 0.5 * (value[0] + (m % 2 == 0 ? value[n] : -value[n]));
                for (int i = 1; i < n; i++) sum += value[i] * cosines[i * (n + 1) + m];
                coefficients[o + m] = (m == 0 || m == n ? 1.0 : 2.0) * sum / n;
            }
            double tail = Math.max(Math.abs(coefficients[o + n]), Math.abs(coefficients[o + n - 1]));
            double tolerance = Math.max(RELATIVE * (1 + largest), 8 * EPS * (largest + slope * steepest));
            // after one step the error is about |S'''/2S''|·δ², δ the interpolant's (taken as 10× its tail)
            double step = flattest > 0 ? Math.min(0.1 * Math.sqrt(2 * flattest * tolerance / bending), 1e-4 * pieceWidth(p)) : 0;
            pure = Math.max(pure, tail / tolerance);
            newton = Math.max(newton, tail / step);
            alone = pure <= 1;
            stepped = newton <= 1;
        }
        if (!alone && !stepped) return Math.min(pure, newton);
        used += k * (n + 1);
        pieces[t] = k;
        degree[t] = n;
        polish[t] = !alone;
        low[t] = a;
        high[t] = b;
        scale[t] = 2.0 * k / (b - a);
        return 0;
    }

    private double pieceWidth(int p) {
        return e.pieceR[p] - e.pieceL[p];
    }

    private void reserve(int more) {
        if (used + more > coefficients.length) coefficients = Arrays.copyOf(coefficients, Math.max(2 * coefficients.length, used + more));
    }
}
