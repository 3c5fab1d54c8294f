package org.scoredos.estimate;

import org.scoredos.units.Units;

/**
 * One rotated θ at many temperatures laid out for a {@link LaneKernel}: per table (and per cell,
 * per gradient component) the temperatures side by side, [row · width + lane], width the count
 * padded to the kernel's SIMD width (padding lanes repeat the last temperature, and are ignored).
 * Per-thread scratch, kept in an {@link IsosurfaceWorkspace}.
 */
final class TemperatureLanes {
    final int count, width;
    /** β = 1/k_BT per lane. */
    final double[] beta;
    /** u*[t·width + l]. */
    final double[] ustar;
    /** Per cell: Σ_k of the transformed entropy (βF_a before the shell term), and of the reference band. */
    final double[] g, band;
    /** Per cell: w_a(α*) of each lane, set before {@link LaneKernel#backRotate}. */
    final double[] weights;
    /** The α profile of each lane: its shell constant, results and scratch. */
    final AlphaLanes alpha;
    /** D*[i·width + l]; null until {@link #backRotation}. */
    double[] gradient;
    /** Tables per block of the back-rotation: their v_t of every lane (in {@link #terms}) stay in L1 while each row of R passes over them. */
    static final int TERM_TABLES = 128;
    /** The back-rotation's v_t(l) of one block of tables, [(t − first)·width + l]; null until {@link #backRotation}. */
    double[] terms;
    private final int tables, d;
    /**
     * Per-table scratch of the kernels: slopes s', the Hermite seed (its position and knots), Newton's
     * iterates, the one the scalar path would go on from, candidate (or interpolant piece) counts, and the
     * lanes left unsettled; k0–k3 also take the polynomial passes' values (S(u*), a bar's term, S', S'').
     */
    final double[] slope, seed, tau, k0, k1, k2, k3, first, second, next, candidate, unsettled;
    /** Per piece of a table's interpolants: the first and last lane in it. */
    final int[] firstLane = new int[SlopeInterpolants.MAX_PIECES], lastLane = new int[SlopeInterpolants.MAX_PIECES];
    /**
     * Whether β is monotone over the lanes (the temperatures sorted, either way): then so is every table's s' = (βθ̃)·scale,
     * in floating point too, and a table's lanes in each of its interpolants' pieces are one run.
     */
    boolean monotone;
    /** A table's runs of one piece: the lanes where they start, in increasing order (scratch of the kernels). */
    final int[] cut = new int[SlopeInterpolants.MAX_PIECES + 1];
    /** A table's items: the first lane of a vector, its piece, and the run [low, high) of the lanes that piece takes. */
    final int[] itemLane, itemPiece, itemLow, itemHigh;

    TemperatureLanes(int count, int multiple, int cells, int d) {
        this.count = count;
        width = (count + multiple - 1) / multiple * multiple;
        beta = new double[width];
        ustar = new double[cells * d * width];
        g = new double[cells * width];
        band = new double[cells * width];
        weights = new double[cells * width];
        alpha = new AlphaLanes(width, IsosurfaceEstimator.ALPHA_DEGREE, GlobalAlphaFit.GRID);
        tables = cells * d;
        this.d = d;
        slope = new double[width];
        seed = new double[width];
        first = new double[width];
        second = new double[width];
        unsettled = new double[width];
        tau = new double[width];
        k0 = new double[width];
        k1 = new double[width];
        k2 = new double[width];
        k3 = new double[width];
        next = new double[width];
        candidate = new double[width];
        int items = width + SlopeInterpolants.MAX_PIECES;
        itemLane = new int[items];
        itemPiece = new int[items];
        itemLow = new int[items];
        itemHigh = new int[items];
    }

    /**
     * The back-rotation's arrays ({@link #gradient}, {@link #terms}, 46 kB for bcc iron at 32 lanes), allocated the first
     * time a gradient is wanted: workspaces that never evaluate one never hold them.
     */
    void backRotation() {
        if (terms != null) return;
        gradient = new double[d * width];
        terms = new double[Math.min(tables, TERM_TABLES) * width];
    }

    /** β of each lane, as the one-temperature path computes it. */
    void temperatures(double[] temperatures) {
        boolean down = true, up = true;
        for (int l = 0; l < width; l++) {
            beta[l] = 1.0 / (Units.KB * temperatures[Math.min(l, count - 1)]);
            if (l > 0) {
                down &= beta[l] <= beta[l - 1];
                up &= beta[l] >= beta[l - 1];
            }
        }
        monotone = down || up;
    }
}
