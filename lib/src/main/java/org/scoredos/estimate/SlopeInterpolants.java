package org.scoredos.estimate;

import java.util.Arrays;

/**
 * Every table's minimiser u*(s') over the slopes one block of θ reaches at its temperatures, as
 * Chebyshev interpolants: the many-θ path knows, once the block is rotated, the range [s_min,
 * s_max] of s' = βθ̃·scale per table. Per table that range is cut, in increasing s', into pieces on
 * each of which u* is one smooth branch: at the winner thresholds inside it (u* jumps there from one
 * candidate to the next), and at the winning piece of S' its slopes' ends (beyond them u* is the
 * piece's end). A candidate that is an end of the range, or of a piece, is a constant piece; the
 * rest is interpolated at degree {@value #DEGREE} through the Chebyshev–Lobatto nodes, where u* is the
 * root solve polished to rounding, and a piece is halved until its last two coefficients are below
 * 1e-14·(1 + |u|) (or the rounding scale of u* there), or small enough that one Newton step after
 * the interpolant ({@link #polish}: error |S'''/2S''|·δ²) brings u* there (a half's ends and middle are
 * nodes of the piece halved, whose roots it takes). A table that would need
 * more than {@value #MAX_PIECES} pieces, or whose halvings stop paying (a branch point where S'' nearly
 * vanishes), keeps the exact per-lane solve ({@link #exact}). A lane's piece is the count of edges at
 * or below its s' (a threshold's own slope goes to the candidate above it, as
 * {@link PolynomialConjugate#candidate} walks). Evaluated by Clenshaw's recurrence with the
 * coefficients broadcast to all lanes, u* agrees with the polished root to ~1e-15 (the single path's
 * Newton stops within ~1e-10); the Legendre value s'u* − S(u*) is stationary in u*, so F agrees to
 * rounding.
 *
 * <p>Where only F is wanted (no gradient, no error bar, no frame term: nothing reads u* itself), that
 * stationarity sets the tolerance: an error δ in u* moves s'u* − S(u*) by ½|S''|δ², so δ up to
 * √(2·10⁻¹⁶(1 + |S| + |s'u*|)/|S''|) (≈ 1e-7) leaves each table's term within 1e-16 of its size; the
 * halvings are graded towards a branch point, and next to an end of S''s piece that is an inflection
 * point (u* − u_end ∝ √|s' − s'_end|) the piece is interpolated in z = √|s' − s'_end|, where u* is
 * analytic. Where, on the pieces u* needs, the nodes' Legendre value h = s'u* − S(u*) (h' = u*: one order
 * smoother, analytic in z too) has its Chebyshev tail within 1e-16 of its size, the table holds h itself
 * ({@link #legendre}: one Clenshaw sum per lane, no S(u*), no Newton step; about half the tables of the
 * bench's block, at no extra root solve). Built per block, so a member's last bits depend on its block
 * (not on the members' order within it).
 */
final class SlopeInterpolants {
    /** Degree of each interpolated piece. */
    static final int DEGREE = 12;
    /** The most pieces a table's range is cut into before it keeps the exact solve. */
    static final int MAX_PIECES = 8;
    private static final double RELATIVE = 1e-14, EPS = Math.ulp(1.0);
    /** Where only F is wanted: each table's Legendre value s'u* − S(u*) to this relative error (the rounding of its terms). */
    private static final double VALUE = 1e-16;
    /**
     * The least factor a halving must cut a tail's excess by. Where u* itself is read, pieces are not
     * graded towards a branch point (nor interpolated in √|s' − s'_end|): there the one-θ path's own
     * Newton stops up to ~1e-10 from the root (|S'''/2S''| is large), and the error bars, first order in
     * u*, would differ from it by more than 1e-10.
     */
    private final double gain;

