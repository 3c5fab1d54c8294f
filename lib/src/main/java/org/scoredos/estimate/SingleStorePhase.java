package org.scoredos.estimate;

import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.StoreModel;

/** A phase read from one store (isosurface cells or MD snapshots): its name, model and size are the store's. */
public interface SingleStorePhase extends StoredPhase {
    PhaseSummary summary();

    @Override
    default String name() {
        return summary().name();
    }

    @Override
    default StoreModel model() {
        return summary().model();
    }

    @Override
    default int components() {
        return summary().parameters();
    }
}
