package org.scoredos.summary;

import java.util.List;

/**
 * All the summaries of one phase at one volume: its reference constants and its cells in
 * increasing α (isosurface conditioning), or in increasing temperature (MD snapshots, see
 * {@link Conditioning}), and the model it was sampled for. This is what the estimation stage reads.
 *
 * @param model the species and descriptor definition, or null when unknown (stores written
 *              before they recorded it, imports without a descriptor definition)
 */
public record PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells, Conditioning conditioning,
                           StoreModel model) implements java.io.Serializable {
    public PhaseSummary {
        cells = List.copyOf(cells);
        if (conditioning == null) throw new IllegalArgumentException("a phase needs its conditioning");
        if (model != null && model.components() != reference.components()) {
            throw new IllegalArgumentException("the model's descriptor has " + model.components() + " components, the summaries "
                    + reference.components());
        }
    }

    /** A phase whose model is unknown. */
    public PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells, Conditioning conditioning) {
        this(name, reference, cells, conditioning, null);
    }

    /** A phase of isosurface cells whose model is unknown. */
    public PhaseSummary(String name, ReferenceConstants reference, List<CellSummary> cells) {
        this(name, reference, cells, Conditioning.ISOSURFACE, null);
    }

    /** The number of θ values: the stored components less the fixed terms (θ is extended with 1 for each). */
    public int parameters() {
        return reference.components() - (model == null ? 0 : model.fixedTerms().size());
    }

    /** The same phase, recorded as sampled for {@code model}. */
    public PhaseSummary withModel(StoreModel model) {
        return new PhaseSummary(name, reference, cells, conditioning, model);
    }
}
