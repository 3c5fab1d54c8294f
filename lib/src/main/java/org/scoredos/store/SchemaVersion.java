package org.scoredos.store;

import org.scoredos.io.BadInputException;

/**
 * The version of the summary store layout (lib/docs/store-format.md). Bump it whenever
 * a file, column or manifest field changes meaning; readers refuse any other version rather
 * than misread it.
 */
public final class SchemaVersion {
    /** The layout this code writes and reads. */
    public static final int CURRENT = 1;
    /** The manifest's "format" value. */
    public static final String FORMAT = "scoredos-summary";

    private SchemaVersion() {}

    /** Refuses a store written with another layout, saying which side must move. */
    static void check(int found, String manifest) {
        if (found > CURRENT) {
            throw new BadInputException(manifest + ": store schema version " + found
                    + " is newer than this scoredos (" + CURRENT + "): upgrade scoredos");
        }
        if (found != CURRENT) {
            throw new BadInputException(manifest + ": store schema version " + found
                    + " is older than this scoredos (" + CURRENT + ") reads: re-create the store");
        }
    }
}
