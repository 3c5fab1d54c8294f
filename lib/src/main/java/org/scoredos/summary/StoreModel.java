package org.scoredos.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.model.FixedTermSettings;
import org.scoredos.structure.Elements;

/**
 * The model a summary store was sampled for: its species (chemical element, mass, SNAP radius
 * and weight), the SNAP descriptor definition and the fixed terms whose energies per atom follow
 * the descriptor as extra components (θ is extended with 1 for each). A θ is only meaningful
 * against descriptors of the same definition, element and fixed terms; {@link #hash()} identifies
 * the definition.
 *
 * @param species        in the descriptor's element order
 * @param descriptor     the bispectrum settings
 * @param referenceTheta θ_ref, the coefficients of the model whose MD the samples are (stores of
 *                       MD snapshots, {@code scoredos ingest --coeff}), or null when not recorded;
 *                       not part of the descriptor definition
 * @param terms          the fixed terms (ZBL, a qSNAP products block) whose energies per atom are the
 *                       last components, in order (empty: none)
 */
public record StoreModel(List<Species> species, SnapParameters descriptor, double[] referenceTheta, List<FixedTermSettings> terms)
        implements java.io.Serializable {

    /** A model whose samples record no θ_ref and no fixed term. */
    public StoreModel(List<Species> species, SnapParameters descriptor) {
        this(species, descriptor, null, List.of());
    }

    /** A model of the descriptor plus fixed terms, recording no θ_ref. */
    public StoreModel(List<Species> species, SnapParameters descriptor, List<FixedTermSettings> terms) {
        this(species, descriptor, null, terms);
    }

    /** The same model, recording θ_ref. */
    public StoreModel withReferenceTheta(double[] theta) {
        return new StoreModel(species, descriptor, theta.clone(), terms);
    }

    /**
     * One species.
     *
     * @param symbol chemical symbol, or null when unknown (a mass no element has)
     * @param mass   amu
     * @param radius SNAP radius R (rcut = rcutfac·(R_i + R_j))
     * @param weight SNAP neighbour weight
     */
    public record Species(String symbol, double mass, double radius, double weight) implements java.io.Serializable {
        /** The species of a mass: its element is the one whose standard weight is within 0.01 amu. */
        public static Species ofMass(double mass, double radius, double weight) {
            return new Species(Elements.symbolOf(mass), mass, radius, weight);
        }

        /** A species labelled {@code label} in a .snapcoeff: the label when it is a chemical symbol, else the mass's element. */
        public static Species of(String label, double mass, double radius, double weight) {
            return Double.isNaN(Elements.mass(label)) ? ofMass(mass, radius, weight) : new Species(label, mass, radius, weight);
        }
    }

    public StoreModel {
        species = List.copyOf(species);
        terms = List.copyOf(terms);
        if (species.isEmpty()) throw new IllegalArgumentException("a model needs at least one species");
        if (referenceTheta != null && referenceTheta.length != descriptor.descriptorCount()) {
            throw new IllegalArgumentException("θ_ref has " + referenceTheta.length + " coefficients, the descriptor "
                    + descriptor.descriptorCount());
        }
    }

    /** The stored components: the descriptor's, then one per fixed term. */
    public int components() {
        return parameters() + fixedTerms().size();
    }

    /** The number of θ values: the descriptor's components (the fixed terms have coefficient 1). */
    public int parameters() {
        return descriptor.descriptorCount();
    }

    /** The fixed terms' canonical definitions, in component order after the descriptor's (empty: none). */
    public List<String> fixedTerms() {
        return terms.stream().map(FixedTermSettings::definition).toList();
    }

    /**
     * The canonical text of the descriptor definition: every SNAP setting, each species' radius
     * and weight and the fixed terms, in a fixed order and format (masses and symbols do not
     * change D).
     */
    public String definition() {
        SnapParameters p = descriptor;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "snap twojmax=%d rcutfac=%s rfac0=%s rmin0=%s switchflag=%d bzeroflag=%d quadraticflag=%d wselfallflag=%d bnormflag=%d",
                p.twojmax(), num(p.rcutfac()), num(p.rfac0()), num(p.rmin0()), flag(p.switching()), flag(p.bzero()),
                flag(p.quadratic()), flag(p.wselfAll()), flag(p.bnorm())));
        // only when set, so that the definitions (and hashes) of stores written before chemflag stay as they were
        if (p.chem()) sb.append(" chemflag=1");
        for (Species s : species) sb.append("; radius=").append(num(s.radius())).append(" weight=").append(num(s.weight()));
        // only when present, so that stores without fixed terms keep their definitions and hashes
        for (String term : fixedTerms()) sb.append("; fixed ").append(term);
        return sb.toString();
    }

    /** "sha256:" and the hex SHA-256 of {@link #definition()}. */
    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(definition().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The symbols, "?" for unknown ones, comma-separated. */
    public String symbols() {
        return String.join(",", species.stream().map(s -> s.symbol() == null ? "?" : s.symbol()).toList());
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }
}
