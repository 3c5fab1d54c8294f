package org.scoredos.model;

import java.io.Serializable;

/**
 * A fixed term of a model as a value (shipped to executors, recorded in store manifests): ZBL,
 * or a quadratic SNAP model's block of products. Its energy per atom is one more feature with
 * coefficient 1 after the fitted ones.
 */
public sealed interface FixedTermSettings extends Serializable permits ZblSettings, QuadraticBlock {

    /**
     * The canonical text of the settings: two settings give the same text exactly when they give
     * the same energies, so a store's fixed terms are compared (and hashed) by it.
     */
    String definition();

    /** The term that evaluates these settings. */
    FixedTerm term();
}