    /** Per table: its pieces [first[t], first[t + 1]) in increasing s' (none: the exact solve). */
    final int[] first;
    /** Per table: the piece of S' the Newton step of {@link #polish} is limited to. */
    final int[] piece;
    /**
     * Per table (only F wanted): whether its pieces hold the Legendre value h(s') = s'u* − S(u*) itself, not u*:
     * where, on the pieces u* needs, the nodes' h has its Chebyshev tail within {@link #VALUE} of its size (h' = u*,
     * one order smoother), one Clenshaw sum per lane and no S(u*); a constant u is then s'u − S(u), T₀ and T₁ in
     * x = s'.
     */
    final boolean[] legendre;
    /** Per table: whether one Newton step follows the interpolant (a tail too large for it alone, small enough for one step). */
    final boolean[] polish;
    /**
     * Per piece: the least s' it takes (a lane goes to the last piece whose edge is at or below its s'; the
     * first piece's edge is never compared), its centre and 2/width (x = (s' − centre)·inverse ∈ [−1, 1]),
     * its degree (0: a constant u*) and where its degree + 1 Chebyshev coefficients start.
     */
    double[] edge, centre, inverse;
    /**
     * Per piece: the variable it is interpolated in, s' itself (side 0) or, next to an end of S''s piece
     * that is an inflection point (S'' = 0 there, u* − u_end ∝ √|s' − s'_end|), z = √(side·(s' − apex)),
     * apex that end's slope: u* is analytic in z, and the square-root branch straightened.
     */
    double[] apex, side;
    int[] degree, start;
    double[] coefficients;
    /** Per piece, from the same start: the Legendre value's coefficients (F only), kept where a whole table's fit. */
    private double[] values;
    private int pieces, used;
    /** Per table: the least and the largest θ̃ of the block (scratch of the constructor). */
    private final double[] least, most;
    /** Root solves spent on the nodes (what building cost). */
    int solves;
    /** Whether u* is held to 1e-14·(1 + |u|) (gradient, error bars, frame term), not just to what F needs. */
    final boolean minimisers;

    private final PolynomialConjugate e;
    /** One piece's Lobatto nodes: their slopes, the roots there and (F only) the Legendre values; scratch of the root solves. */
    private final double[] nodes = new double[DEGREE + 1], value = new double[DEGREE + 1], legendreValue = new double[DEGREE + 1];
    private final int[] state = new int[DEGREE + 1];
    /** S'' at one piece's nodes, where the root solve's polish computed it (else NaN). */
    private final double[] bends = new double[DEGREE + 1];
    /** cos(πjk/DEGREE), [j·(DEGREE + 1) + k]: the Lobatto nodes and the coefficients' sums of every piece. */
    private static final double[] COSINES = new double[(DEGREE + 1) * (DEGREE + 1)];

    static {
        for (int j = 0; j <= DEGREE; j++) {
            for (int k = 0; k <= DEGREE; k++) COSINES[j * (DEGREE + 1) + k] = Math.cos(Math.PI * j * k / DEGREE);
        }
    }
    /**
     * While a table is built: whether its pieces may take the Newton step (one branch of u*, no constant:
     * the step is limited to one piece of S' and must not move a constant), and whether any did.
     */
    private boolean steps, stepped;
    /** While a table is built (F only): whether every piece's Legendre value fits. */
    private boolean fits;

