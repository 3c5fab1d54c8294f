package org.scoredos.cli;

import java.util.List;

/**
 * A full disk (or quota) is a fault of the machine, not of the input and not a bug: one line and
 * exit 1, whether the write failed on the driver (Hadoop's local file system throws it as an
 * {@code FSError}), in an executor (Spark then reports it inside its job failure, as a cause or
 * only as text) or in the JVM's own I/O. Nothing of a campaign is lost: committed shards are
 * kept and the rerun, once there is space, resumes to the same bits.
 */
final class DiskFull {
    /** What the operating system says (ENOSPC, EDQUOT), in every layer's message. */
    private static final List<String> REASONS = List.of("No space left on device", "Disk quota exceeded");
    /** Cause chains are short; a cycle or a pathological one is not followed further. */
    private static final int MAX_DEPTH = 64;

    private DiskFull() {}

    /** The one-line report of a full disk somewhere in {@code ex}'s cause chain, or null when it is something else. */
    static String message(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            String text = String.valueOf(t.getMessage());
            for (String reason : REASONS) {
                if (text.contains(reason)) {
                    return "cannot write: " + reason.toLowerCase(java.util.Locale.ROOT)
                            + "; free some space and run the command again (a campaign resumes from its committed shards)";
                }
            }
        }
        return null;
    }
}
