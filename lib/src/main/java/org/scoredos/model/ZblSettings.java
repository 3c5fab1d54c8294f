package org.scoredos.model;

import java.io.Serializable;

/**
 * The settings of LAMMPS {@code pair_style zbl INNER OUTER} with its {@code pair_coeff I J zbl Z1 Z2}
 * lines: the switching range and, per pair of atom types, the two nuclear charges.
 *
 * @param inner  where the switching starts, Å
 * @param outer  the cutoff, Å
 * @param charge charge[t-1][u-1] = {Z_t, Z_u} of types t, u (symmetric), or null where ZBL does not act
 */
public record ZblSettings(double inner, double outer, double[][][] charge) implements Serializable {

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
}
