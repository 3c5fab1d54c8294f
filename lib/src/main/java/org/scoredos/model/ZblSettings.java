package org.scoredos.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The settings of LAMMPS {@code pair_style zbl INNER OUTER} with its {@code pair_coeff I J zbl Z1 Z2}
 * lines: the switching range and, per pair of atom types, the two nuclear charges.
 *
 * @param inner  where the switching starts, Å
 * @param outer  the cutoff, Å
 * @param charge charge[t-1][u-1] = {Z_t, Z_u} of types t, u (symmetric), or null where ZBL does not act
 */
public record ZblSettings(double inner, double outer, double[][][] charge) implements FixedTermSettings {

    public ZblSettings {
        if (!(inner > 0) || !(outer >= inner) || !Double.isFinite(outer)) {
            throw new IllegalArgumentException("ZBL needs 0 < inner ≤ outer, got " + inner + ", " + outer);
        }
        charge = charge.clone();
        for (int t = 0; t < charge.length; t++) charge[t] = charge[t].clone();
    }

    /** The number of atom types the settings cover. */
    public int types() {
        return charge.length;
    }

    /** The cutoffs, then Z_t,Z_u of each type pair t ≤ u that ZBL acts on. */
    @Override
    public String definition() {
        StringBuilder sb = new StringBuilder("zbl inner=").append(inner).append(" outer=").append(outer);
        for (int t = 0; t < charge.length; t++) {
            for (int u = t; u < charge.length; u++) {
                double[] z = charge[t][u];
                if (z != null) sb.append(' ').append(t + 1).append('-').append(u + 1).append(':').append(z[0]).append(',').append(z[1]);
            }
        }
        return sb.toString();
    }

    @Override
    public FixedTerm term() {
        return new ZblTerm(this);
    }

    /** Equal by value (a record compares arrays by reference): the same {@link #definition}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ZblSettings z && Arrays.deepEquals(charge, z.charge) && inner == z.inner && outer == z.outer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inner, outer, Arrays.deepHashCode(charge));
    }
}
