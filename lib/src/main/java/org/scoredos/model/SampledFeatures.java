package org.scoredos.model;

import java.util.List;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.structure.Structure;

/**
 * What a campaign records of each sample: the per-atom average D of the descriptor over the
 * model's elements, then E_term/N of each of the model's fixed terms (ZBL). θ extended with 1 per
 * fixed term then gives the published model's energy per atom (less β0) from the recorded
 * vector alone, so F(θ) includes the fixed terms exactly. Immutable and thread-safe.
 */
public final class SampledFeatures {
    private final SnapBispectrum descriptor;
    private final List<FixedTerm> terms;

    public SampledFeatures(ModelDescription model, SnapParameters descriptor) {
        this.descriptor = model.bispectrum(descriptor);
        this.terms = model.terms();
    }

    /** The descriptor's components plus one per fixed term. */
    public int count() {
        return descriptor.descriptorCount() + terms.size();
    }

    /** The recorded vector of a structure. */
    public double[] of(Structure structure) {
        return FixedTermModel.withTerms(descriptor.average(structure), terms, structure);
    }
}
