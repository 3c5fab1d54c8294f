package org.scoredos.estimate;

import org.scoredos.io.BadInputException;
import org.scoredos.summary.PhaseSummary;

/**
 * Free energy F_θ(T) of one phase at one volume from the fitted score models of its isosurface
 * cells (method.md §4), with error bar, optimal isosurface α*, solved flag and gradient.
 *
 * <p>Everything that does not depend on θ is prepared once per phase ({@link IsosurfaceCells},
 * the α-fit pseudo-inverse {@link AlphaFit}, and each subclass's Legendre tables), so one
 * evaluation is a rotation of θ into every cell, one 1-D minimisation per (cell, component) and
 * a small polynomial in α, without allocation. How the Legendre transforms are taken is the
 * subclass: {@link ReferenceEstimator} (the DescriptorDOS estimator exactly) or
 * {@link SmoothEstimator} (continuous, with the exact gradient). The error bar comes from the
 * subclass's bands under {@link ErrorModel#REFERENCE}, from {@link CalibratedError} under
 * {@link ErrorModel#CALIBRATED}. Instances are immutable and thread-safe; each thread uses its
 * own {@link IsosurfaceWorkspace}.
 */
public abstract sealed class IsosurfaceEstimator implements PhaseFreeEnergy permits ReferenceEstimator, SmoothEstimator {
    /** How the Legendre transforms are taken, and how βF(α) joins the cells. */
    public enum Mode {
        /** The DescriptorDOS estimator: bin grids, the quintic α polynomial on a dense α grid. */
        REFERENCE,
        /** Continuous transforms, the quintic α polynomial over the whole grid minimised continuously. */
        SMOOTH,
        /**
         * As SMOOTH, with βF(α) a local quadratic through the cells near α ({@link LocalAlphaFit}):
         * cells far above α* (where each cell's large-N transform is off by k_BT) no longer reach F.
         */
        LOCAL,
        /**
         * As SMOOTH, with each rotated component's transform the 1-D integral of its fitted density at
         * the store's N atoms ({@link FiniteSizeTransform}) instead of the large-N Legendre transform.
         */
        INTEGRAL
    }

    /** Degree of the quintic α polynomial (alpha_poly_order); also the fewest cells a phase needs, plus one. */
    public static final int ALPHA_DEGREE = 5;
    /** θ per rotation block of the many-θ evaluation: their rotated vectors and a row stay in L1. */
    static final int BLOCK = 4;
    /**
     * θ per block of the many-θ evaluation that the smooth estimator interpolates its transforms over
     * (the ensemble's block): its members' results depend on the block, not on the rest of the call.
     */
    public static final int MEMBERS = 64;

    final IsosurfaceCells cells;
    private final ErrorModel errorModel;
    /** The calibrated model's first-order correction of F for the frame's off-diagonal covariance; null under the reference model. */
    final FrameCorrection frame;
    /** Null under the reference error model, whose bar the subclass computes with F, and for a neighbouring order's refit. */
    final CalibratedError calibrated;
    /**
     * Each thread's workspaces of the many-θ path, [1] with the order spread, [0] without, made on
     * first use: a block of members then allocates only its results (fresh pages cost a fault each
     * where the heap has just grown, lib/docs/performance.md, "Ensembles").
     */
    private final ThreadLocal<IsosurfaceWorkspace[]> memberSpaces = ThreadLocal.withInitial(() -> new IsosurfaceWorkspace[2]);

    /**
     * {@code ownBar}: false for the calibrated model's neighbouring-order refits, which need its
     * F (frame-corrected) but not an error bar of their own.
     */
    IsosurfaceEstimator(PhaseSummary phase, Mode mode, ErrorModel errorModel, boolean ownBar) {
        this.errorModel = errorModel;
        cells = new IsosurfaceCells(phase, ALPHA_DEGREE);
        boolean calibrate = errorModel == ErrorModel.CALIBRATED;
        frame = calibrate ? new FrameCorrection(phase, cells) : null;
        calibrated = calibrate && ownBar ? new CalibratedError(phase, mode, cells, frame) : null;
    }

    /** The estimator of a phase whose cells all carry fitted score models, with the reference's error bars. */
    public static IsosurfaceEstimator of(PhaseSummary phase, Mode mode) {
        return of(phase, mode, ErrorModel.REFERENCE);
    }

    /**
     * The estimator with the chosen error model. The calibrated model's systematic part refits the
     * score models at the neighbouring orders on its first use ({@link CalibratedError}), so
     * loading costs what the reference model's does.
     */
    public static IsosurfaceEstimator of(PhaseSummary phase, Mode mode, ErrorModel errorModel) {
        return of(phase, mode, errorModel, true);
    }

