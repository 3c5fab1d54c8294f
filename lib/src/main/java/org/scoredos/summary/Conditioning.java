package org.scoredos.summary;

import java.util.Locale;

/**
 * What labels the cells of a phase. {@link #ISOSURFACE}: harmonic isosurfaces (τ, α), what the
 * estimation stage needs. {@link #TEMPERATURE}: MD snapshots grouped by the temperature they were
 * run at ({@code scoredos ingest}); such a cell keeps the temperature T (K) in {@code tau}'s place
 * and NaN as α, and the isosurface estimators refuse it.
 */
public enum Conditioning {
    ISOSURFACE,
    TEMPERATURE;

    /** The lower-case name stores write. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The conditioning of a stored key, or null when unknown. */
    public static Conditioning ofKey(String key) {
        for (Conditioning c : values()) if (c.key().equals(key)) return c;
        return null;
    }
}
