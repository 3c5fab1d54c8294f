package org.scoredos.harmonic;

import java.util.Locale;
import org.scoredos.io.BadInputException;

/**
 * Which form a reference Hessian takes: dense (eigen-decomposition, O(N²) memory, O(N³) time;
 * exact in every constant, any number of zero modes) or sparse (neighbour blocks and
 * matrix-free constants, O(N); a stable crystal whose only zero modes are the translations).
 * {@link #AUTO} is dense up to {@value #SPARSE_ABOVE_ATOMS} atoms and sparse above, where the
 * dense decomposition starts to cost minutes; the environment variable
 * {@value #ENVIRONMENT} (auto, dense or sparse) overrides it for campaigns.
 */
public enum HessianForm {
    AUTO, DENSE, SPARSE;

    /** AUTO uses the sparse form above this many atoms. */
    public static final int SPARSE_ABOVE_ATOMS = 500;
    /** The environment variable that chooses the form of campaign references. */
    public static final String ENVIRONMENT = "SCOREDOS_HESSIAN";

    /** Whether a reference of {@code atoms} atoms is kept sparse. */
    public boolean sparseFor(int atoms) {
        return this == SPARSE || (this == AUTO && atoms > SPARSE_ABOVE_ATOMS);
    }

    /** The form named by {@code text} (auto, dense, sparse; any case), naming {@code where} it came from when not. */
    public static HessianForm parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": '" + text + "' is not a Hessian form (auto, dense or sparse)");
        }
    }

    /** The form {@value #ENVIRONMENT} names, AUTO when it is unset or empty. */
    public static HessianForm fromEnvironment() {
        String v = System.getenv(ENVIRONMENT);
        return v == null || v.isBlank() ? AUTO : parse(v, "environment variable " + ENVIRONMENT);
    }
}
