package org.scoredos.descriptor;

import java.io.Serializable;

/**
 * One element block of a {@code .snapcoeff} file.
 *
 * @param name         element label (LAMMPS matches it to atom types)
 * @param radius       R in rcut = rcutfac·(R_i + R_j), Å
 * @param weight       neighbour weight w_j in the density
 * @param coefficients β0 (the constant per-atom energy) followed by β, one per descriptor component
 */
public record SnapElement(String name, double radius, double weight, double[] coefficients) implements Serializable {
    /** The name of an element no file named (a plain coefficient list, a descriptor without coefficients). */
    public static final String UNNAMED = "X";

    public SnapElement {
        coefficients = coefficients.clone();
    }

    /** β0, eV per atom. */
    public double constant() {
        return coefficients[0];
    }

    /** β without β0 (θ in the method's notation), a copy. */
    public double[] linear() {
        double[] beta = new double[coefficients.length - 1];
        System.arraycopy(coefficients, 1, beta, 0, beta.length);
        return beta;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
