package org.scoredos.estimate;

import java.util.List;
import org.scoredos.io.BadInputException;

/**
 * What a user may say about the reference model of stores of MD snapshots (method.md §6): θ_ref
 * in place of the one ingest recorded, anchors of F_ref, and where θ_ref's Hessian is kept.
 *
 * @param theta        θ_ref (d values, no β0), or null: the store's
 * @param anchors      F_ref(T_0) = F_0 per phase name (null: every MD phase without its own)
 * @param hessianCache the directory of {@link org.scoredos.harmonic.HessianCache} that keeps θ_ref's Hessian at a
 *                     crystal store's lattice, or null: computed each time an estimator is made
 */
public record MdReference(double[] theta, List<Anchor> anchors, String hessianCache) implements java.io.Serializable {
    /** Nothing said: the store's θ_ref, no anchor, no cache. */
    public static final MdReference NONE = new MdReference(null, List.of(), null);

    /**
     * F_ref(T_0) = F_0.
     *
     * @param phase       the phase it anchors, or null for any
     * @param temperature T_0, K
     * @param freeEnergy  F_0, eV/atom (reported convention, relative to θ_ref·D_0; on the θ·D scale without a lattice)
     */
    public record Anchor(String phase, double temperature, double freeEnergy) implements java.io.Serializable {}

    public MdReference {
        anchors = List.copyOf(anchors);
    }

    /** The anchor of {@code phase} as {T_0, F_0}: its own, else the one for any phase, else null. */
    public double[] anchor(String phase) {
        Anchor any = null;
        for (Anchor a : anchors) {
            if (phase.equals(a.phase())) return new double[] {a.temperature(), a.freeEnergy()};
            if (a.phase() == null) any = a;
        }
        return any == null ? null : new double[] {any.temperature(), any.freeEnergy()};
    }

    /** Parses {@code [PHASE:]T0=F0} (K, eV/atom). */
    public static Anchor parseAnchor(String text) {
        int colon = text.lastIndexOf(':');
        String phase = colon > 0 ? text.substring(0, colon).trim() : null;
        String[] kv = text.substring(colon + 1).split("=", -1);
        try {
            if (kv.length != 2) throw new NumberFormatException();
            double t = Double.parseDouble(kv[0].trim()), f = Double.parseDouble(kv[1].trim());
            if (!(t > 0) || !Double.isFinite(t) || !Double.isFinite(f)) throw new NumberFormatException();
            return new Anchor(phase, t, f);
        } catch (NumberFormatException e) {
            throw new BadInputException("--anchor: expected [PHASE:]T0=F0 (K, eV/atom, T0 > 0), got '" + text + "'");
        }
    }
}
