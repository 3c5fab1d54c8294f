package org.scoredos.model;

import java.io.Serializable;
import java.util.List;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapElement;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.LinearModel;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/**
 * A model as a value: what Spark ships to executors and every command builds its potential
 * from (never file lines parsed again). SNAP settings, one element block per atom type (type t
 * uses {@code elements.get(t-1)}), and the fixed terms (ZBL, a qSNAP products block, or none). {@link #model()} is the one
 * place that turns a description into features, energies, forces and stress, and
 * {@link #typed} the one place that matches a structure's species to the elements.
 *
 * @param source   where it was read from (for messages)
 * @param snap     the bispectrum settings
 * @param elements per atom type: name, radius, weight, β0 and β
 * @param fixedTerms the fixed terms, in feature order after the fitted features (each with coefficient 1)
 */
public record ModelDescription(String source, SnapParameters snap, List<SnapElement> elements, List<FixedTermSettings> fixedTerms)
        implements Serializable {

    public ModelDescription {
        elements = List.copyOf(elements);
        fixedTerms = List.copyOf(fixedTerms);
        if (elements.isEmpty()) throw new IllegalArgumentException("a model needs at least one element");
        int expected = 1 + snap.descriptorCount(elements.size());
        for (SnapElement e : elements) {
            if (e.coefficients().length != expected) {
                throw new IllegalArgumentException("element " + e.name() + " has " + e.coefficients().length
                        + " coefficients, expected " + expected);
            }
        }
        for (FixedTermSettings t : fixedTerms) {
            int types = t instanceof ZblSettings z ? z.types() : ((QuadraticBlock) t).types();
            if (types != elements.size()) throw new IllegalArgumentException(t.definition() + " covers " + types + " types, the model " + elements.size());
        }
    }

    /** A pure SNAP model: type t uses the coefficient file's element t. */
    public static ModelDescription snap(SnapParameters snap, SnapCoefficients coefficients) {
        return new ModelDescription(coefficients.source(), snap, coefficients.elements(), List.of());
    }

    /** The single-element model E = Σ_i (β0 + θ·D^i) with the given radius and weight. */
    public static ModelDescription singleElement(String source, SnapParameters snap, double radius, double weight,
            double beta0, double[] theta) {
        return new ModelDescription(source, snap, List.of(new SnapElement(SnapElement.UNNAMED, radius, weight, block(beta0, theta))), List.of());
    }

    /**
     * The model with its atom types named: type t uses the element named {@code names.get(t-1)}
     * (LAMMPS {@code pair_coeff * * … W Mo}, or {@code --elements}); a name may repeat. A name
     * the model lacks is refused, naming {@code where}. The fixed terms are per type and are
     * dropped: only the model file that sets them also names its types.
     */
    public ModelDescription withTypes(List<String> names, String where) {
        if (names.isEmpty()) throw new BadInputException(where + ": no element names");
        List<SnapElement> byType = new java.util.ArrayList<>();
        for (String name : names) byType.add(element(name, where));
        return new ModelDescription(source, snap, byType, List.of());
    }

    private SnapElement element(String name, String where) {
        for (SnapElement e : elements) if (e.name().equals(name)) return e;
        throw BadInputException.at(where, 0, "element " + name, "not in the model " + source + " (its elements: " + names() + ")");
    }

    private String names() {
        return String.join(", ", elements.stream().map(SnapElement::name).distinct().toList());
    }

    /** Whether the elements carry names a structure's species can be matched to (not a plain coefficient list). */
    public boolean namesElements() {
        return elements.stream().anyMatch(e -> !e.name().equals(SnapElement.UNNAMED));
    }

    /**
     * The structure with its types renumbered to this model's: where the structure names its
     * species (extended XYZ) and the model its elements, each species goes to the first type
     * whose element has its name, so neither the order of atom lines nor that of element blocks
     * changes the energy; a species the model lacks is refused naming {@code file}. Otherwise
     * (LAMMPS files, plain coefficient lists) type t stays type t, and the structure may not use
     * more types than the model has.
     */
    public Structure typed(Structure s, String file) {
        if (!s.namesSpecies() || !namesElements()) {
            int maxType = 0;
            for (int i = 0; i < s.size(); i++) maxType = Math.max(maxType, s.type(i));
            if (maxType > elements.size()) {
                throw BadInputException.at(file, 0, null, "atoms of type " + maxType + ", but the model " + source + " has "
                        + elements.size() + " type(s) (" + names() + ")");
            }
            return s;
        }
        int[] modelType = new int[s.typeCount() + 1];
        for (int t = 1; t <= s.typeCount(); t++) {
            String name = s.speciesOfType(t);
            for (int u = elements.size(); u >= 1; u--) if (elements.get(u - 1).name().equals(name)) modelType[t] = u;
            if (modelType[t] == 0) {
                throw BadInputException.at(file, 0, "element " + name, "not in the model " + source + " (its elements: " + names() + ")");
            }
        }
        int[] types = new int[s.size()];
        double[] mass = new double[elements.size()];
        java.util.Arrays.fill(mass, Double.NaN);
        String[] species = new String[elements.size()];
        for (int u = 1; u <= elements.size(); u++) species[u - 1] = elements.get(u - 1).name();
        for (int i = 0; i < s.size(); i++) {
            types[i] = modelType[s.type(i)];
            mass[types[i] - 1] = s.mass(i);
        }
        return s.withTypes(types, mass, species);
    }

    /** The same model with θ of its single element replaced (β0 and the fixed terms kept). */
    public ModelDescription withTheta(double[] theta) {
        if (elements.size() != 1) throw new IllegalStateException("θ replaces the coefficients of a single-element model");
        SnapElement e = elements.get(0);
        return new ModelDescription(source, snap, List.of(new SnapElement(e.name(), e.radius(), e.weight(),
                block(e.constant(), theta))), fixedTerms);
    }

    private static double[] block(double beta0, double[] theta) {
        double[] c = new double[theta.length + 1];
        c[0] = beta0;
        System.arraycopy(theta, 0, c, 1, theta.length);
        return c;
    }

    /** The bispectrum of this model's elements (radii and weights per type). */
    public SnapBispectrum bispectrum() {
        return bispectrum(snap);
    }

    /** A descriptor of other settings over this model's elements (their radii and weights per type). */
    public SnapBispectrum bispectrum(SnapParameters descriptor) {
        double[] weight = elements.stream().mapToDouble(SnapElement::weight).toArray();
        return new SnapBispectrum(descriptor, radii(), weight);
    }

    /** The elements' radii, Å, per type. */
    public double[] radii() {
        return elements.stream().mapToDouble(SnapElement::radius).toArray();
    }

    /** The model: SNAP, plus one fixed feature per fixed term. */
    public LinearModel model() {
        double[][] beta = elements.stream().map(SnapElement::coefficients).toArray(double[][]::new);
        LinearSnapPotential fitted = new LinearSnapPotential(bispectrum(), beta);
        return fixedTerms.isEmpty() ? fitted : new FixedTermModel(fitted, terms());
    }

    /** The fixed terms, in feature order after the fitted features. */
    public List<FixedTerm> terms() {
        return fixedTerms.stream().map(FixedTermSettings::term).toList();
    }

    /**
     * The same model with the products block of its quadratic SNAP (quadraticflag 1) as one fixed
     * term after the others: the linear bispectrum (quadraticflag 0) with β0 and the linear β as
     * the fitted part, E_quad/N as a feature with coefficient 1. Energies, forces and stress are
     * unchanged; θ becomes the linear β. A model without products is refused naming its source.
     */
    public ModelDescription withFixedQuadratic() {
        if (!snap.quadratic()) throw new BadInputException(source + ": not a quadratic SNAP model (quadraticflag 0): it has no products block to fix");
        SnapParameters linear = snap.withQuadratic(false);
        int d = linear.descriptorCount(elements.size());
        List<SnapElement> linearElements = new java.util.ArrayList<>();
        double[][] products = new double[elements.size()][];
        for (int t = 0; t < elements.size(); t++) {
            SnapElement e = elements.get(t);
            double[] c = e.coefficients();
            linearElements.add(new SnapElement(e.name(), e.radius(), e.weight(), java.util.Arrays.copyOf(c, 1 + d)));
            products[t] = java.util.Arrays.copyOfRange(c, 1 + d, c.length);
        }
        double[] radius = elements.stream().mapToDouble(SnapElement::radius).toArray();
        double[] weight = elements.stream().mapToDouble(SnapElement::weight).toArray();
        List<FixedTermSettings> terms = new java.util.ArrayList<>(fixedTerms);
        terms.add(new QuadraticBlock(snap, radius, weight, products));
        return new ModelDescription(source, linear, linearElements, terms);
    }

    /** Bytes that differ exactly when the physics differs (the source name left out): a cache key's model part. */
    public byte[] identity() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ModelDescription("", snap, elements, fixedTerms));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
