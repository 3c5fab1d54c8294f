package org.scoredos.campaign;

import java.io.Serializable;

/**
 * Samples {@code start} (inclusive) to {@code end} (exclusive) of one cell: the unit of work and
 * of commits. A shard is a few integers; executors regenerate its samples from the seed.
 */
public record Shard(int cell, int index, int start, int end) implements Serializable, Comparable<Shard> {
    public Shard {
        if (cell < 0 || index < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad shard cell=" + cell + " index=" + index + " [" + start + ", " + end + ")");
        }
    }

    public int size() {
        return end - start;
    }

    /** Cells first, then shard index: the fixed order in which shards are merged. */
    @Override
    public int compareTo(Shard o) {
        int c = Integer.compare(cell, o.cell);
        return c != 0 ? c : Integer.compare(index, o.index);
    }
}
