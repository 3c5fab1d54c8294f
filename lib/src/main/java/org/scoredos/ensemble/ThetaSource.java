package org.scoredos.ensemble;

import java.io.Serializable;

/**
 * The members of a model ensemble: θ_m for m = 0 … size − 1, each a pure function of m, so a
 * partition of members can be evaluated anywhere (an executor rebuilds its members from this
 * small object instead of receiving them).
 */
public interface ThetaSource extends Serializable {
    /** The number of members. */
    int size();

    /** d, the length of every θ. */
    int components();

    /** Writes θ_m into {@code out} (d values). */
    void theta(int member, double[] out);

    /** θ for members [from, to), as rows. */
    default double[][] rows(int from, int to) {
        double[][] out = new double[to - from][components()];
        for (int m = from; m < to; m++) theta(m, out[m - from]);
        return out;
    }
}
