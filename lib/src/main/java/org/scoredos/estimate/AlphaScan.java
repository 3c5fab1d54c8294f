package org.scoredos.estimate;

/**
 * The quintic α profile's passes over lanes ({@link GlobalAlphaFit#minimiseLanes}), lanes side by side
 * ([row·width + l]): the least-squares fit and the scan of p′ over the grid that brackets its roots.
 * Each gives, per lane, the same operations as {@link AlphaFit#fit} and the one-lane scan (products
 * and sums in the same order, no fused multiply-add), so the same bits: {@link ScalarAlphaScan}, and
 * {@code VectorAlphaScan} (SIMD through jdk.incubator.vector), which {@link #of} picks where the JVM
 * has that module; without it the class is never loaded.
 */
interface AlphaScan {
    /** out[i·width + l] = Σ_a pinv[i][a] values[a·width + l], summed from a = 0 up, for every lane. */
    void fit(double[][] pinv, double[] values, int width, double[] out);

    /**
     * p′ (slope[j·width + l], j below {@code terms}, by Horner) at each of the grid's points into
     * scan[i·width + l]; the intervals (i − 1, i) where p′ turns positive (scan &lt; 0, then ≥ 0) of the
     * lanes below {@code count} into (lane, interval), each lane's in increasing i. Returns how many.
     */
    int scan(double[] slope, int terms, int width, int count, double[] points, double[] scan, int[] lane, int[] interval);

    /** The SIMD passes where this JVM has the vector module, the plain ones otherwise. */
    static AlphaScan of() {
        if (LaneKernel.vectorModule()) {
            try {
                return (AlphaScan) Class.forName("org.scoredos.estimate.VectorAlphaScan").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // the module is there but its classes would not link: the plain passes give the same bits
            }
        }
        return new ScalarAlphaScan();
    }
}
