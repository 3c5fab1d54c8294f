package org.scoredos.summary;

import java.util.List;

/**
 * All the summaries of one phase at one volume: its reference constants and its cells in
 * increasing α (isosurface conditioning), or in increasing temperature (MD snapshots, see
 * {@link Conditioning}). This is what the estimation stage reads.
 */
public record PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells, Conditioning conditioning) {
    public PhaseSummary {
        cells = List.copyOf(cells);
        if (conditioning == null) throw new IllegalArgumentException("a phase needs its conditioning");
    }

    /** A phase of isosurface cells. */
    public PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells) {
        this(name, reference, cells, Conditioning.ISOSURFACE);
    }
}
