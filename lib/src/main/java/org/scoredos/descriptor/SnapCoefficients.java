package org.scoredos.descriptor;

import java.util.List;

/**
 * The per-element blocks of a SNAP coefficient file, already checked against the
 * {@link SnapParameters} they are used with. Atom type t (from 1) uses element t−1.
 *
 * @param source   where the coefficients came from (for messages)
 * @param elements one block per element, in file order
 */
public record SnapCoefficients(String source, List<SnapElement> elements) {

    public SnapCoefficients {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) throw new IllegalArgumentException("no elements");
    }

    /** The element of atom type t (t from 1). */
    public SnapElement element(int type) {
        return elements.get(type - 1);
    }

    public double[] radii() {
        return elements.stream().mapToDouble(SnapElement::radius).toArray();
    }

    public double[] weights() {
        return elements.stream().mapToDouble(SnapElement::weight).toArray();
    }
}