    /**
     * The interpolants of every table for slopes s' = (θ̃_t β) scale_t, θ̃ one of {@code rotated}
     * [0, count) and β between the least and the largest of {@code beta}; {@code minimisers}: u* itself
     * is read (not only the Legendre values F sums). In the arrays of {@code previous} (the last block's
     * interpolants, which are then spent), zeroed as new ones would be, so that a block of members
     * allocates none of them; null: new arrays.
     */
    SlopeInterpolants(PolynomialConjugate entropy, double[] scale, double[][] rotated, int count, double[] beta, boolean minimisers,
            SlopeInterpolants previous) {
        e = entropy;
        this.minimisers = minimisers;
        gain = minimisers ? 16 : 2;
        int tables = scale.length;
        boolean reuse = previous != null && previous.piece.length == tables;
        first = reuse ? zeroed(previous.first) : new int[tables + 1];
        piece = reuse ? zeroed(previous.piece) : new int[tables];
        polish = reuse ? zeroed(previous.polish) : new boolean[tables];
        legendre = reuse ? zeroed(previous.legendre) : new boolean[tables];
        edge = reuse ? zeroed(previous.edge) : new double[2 * tables];
        centre = reuse ? zeroed(previous.centre) : new double[2 * tables];
        inverse = reuse ? zeroed(previous.inverse) : new double[2 * tables];
        apex = reuse ? zeroed(previous.apex) : new double[2 * tables];
        side = reuse ? zeroed(previous.side) : new double[2 * tables];
        degree = reuse ? zeroed(previous.degree) : new int[2 * tables];
        start = reuse ? zeroed(previous.start) : new int[2 * tables];
        // every coefficient a piece reads is written when it is fitted: these need no zeroing
        coefficients = reuse ? previous.coefficients : new double[tables * (DEGREE + 1)];
        values = reuse ? previous.values : new double[coefficients.length];
        double betaLow = Double.POSITIVE_INFINITY, betaHigh = 0;
        for (double b : beta) {
            betaLow = Math.min(betaLow, b);
            betaHigh = Math.max(betaHigh, b);
        }
        // per table the least and largest θ̃ of the block, row by row (sequential reads, plain comparisons)
        least = reuse ? previous.least : new double[tables];
        most = reuse ? previous.most : new double[tables];
        System.arraycopy(rotated[0], 0, least, 0, tables);
        System.arraycopy(rotated[0], 0, most, 0, tables);
        for (int i = 1; i < count; i++) {
            double[] row = rotated[i];
            for (int t = 0; t < tables; t++) {
                double r = row[t];
                least[t] = r < least[t] ? r : least[t];
                most[t] = r > most[t] ? r : most[t];
            }
        }
        for (int t = 0; t < tables; t++) {
            // (θ̃β)·scale is monotone in θ̃ and in β in floating point too: the ends are at the extreme θ̃ and β, as the
            // lanes compute them
            double a = least[t] * betaLow * scale[t], b = least[t] * betaHigh * scale[t];
            double c = most[t] * betaLow * scale[t], d = most[t] * betaHigh * scale[t];
            double sMin = Math.min(Math.min(a, b), Math.min(c, d)), sMax = Math.max(Math.max(a, b), Math.max(c, d));
            first[t] = pieces;
            int mark = used;
            fits = !minimisers;
            if (!build(t, sMin, sMax)) {
                pieces = first[t];
                used = mark;
                fits = false;
            }
            first[t + 1] = pieces;
            if (fits) toLegendre(t);
        }
    }

    private static int[] zeroed(int[] a) {
        java.util.Arrays.fill(a, 0);
        return a;
    }

    private static double[] zeroed(double[] a) {
        java.util.Arrays.fill(a, 0);
        return a;
    }

    private static boolean[] zeroed(boolean[] a) {
        java.util.Arrays.fill(a, false);
        return a;
    }

    /** Table t's pieces from u* to its Legendre value: each piece's values as coefficients, a constant of degree 1 in x = s'. */
    private void toLegendre(int t) {
        legendre[t] = true;
        polish[t] = false;
        for (int j = first[t]; j < first[t + 1]; j++) {
            if (degree[j] == 0) {
                degree[j] = 1;
                centre[j] = 0;
                inverse[j] = 1;
            }
            System.arraycopy(values, start[j], coefficients, start[j], degree[j] + 1);
        }
    }

    /** Whether piece j of table t is a constant u*: degree 0, or in a Legendre table s'u − S(u), degree 1 in s' itself. */
    boolean constant(int t, int j) {
        return degree[j] == (legendre[t] ? 1 : 0);
    }

    /** Whether table t keeps the exact per-lane solve. */
    boolean exact(int t) {
        return first[t + 1] == first[t];
    }

