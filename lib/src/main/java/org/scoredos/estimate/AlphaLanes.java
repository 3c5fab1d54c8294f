package org.scoredos.estimate;

/**
 * The α profile of every lane of a {@link TemperatureLanes} ({@link AlphaProfile#minimiseLanes}): per
 * lane the shell constant in; βF at the minimum (shell constant included, before k_BT), the band
 * there, t* and α* and whether α* is inside the sampled range out; and the quintic profile's scratch.
 */
final class AlphaLanes {
    /** Per lane: the shell constant c0 (in), βF(α*) and the band Σ_a w_a(α*) gPlus_a (out, dimensionless). */
    final double[] shell, freeEnergy, error;
    /** Per lane: t* (NaN where the profile has no t) and α*. */
    final double[] tStar, alphaStar;
    final boolean[] solved;
    /** The quintic's coefficients and the band's, [i·width + l]; p′'s, and p′ on the scan's grid points. */
    final double[] coef, coefBand, slope, scan;
    /** The grid intervals where p′ turns positive, in the order of the scan: (lane, interval), {@link #changes} of them. */
    final int[] changeLane, changeInterval;
    int changes;
    /** Per lane: scratch (the value at t = 1, the weights' powers of t*). */
    final double[] scratch;
    /** One lane's p′ and p, for the scalar root polish. */
    final double[] laneSlope, laneCoef;

    AlphaLanes(int width, int degree, int grid) {
        shell = new double[width];
        freeEnergy = new double[width];
        error = new double[width];
        tStar = new double[width];
        alphaStar = new double[width];
        solved = new boolean[width];
        coef = new double[(degree + 1) * width];
        coefBand = new double[(degree + 1) * width];
        slope = new double[degree * width];
        scan = new double[(grid + 1) * width];
        changeLane = new int[grid * width];
        changeInterval = new int[grid * width];
        scratch = new double[width];
        laneSlope = new double[degree];
        laneCoef = new double[degree + 1];
    }
}
