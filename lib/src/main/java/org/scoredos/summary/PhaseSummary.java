package org.scoredos.summary;

import java.util.List;

/**
 * All the summaries of one phase at one volume: its reference constants and its isosurface
 * cells in increasing α. This is what the estimation stage reads.
 */
public record PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells) {
    public PhaseSummary {
        cells = List.copyOf(cells);
    }
}