    /** The calibrated model's F (frame-corrected) of a refit at a neighbouring order, without an error bar of its own. */
    static IsosurfaceEstimator neighbour(PhaseSummary refit, Mode mode) {
        return of(refit, mode, ErrorModel.CALIBRATED, false);
    }

    private static IsosurfaceEstimator of(PhaseSummary phase, Mode mode, ErrorModel errorModel, boolean ownBar) {
        return switch (mode) {
            case REFERENCE -> new ReferenceEstimator(phase, errorModel, ownBar);
            case SMOOTH, LOCAL, INTEGRAL -> new SmoothEstimator(phase, mode, errorModel, ownBar);
        };
    }

    public abstract Mode mode();

    @Override
    public ErrorModel errorModel() {
        return errorModel;
    }

    @Override
    public String method() {
        return mode().name().toLowerCase(java.util.Locale.ROOT) + " mode, " + errorModel.name().toLowerCase(java.util.Locale.ROOT)
                + " error model";
    }

    @Override
    public String phase() {
        return cells.phase;
    }

    @Override
    public int components() {
        return cells.parameters;
    }

    /** D_0 of the fitted components (the fixed terms' part of the lattice energy moves with no θ). */
    @Override
    public double[] latticeDescriptor() {
        return java.util.Arrays.copyOf(cells.d0, cells.parameters);
    }

    /** The sampled α grid (a copy). */
    public double[] alphas() {
        return cells.alphas.clone();
    }

    @Override
    public double latticeEnergy(double[] theta) {
        return cells.latticeEnergy(theta);
    }

    public IsosurfaceWorkspace workspace() {
        return workspace(true);
    }

    /**
     * Under the calibrated model the two estimates' errors are linearised in the same score fits and
     * frames and differenced before the bar is taken ({@link CalibratedError#differenceError}): what
     * they share cancels. The reference model's bands keep the default (the bars in quadrature).
     */
    @Override
    public double differenceError(double[] theta, double[] other, double temperature) {
        if (calibrated == null) return PhaseFreeEnergy.super.differenceError(theta, other, temperature);
        IsosurfaceWorkspace a = workspace(false), b = workspace(false);
        evaluate(theta, temperature, false, true, a);
        evaluate(other, temperature, false, true, b);
        return calibrated.differenceError(temperature, a, b);
    }

    /**
     * A workspace whose calibrated evaluations compute the systematic part beside the error bar
     * (the score orders' spread: two more evaluations per (θ, T)) only if {@code orderSpread};
     * without it {@link IsosurfaceWorkspace#systematicError()} is NaN and everything else is the same.
     */
    public IsosurfaceWorkspace workspace(boolean orderSpread) {
        return new IsosurfaceWorkspace(cells.cells, cells.d, cells.parameters, ALPHA_DEGREE,
                calibrated == null || !orderSpread ? 0 : CalibratedError.NEIGHBOURS);
    }

    @Override
    public FreeEnergy estimate(double[] theta, double temperature) {
        IsosurfaceWorkspace w = workspace();
        evaluate(theta, temperature, true, w);
        return w.result(true);
    }

    /** The free energy at each temperature (with gradients if asked); θ is rotated once for all of them. */
    @Override
    public FreeEnergy[] estimate(double[] theta, double[] temperatures, boolean gradient) {
        IsosurfaceWorkspace w = workspace();
        rotate(theta, w);
        FreeEnergy[] out = new FreeEnergy[temperatures.length];
        evaluateTemperatures(temperatures, gradient, true, w, out);
        return out;
    }

    /**
     * The free energies of many parameter vectors at many temperatures: result[i][j] for θ_i at T_j.
     * The θ are rotated {@link #BLOCK} at a time, so each row of the rotations is read from memory
     * once per block instead of once per θ, and evaluated {@link #MEMBERS} at a time: the results are
     * those of one-by-one evaluation, bit for bit in reference mode; the smooth estimator interpolates
     * the transforms of a block of members (to ~1e-14 in u*, {@link SlopeInterpolants}).
     */
    @Override
    public FreeEnergy[][] estimate(double[][] thetas, double[] temperatures, boolean gradient) {
        return estimate(thetas, temperatures, gradient, true, true);
    }

    /**
     * The many-θ path, with the error bar only if {@code error} (without it the bar and its parts
     * are NaN and the band minimisations are skipped, as {@link #evaluateRotated} does).
     */
    public FreeEnergy[][] estimate(double[][] thetas, double[] temperatures, boolean gradient, boolean error) {
        return estimate(thetas, temperatures, gradient, error, true);
    }

