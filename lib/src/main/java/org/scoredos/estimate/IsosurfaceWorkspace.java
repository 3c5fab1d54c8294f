package org.scoredos.estimate;

/**
 * Per-thread scratch of an {@link IsosurfaceEstimator} and the results of its last evaluation.
 * Made by {@link IsosurfaceEstimator#workspace()}; one evaluation allocates nothing.
 */
public final class IsosurfaceWorkspace {
    final double[] rotated, ustar, slopes;
    final int[] piece;
    final double[] g, gPlus, gMinus, weights;
    final double[] coef, coefPlus, coefMinus, slope;
    /** D* over every stored component; results keep the first {@link #parameters} (θ's). */
    final double[] gradient;
    /**
     * Per table (calibrated model): h* = x* / C̃_kk, (C̃_off h*), Σ_l (C̃_kl h*_l)² for the noise and
     * S''(u*) for the gradient ({@link FrameCorrection}).
     */
    final double[] frameH, frameCh, frameSquares, curvature;
    /** Per table (mode INTEGRAL): the component's finite-size transform G_t ({@link FiniteSizeTransform}). */
    final double[] transformed;
    final int parameters;
    double temperature, freeEnergy, error, alphaStar, tStar, statistical, systematic;
    boolean solved, hasGradient;
    /**
     * The neighbouring score orders' workspaces (calibrated error model), made on first use; none
     * when the order spread beside the bar is not wanted ({@link IsosurfaceEstimator#workspace(boolean)}).
     */
    final IsosurfaceWorkspace[] neighbourSpaces;
    /** The lane layout of the last many-temperature evaluation (smooth mode), kept for the next. */
    private TemperatureLanes lanes;
    /** The rotated θ̃ of a block of members (the many-θ path), kept for the next block. */
    private double[][] members;
    /** The last block's interpolants (smooth mode), whose arrays the next block's take. */
    SlopeInterpolants fit;
    private final int cells, d;

    IsosurfaceWorkspace(int cells, int d, int parameters, int alphaDegree, int neighbours) {
        int tables = cells * d;
        rotated = new double[tables];
        ustar = new double[tables];
        slopes = new double[tables];
        piece = new int[tables];
        g = new double[cells];
        gPlus = new double[cells];
        gMinus = new double[cells];
        weights = new double[cells];
        coef = new double[alphaDegree + 1];
        coefPlus = new double[alphaDegree + 1];
        coefMinus = new double[alphaDegree + 1];
        slope = new double[alphaDegree];
        gradient = new double[d];
        frameH = new double[tables];
        frameCh = new double[tables];
        frameSquares = new double[tables];
        curvature = new double[tables];
        transformed = new double[tables];
        this.parameters = parameters;
        neighbourSpaces = new IsosurfaceWorkspace[neighbours];
        this.cells = cells;
        this.d = d;
    }

    /** Lanes for {@code count} temperatures, padded to a multiple of {@code multiple}: the last ones when they fit. */
    TemperatureLanes lanes(int count, int multiple) {
        if (lanes == null || lanes.count != count || lanes.width % multiple != 0) lanes = new TemperatureLanes(count, multiple, cells, d);
        return lanes;
    }

    /** At least {@code count} rows for a block's rotated θ̃, each of every table; rows past a block's count are left as they are. */
    double[][] members(int count) {
        if (members == null || members.length < count) members = new double[count][cells * d];
        return members;
    }

    /** The statistical part of the last error bar (calibrated model; NaN otherwise). */
    public double statisticalError() {
        return statistical;
    }

    /** The systematic part of the last error bar (calibrated model; NaN otherwise). */
    public double systematicError() {
        return systematic;
    }

    public double freeEnergy() {
        return freeEnergy;
    }

    public double error() {
        return error;
    }

    public double alphaStar() {
        return alphaStar;
    }

    public boolean solved() {
        return solved;
    }

    /** The last gradient (a live view over every stored component, θ's first; valid when the last evaluation asked for it). */
    public double[] gradient() {
        return gradient;
    }

    public FreeEnergy result(boolean withGradient) {
        return new FreeEnergy(temperature, freeEnergy, error, alphaStar, solved,
                withGradient && hasGradient ? java.util.Arrays.copyOf(gradient, parameters) : null, statistical, systematic);
    }
}
