package org.scoredos.summary;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What labels the cells of a phase. {@link #ISOSURFACE}: harmonic isosurfaces (τ, α), what the
 * estimation stage needs. {@link #TEMPERATURE}: MD snapshots grouped by the temperature they were
 * run at ({@code scoredos ingest}); such a cell keeps the temperature T (K) in {@code tau}'s place
 * and NaN as α. {@link #ENERGY}: snapshots of constant-energy MD (a kinetic campaign); a cell
 * keeps τ, which sets the target total energy E = E_0 + 2N τ U_0 of its trajectories (E_0 the
 * lattice energy of the reference potential; 2τU_0 = 3 k_B · τ·1000 K per atom), and NaN as α.
 * The isosurface estimators refuse both kinds.
 */
public enum Conditioning {
    ISOSURFACE,
    TEMPERATURE,
    ENERGY;

    /** The lower-case name stores write. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored keys, quoted: "\"isosurface\", \"temperature\" or \"energy\"". */
    public static String keys() {
        String all = Arrays.stream(values()).map(c -> '"' + c.key() + '"').collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The conditioning of a stored key, or null when unknown. */
    public static Conditioning ofKey(String key) {
        for (Conditioning c : values()) if (c.key().equals(key)) return c;
        return null;
    }
}