    /** The many-θ path without the order spread beside each calibrated bar (it is NaN): the same F, bars and α*. */
    @Override
    public FreeEnergy[][] estimateMembers(double[][] thetas, double[] temperatures) {
        return estimate(thetas, temperatures, false, true, false);
    }

    private FreeEnergy[][] estimate(double[][] thetas, double[] temperatures, boolean gradient, boolean error, boolean orderSpread) {
        FreeEnergy[][] out = new FreeEnergy[thetas.length][temperatures.length];
        IsosurfaceWorkspace w = memberSpace(orderSpread);
        double[][] rotated = w.members(Math.min(MEMBERS, thetas.length));
        for (int first = 0; first < thetas.length; first += MEMBERS) {
            int count = Math.min(MEMBERS, thetas.length - first);
            for (int b = 0; b < count; b += BLOCK) cells.rotate(thetas, first + b, Math.min(BLOCK, count - b), rotated, b);
            evaluateMembers(rotated, count, temperatures, gradient, error, w, out, first);
        }
        return out;
    }

    /** This thread's workspace of the many-θ path, kept across calls (it holds nothing a result refers to). */
    private IsosurfaceWorkspace memberSpace(boolean orderSpread) {
        IsosurfaceWorkspace[] spaces = memberSpaces.get();
        int k = orderSpread ? 1 : 0;
        if (spaces[k] == null) spaces[k] = workspace(orderSpread);
        return spaces[k];
    }

    /**
     * The rotated θ̃ in rotated[0 .. count) at each temperature into out[first + i]: here one θ at a
     * time ({@link #evaluateTemperatures}); the smooth estimator interpolates the block's transforms.
     */
    void evaluateMembers(double[][] rotated, int count, double[] temperatures, boolean gradient, boolean error, IsosurfaceWorkspace w,
            FreeEnergy[][] out, int first) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(rotated[i], 0, w.rotated, 0, w.rotated.length);
            evaluateTemperatures(temperatures, gradient, error, w, out[first + i]);
        }
    }

    /**
     * The θ rotated in {@code w} at each temperature into {@code out}: here one by one
     * ({@link #evaluateRotated} and the result); the smooth estimator lays the temperatures side by
     * side, with the same results.
     */
    void evaluateTemperatures(double[] temperatures, boolean gradient, boolean error, IsosurfaceWorkspace w, FreeEnergy[] out) {
        for (int j = 0; j < temperatures.length; j++) {
            evaluateRotated(temperatures[j], gradient, error, w);
            out[j] = w.result(gradient);
        }
    }

    /** Evaluates θ at T into the workspace, error bar included; allocates nothing. */
    public void evaluate(double[] theta, double temperature, boolean gradient, IsosurfaceWorkspace w) {
        evaluate(theta, temperature, gradient, true, w);
    }

    /**
     * Evaluates θ at T into the workspace; allocates nothing. Without {@code error} the error
     * bar is left NaN and its entropy-band minimisations are skipped (what transitions and
     * fine-tuning need).
     */
    public void evaluate(double[] theta, double temperature, boolean gradient, boolean error, IsosurfaceWorkspace w) {
        rotate(theta, w);
        evaluateRotated(temperature, gradient, error, w);
    }

    /**
     * Rotates θ into every cell's basis (θ̃ = Rᵀθ) and keeps it in the workspace for
     * {@link #evaluateRotated}: one θ at many temperatures then pays for the rotation once.
     */
    public void rotate(double[] theta, IsosurfaceWorkspace w) {
        cells.rotate(theta, w.rotated);
    }

    /**
     * Evaluates the θ last {@linkplain #rotate rotated} into the workspace at T, as
     * {@link #evaluate(double[], double, boolean, boolean, IsosurfaceWorkspace)} does; allocates nothing.
     */
    public void evaluateRotated(double temperature, boolean gradient, boolean error, IsosurfaceWorkspace w) {
        checkTemperature(temperature);
        w.temperature = temperature;
        w.hasGradient = gradient;
        boolean calibrate = error && calibrated != null;
        transform(temperature, gradient, error && !calibrate, calibrate, w);
        w.statistical = w.systematic = Double.NaN;
        if (calibrate) calibrated.apply(temperature, w);
    }

    /**
     * F, α*, the α-profile weights w_a(α*), solved flag (and the gradient, the reference band
     * error bar, the minimisers u*_ak when asked for) of the rotated θ in {@code w} at T; under the
     * calibrated model F includes the {@link FrameCorrection} (which needs the minimisers).
     * {@code minimisers}: the calibrated bar follows, which also needs the frame term's noise products.
     */
    abstract void transform(double temperature, boolean gradient, boolean error, boolean minimisers, IsosurfaceWorkspace w);

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new BadInputException("temperature: must be finite and above 0 K, got " + temperature);
        }
    }
}
