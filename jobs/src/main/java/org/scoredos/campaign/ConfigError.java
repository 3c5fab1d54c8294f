package org.scoredos.campaign;

/**
 * A value of a campaign config that parses but makes no sense (an empty grid, a negative
 * count); thrown from the config records' constructors, so the YAML reader can add the file,
 * line and the path of the enclosing section.
 */
final class ConfigError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    final String field;
    final String reason;

    ConfigError(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    static void require(boolean ok, String field, String reason) {
        if (!ok) throw new ConfigError(field, reason);
    }

    /** Refuses {@code field} when a shared setting's check gave a reason (null: accepted). */
    static void refuse(String field, String reason) {
        if (reason != null) throw new ConfigError(field, reason);
    }
}
