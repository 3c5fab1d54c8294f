package org.scoredos.estimate;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;
import org.scoredos.model.FixedTermSettings;
import org.scoredos.structure.Elements;
import org.scoredos.summary.StoreModel;

/**
 * Whether a θ belongs to the model a store was sampled for: same chemical element, same SNAP
 * radius and weight, same descriptor size, the same fixed terms (and, given a parameter file, the
 * same descriptor definition). A mismatch is bad input; what cannot be checked is accepted with a
 * warning.
 *
 * <p>A .snapcoeff names its element by its element label when that is a chemical symbol, else
 * (the placeholder X of the LAMMPS and DescriptorDOS examples) by its file name LABEL_SYMBOL.snapcoeff
 * (X_W.snapcoeff: W).
 */
public final class ModelCheck {
    private static final Pattern FILE_ELEMENT = Pattern.compile("^[^_]+_([A-Z][a-z]?)\\.snapcoeff$");

    private ModelCheck() {}

    /**
     * Checks θ read from {@code coeff} against the model of {@code store} (null: unknown).
     *
     * @return a one-line warning when something could not be checked, else null
     * @throws BadInputException naming the file when θ is for another element or descriptor
     */
    public static String check(StoreModel model, String store, Path coeff, CoefficientFile theta) {
        checkFixedTerms(model, store, coeff, theta.fixedTerms());
        if (model == null) {
            return store + ": the store records no model (written before stores did, or imported without --params): "
                    + coeff + " cannot be checked against its element and descriptor";
        }
        if (theta.theta().length != model.parameters()) {
            throw new BadInputException(coeff + ": θ has " + theta.theta().length + " values, the store's descriptor "
                    + model.parameters());
        }
        if (theta.plain()) {
            return coeff + ": a plain list of " + theta.theta().length + " numbers: its element cannot be checked against the store's ("
                    + model.symbols() + ")";
        }
        if (model.species().size() != 1) {
            throw new BadInputException(coeff + ": a single-element θ, but " + store + " was sampled for " + model.symbols());
        }
        StoreModel.Species s = model.species().get(0);
        String[] e = theta.element().split("\\s+");
        String symbol = symbol(e[0], coeff);
        if (symbol != null && s.symbol() != null && !symbol.equals(s.symbol())) {
            throw new BadInputException(coeff + ": θ is for " + symbol + ", but " + store + " was sampled for " + s.symbol()
                    + " (mass " + s.mass() + " amu)");
        }
        double radius = Double.parseDouble(e[1]), weight = Double.parseDouble(e[2]);
        if (radius != s.radius() || weight != s.weight()) {
            throw new BadInputException(coeff + ": element radius " + radius + " and weight " + weight + ", but " + store
                    + "'s descriptor was computed with radius " + s.radius() + " and weight " + s.weight());
        }
        if (symbol == null || s.symbol() == null) {
            return coeff + ": the element of θ (" + (symbol == null ? "label " + e[0] : symbol) + ") or of " + store + " ("
                    + model.symbols() + ") is unknown: not checked";
        }
        return null;
    }

    /**
     * Refuses θ of a model whose fixed terms (ZBL: its cutoffs and charges; a qSNAP products block:
     * its coefficients) are not the store's: the store's last components are its fixed terms'
     * energies, so θ of other terms (or of none, on a store that has them, or the other way round)
     * would give another model's free energy. {@code terms} are θ's model's; a store without a
     * model has none.
     */
    public static void checkFixedTerms(StoreModel model, String store, Path file, List<FixedTermSettings> terms) {
        List<String> stored = model == null ? List.of() : model.fixedTerms();
        List<String> given = terms.stream().map(FixedTermSettings::definition).toList();
        if (!given.equals(stored)) {
            throw new BadInputException(file + ": fixed terms " + given + " of the model θ comes from, but " + store
                    + " was sampled with " + (stored.isEmpty() ? "none" : stored.toString()));
        }
    }

    /** Refuses a descriptor definition (a .snapparam with the element's radius and weight) other than the store's. */
    public static void checkDescriptor(StoreModel model, String store, Path params, SnapParameters p, double radius, double weight) {
        if (model == null) return;
        // the fixed terms are checked with θ (checkFixedTerms): here the descriptor alone
        StoreModel given = new StoreModel(List.of(new StoreModel.Species(null, Double.NaN, radius, weight)), p, model.terms());
        if (!given.hash().equals(model.hash())) {
            throw new BadInputException(params + ": descriptor definition [" + given.definition() + "] differs from " + store
                    + "'s [" + model.definition() + "]");
        }
    }

    /** The chemical element a .snapcoeff names, or null. */
    static String symbol(String label, Path coeff) {
        if (!Double.isNaN(Elements.mass(label))) return label;
        Path name = coeff.getFileName();
        if (name == null) return null;
        Matcher m = FILE_ELEMENT.matcher(name.toString());
        return m.matches() && !Double.isNaN(Elements.mass(m.group(1))) ? m.group(1) : null;
    }
}
