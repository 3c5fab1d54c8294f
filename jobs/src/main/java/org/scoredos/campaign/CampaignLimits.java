package org.scoredos.campaign;

import java.util.Locale;

/**
 * The sizes a campaign config may ask for (jobs/docs/reliability.md, "Limits on hostile inputs"): each bounds
 * memory or run time that would otherwise grow without a word (an OutOfMemoryError for 2^31
 * samples, a heap-filling τ grid, an MD trajectory of 2^31 strides). Each has one declaration
 * here and may be raised for a real need with the environment variable named beside it.
 */
public final class CampaignLimits {
    /** Samples per cell: 2^24 is 64× the largest campaign we have run, and fits an int product with the shard size. */
    public static final long SAMPLES_PER_CELL = limit("SCOREDOS_MAX_SAMPLES", 1L << 24);
    /** τ cells per strain: a grid is read, planned and reported whole. */
    public static final long TAU_CELLS = limit("SCOREDOS_MAX_TAU_CELLS", 10_000);
    /** Atoms of a lattice builder's crystal (the sparse Hessian handles 16 000 in seconds), and of a frame {@code ingest} reads. */
    public static final long ATOMS = limit("SCOREDOS_MAX_ATOMS", 200_000);
    /** MD steps of one kinetic shard: equilibration + samples per shard × stride. */
    public static final long MD_STEPS_PER_SHARD = limit("SCOREDOS_MAX_MD_STEPS", 10_000_000);

    private CampaignLimits() {}

    /** The phrase that ends a refusal: how large it may be and how to allow more. */
    public static String hint(long limit, String variable) {
        return String.format(Locale.ROOT, "at most %d (set %s to allow more)", limit, variable);
    }

    private static long limit(String variable, long defaultValue) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) return defaultValue;
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // fall through to the warning: an unusable override is reported, never silently ignored
        }
        System.err.println("scoredos: warning: " + variable + "=" + v + " is not a positive integer; using " + defaultValue);
        return defaultValue;
    }
}
