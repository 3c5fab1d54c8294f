package org.scoredos.estimate;

/**
 * The smooth estimator's loops over (table, temperature) for one rotated θ at many temperatures,
 * laid out side by side in {@link TemperatureLanes}: every table's minimiser u*, each cell's sum
 * over its components of βθ̃·offset + s'u* − S(u*) (and, for the reference band, of √|δS²(u*)|),
 * and the gradient's back-rotation Σ_t v_t R[:, t] for all temperatures in one sweep over the
 * rotations. Without interpolants, each implementation gives what the one-temperature path of
 * {@link SmoothEstimator} gives, bit for bit: {@link ScalarLanes}, and {@code VectorLanes} (SIMD through the incubator
 * module jdk.incubator.vector), which {@link #of} picks when the JVM was started with that module
 * ({@code --add-modules jdk.incubator.vector}); without it the class is never loaded.
 */
interface LaneKernel {
    /** What a kernel sums per cell beside βF_a, into lanes.band: nothing, or one of the error bars' per-table terms. */
    enum CellSum {
        NONE,
        /** The reference band: √|δS²(u*)|. */
        BAND,
        /** The calibrated model's sampling variance of S(u*): max(0, Var). */
        SAMPLING
    }

    /**
     * u* into lanes.ustar, the cells' sums into lanes.g and (unless {@code sum} is NONE) lanes.band, for
     * θ̃ = {@code rotated}; u* from the block's interpolants {@code fit} for the tables they cover
     * (null: every table by the exact solve), and for a {@link SlopeInterpolants#legendre} table (F only)
     * its interpolated Legendre value straight into lanes.g, its u* left unset.
     */
    void transforms(double[] rotated, TemperatureLanes lanes, CellSum sum, SlopeInterpolants fit);

    /**
     * lanes.gradient[i·width + l] = D_0[i] + Σ_t v_t(l) R[i, t], v_t(l) = w_a(l)(offset_t + scale_t u*_t(l)); the lanes'
     * {@link TemperatureLanes#backRotation} arrays allocated.
     */
    void backRotate(TemperatureLanes lanes);

    /** Lane counts are padded to a multiple of this (the SIMD width). */
    int laneMultiple();

    /** Whether this JVM can run the SIMD kernel: started with the incubator module jdk.incubator.vector. */
    static boolean vectorModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The SIMD kernel where this JVM has the module (and S has degree ≥ 2), the scalar one otherwise. */
    static LaneKernel of(PolynomialConjugate entropy, IsosurfaceCells cells, TableSeries band, TableSeries sampling) {
        if (vectorModule() && entropy.deg >= 2) {
            try {
                return (LaneKernel) Class.forName("org.scoredos.estimate.VectorLanes")
                        .getDeclaredConstructor(PolynomialConjugate.class, IsosurfaceCells.class, TableSeries.class, TableSeries.class)
                        .newInstance(entropy, cells, band, sampling);
            } catch (ReflectiveOperationException | LinkageError e) {
                // the module is there but its classes would not link: the scalar kernel gives the same numbers
            }
        }
        return new ScalarLanes(entropy, cells, band, sampling);
    }

    /** A power series in u per table, flattened: table t's from coefficients[t · stride] (an error bar's per-table term). */
    record TableSeries(double[] coefficients, int stride) {}
}