    /** The pieces of table t. */
    int pieces(int t) {
        return first[t + 1] - first[t];
    }

    /** u* of table t at s', or in a {@link #legendre} table s'u* − S(u*) (one lane: what the vector kernel computes lane by lane). */
    double value(int t, double sp) {
        int j = first[t];
        for (int i = j + 1; i < first[t + 1]; i++) if (sp >= edge[i]) j = i;
        double u = clenshaw(coefficients, start[j], degree[j], (variable(sp, apex[j], side[j]) - centre[j]) * inverse[j]);
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

    /**
     * Table t's pieces over [sMin, sMax], one branch of u* at a time from the least s' up: the
     * candidates between the winner thresholds inside the range, each cut at its piece's slopes.
     * False where the table keeps the exact solve.
     */
    private boolean build(int t, double sMin, double sMax) {
        int low = e.candidateIndex(t, sMin), high = e.candidateIndex(t, sMax);
        if (low == high && !(sMin < sMax)) { // one s': the one-slope solve itself
            constant(t, sMin, e.minimiser(t, sMin));
            return true;
        }
        // where u* itself is read a range across a threshold ends near an inflection point (see gain): exact, unsolved
        if (minimisers && low != high) return false;
        int p0 = e.candidateAt(t, low);
        steps = low == high && p0 >= 0 && sMin > e.slopeR[p0] && sMax < e.slopeL[p0];
        stepped = false;
        // candidate indices grow as s' falls: from the one at sMin up to the one at sMax
        for (int i = low; i >= high; i--) {
            double a = i == low ? sMin : e.thresholds[i + 1], b = i == high ? sMax : e.thresholds[i];
            int p = e.candidateAt(t, i);
            if (p == PolynomialConjugate.LOWER || p == PolynomialConjugate.UPPER) {
                constant(t, a, p == PolynomialConjugate.LOWER ? e.lo[t] : e.hi[t]);
                continue;
            }
            // s' ≤ slopeR: the piece's right end; s' ≥ slopeL: its left end; between them the root
            if (a <= e.slopeR[p]) constant(t, a, e.pieceR[p]);
            double l = Math.max(a, e.slopeR[p]), r = Math.min(b, e.slopeL[p]);
            if (l < r && !branch(t, p, l, r)) return false;
            if (b >= e.slopeL[p]) constant(t, Math.max(a, e.slopeL[p]), e.pieceL[p]);
        }
        polish[t] = stepped;
        piece[t] = Math.max(p0, 0);
        return pieces - first[t] <= MAX_PIECES;
    }

    /** A piece from s' = from up where u* is the constant u (F only: a second slot for its Legendre value's T₁). */
    private void constant(int t, double from, double u) {
        int j = add(from, from, from, 0);
        coefficients[start[j]] = u;
        if (minimisers) return;
        add(1);
        values[start[j]] = -e.value(t, u);
        values[start[j] + 1] = u;
    }

    /** k more coefficient slots after the last piece's. */
    private void add(int k) {
        if (used + k > coefficients.length) {
            coefficients = Arrays.copyOf(coefficients, Math.max(2 * coefficients.length, used + k));
            values = Arrays.copyOf(values, coefficients.length);
        }
        used += k;
    }

    private int add(double from, double left, double right, int n) {
        if (pieces == edge.length) {
            int size = 2 * edge.length;
            edge = Arrays.copyOf(edge, size);
            centre = Arrays.copyOf(centre, size);
            inverse = Arrays.copyOf(inverse, size);
            apex = Arrays.copyOf(apex, size);
            side = Arrays.copyOf(side, size);
            degree = Arrays.copyOf(degree, size);
            start = Arrays.copyOf(start, size);
        }
        int j = pieces++;
        edge[j] = from;
        centre[j] = 0.5 * (left + right);
        inverse[j] = n == 0 ? 0 : 2 / (right - left);
        apex[j] = 0;
        side[j] = 0;
        degree[j] = n;
        start[j] = used;
        add(n + 1);
        return j;
    }

    /**
     * The root on piece p of S' over [l, r]: in s', or in z = √|s' − s'_end| where an end of the piece
     * that is an inflection point lies closer to the range than its width and only F is wanted (where u*
     * itself is read such a range keeps the exact solve: see {@link #gain}).
     */
    private boolean branch(int t, int p, double l, double r) {
        double toLeft = e.pieceL[p] > e.lo[t] ? e.slopeL[p] - r : Double.POSITIVE_INFINITY;
        double toRight = e.pieceR[p] < e.hi[t] ? l - e.slopeR[p] : Double.POSITIVE_INFINITY;
        double near = Math.min(toLeft, toRight);
        if (!(near < r - l)) return interpolate(t, p, l, r, Double.POSITIVE_INFINITY, 0, 0, null);
        if (minimisers) return false;
        return toLeft <= toRight ? interpolate(t, p, l, r, Double.POSITIVE_INFINITY, e.slopeL[p], -1, null)
                : interpolate(t, p, l, r, Double.POSITIVE_INFINITY, e.slopeR[p], 1, null);
    }

    /**
     * The Chebyshev coefficients of the Lobatto nodes' values f (from the upper end down) into c[o..o+n]: node by node
     * into all coefficients at once (independent sums the processor overlaps, not one chain per coefficient).
     */
    private void chebyshev(double[] f, double[] c, int o, int n) {
        for (int m = 0; m <= n; m++) c[o + m] = 0.5 * (f[0] + (m % 2 == 0 ? f[n] : -f[n]));
        for (int i = 1; i < n; i++) {
            double fi = f[i];
            for (int m = 0, row = i * (n + 1); m <= n; m++) c[o + m] += fi * COSINES[row + m];
        }
        for (int m = 0; m <= n; m++) c[o + m] = (m == 0 || m == n ? 1.0 : 2.0) * c[o + m] / n;
    }

    /**
     * An accepted piece (F only): the nodes' Legendre values s'u* − S(u*) as coefficients into values[o..o+n], and
     * whether their tail is within {@link #VALUE} of their size (else the table keeps u*). True: the piece stands.
     */
    private boolean legendre(int o, int n, double size) {
        if (!fits) return true;
        chebyshev(legendreValue, values, o, n);
        fits = Math.max(Math.abs(values[o + n]), Math.abs(values[o + n - 1])) <= VALUE * (1 + size);
        return true;
    }

    /** The slopes and roots of three of this piece's nodes, {s, u} from the upper end down: those a half shares. */
    private double[] shared(int a, int b, int c) {
        return new double[] {nodes[a], value[a], nodes[b], value[b], nodes[c], value[c]};
    }

    /** s' → the interpolation variable: s' itself (side 0) or √(side·(s' − apex)). */
    private static double variable(double sp, double apex, double side) {
        return side == 0 ? sp : Math.sqrt((sp - apex) * side);
    }

    /**
     * [l, r] on piece p of S' interpolated in the variable (apex, side), halved until each half's tail
     * is small enough for the interpolant alone or for one Newton step after it. False past
     * {@value #MAX_PIECES} pieces, or where halving cut the excess of the tail over what it needs
     * ({@code parent}'s) less than {@link #gain}×: a branch point near the real axis (a smooth piece's
     * tail falls ~2¹³× per halving).
     */
    private boolean interpolate(int t, int p, double l, double r, double parent, double apexSlope, double sign, double[] shared) {
        if (pieces - first[t] >= MAX_PIECES) return false;
        int n = DEGREE;
        double zl = variable(l, apexSlope, sign), zr = variable(r, apexSlope, sign);
        // the ends of the range in the variable, and which of l, r each is (exact node slopes)
        double zLow = Math.min(zl, zr), zHigh = Math.max(zl, zr), sLow = zl <= zr ? l : r, sHigh = zl <= zr ? r : l;
        int j = add(l, zLow, zHigh, n);
        apex[j] = apexSlope;
        side[j] = sign;
        double mid = centre[j], half = 0.5 * (zHigh - zLow);
        double largest = 0, steepest = 0, flattest = Double.POSITIVE_INFINITY, sharpest = 0, size = 0;
        double slope = Math.max(Math.abs(l), Math.abs(r));
        for (int i = 0; i <= n; i++) {
            // Lobatto nodes from the upper end down, the ends exact
            double z = mid + half * COSINES[i * (n + 1) + 1];
            nodes[i] = i == 0 ? sHigh : i == n ? sLow : sign == 0 ? z : apexSlope + sign * z * z;
            state[i] = PolynomialConjugate.UNSOLVED;
        }
        if (shared != null) {
            for (int k = 0; k < 3; k++) {
                int i = k * (n / 2);
                nodes[i] = shared[2 * k];
                value[i] = shared[2 * k + 1];
                state[i] = PolynomialConjugate.SOLVED;
            }
        }
        java.util.Arrays.fill(bends, Double.NaN);
        e.polishedRoots(t, p, nodes, value, state, n + 1, bends);
        for (int i = 0; i <= n; i++) {
            double s = nodes[i], u = value[i];
            largest = Math.max(largest, Math.abs(u));
            // S'' where the polish took it (its last iterate, within ~1e-12 of the root: for the tolerances), else at u
            double curvature = Double.isNaN(bends[i]) ? e.curvature(t, u) : bends[i];
            flattest = Math.min(flattest, -curvature);
            sharpest = Math.max(sharpest, Math.abs(curvature));
            if (curvature < 0) steepest = Math.max(steepest, -1 / curvature);
            if (!minimisers) {
                double entropy = e.value(t, u);
                size = Math.max(size, Math.abs(entropy) + Math.abs(s * u));
                legendreValue[i] = s * u - entropy;
            }
        }
        solves += shared == null ? n + 1 : n - 2;
        int o = start[j];
        chebyshev(value, coefficients, o, n);
        double tail = Math.max(Math.abs(coefficients[o + n]), Math.abs(coefficients[o + n - 1]));
        double tolerance = Math.max(RELATIVE * (1 + largest), 8 * EPS * (largest + slope * steepest));
        // F alone: ½|S''|δ² within VALUE of the term, δ taken as 10× the tail
        if (!minimisers && sharpest > 0) tolerance = Math.max(tolerance, 0.1 * Math.sqrt(2 * VALUE * (1 + size) / sharpest));
        if (tail <= tolerance) return legendre(o, n, size);
        // after one step the error is about |S'''/2S''|·δ², δ the interpolant's (taken as 10× its tail)
        double step = 0;
        if (steps && flattest > 0) {
            double bending = 0; // |S'''|, read only here
            for (int i = 0; i <= n; i++) bending = Math.max(bending, Math.abs(e.third(t, value[i])));
            step = Math.min(0.1 * Math.sqrt(2 * flattest * tolerance / bending), 1e-4 * (e.pieceR[p] - e.pieceL[p]));
        }
        if (steps && tail <= step) {
            stepped = true;
            return legendre(o, n, size);
        }
        double excess = steps ? Math.min(tail / tolerance, tail / step) : tail / tolerance;
        // halve: drop this piece (the last one added) and fit both halves; each half's ends and middle are nodes of
        // this piece (the Lobatto nodes at cos = ±1, ±1/2, 0), whose roots it takes (DEGREE a multiple of 6)
        pieces--;
        used = o;
        double cut = sign == 0 ? mid : apexSlope + sign * mid * mid;
        if (!(gain * excess < parent && cut > l && cut < r)) return false;
        double[] upper = shared(0, n / 3, n / 2), lower = shared(n / 2, 2 * n / 3, n);
        return interpolate(t, p, l, cut, excess, apexSlope, sign, zl <= zr ? lower : upper)
                && interpolate(t, p, cut, r, excess, apexSlope, sign, zl <= zr ? upper : lower);
    }
}
