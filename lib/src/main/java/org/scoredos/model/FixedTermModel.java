package org.scoredos.model;

import java.util.Arrays;
import java.util.List;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;

/**
 * A fitted linear model plus fixed terms, each one more feature E_term/N with coefficient 1:
 * the published model's energy, forces and stress exactly, θ still the fitted coefficients.
 */
public final class FixedTermModel implements LinearModel {
    private final LinearModel fitted;
    private final List<FixedTerm> terms;

    public FixedTermModel(LinearModel fitted, List<FixedTerm> terms) {
        this.fitted = fitted;
        this.terms = List.copyOf(terms);
    }

    /** The fitted part alone. */
    public LinearModel fitted() {
        return fitted;
    }

    @Override
    public int featureCount() {
        return fitted.featureCount() + terms.size();
    }

    @Override
    public double[] coefficients() {
        double[] c = Arrays.copyOf(fitted.coefficients(), featureCount());
        Arrays.fill(c, fitted.featureCount(), c.length, 1.0);
        return c;
    }

    @Override
    public double[] features(Structure structure) {
        return withTerms(fitted.features(structure), terms, structure);
    }

    /** {@code phi} followed by E_term/N of each term: the features of a model that adds {@code terms} to phi's. */
    public static double[] withTerms(double[] phi, List<FixedTerm> terms, Structure structure) {
        if (terms.isEmpty()) return phi;
        double[] out = Arrays.copyOf(phi, phi.length + terms.size());
        NeighborList list = NeighborList.build(structure, cutoff(terms));
        for (int k = 0; k < terms.size(); k++) {
            out[phi.length + k] = terms.get(k).evaluate(structure, list, false, false).energy() / structure.size();
        }
        return out;
    }

    @Override
    public double offset(Structure structure) {
        return fitted.offset(structure);
    }

    @Override
    public Evaluation evaluate(Structure structure, boolean forces, boolean virial) {
        Evaluation total = fitted.evaluate(structure, forces, virial);
        NeighborList list = termNeighbors(structure);
        double energy = total.energy();
        for (FixedTerm term : terms) {
            Evaluation e = term.evaluate(structure, list, forces, virial);
            energy += e.energy();
            if (forces) add(total.forces(), e.forces());
            if (virial) add(total.virial(), e.virial());
        }
        return new Evaluation(energy, total.forces(), total.virial());
    }

    private static void add(double[] sum, double[] part) {
        for (int k = 0; k < sum.length; k++) sum[k] += part[k];
    }

    private NeighborList termNeighbors(Structure structure) {
        return NeighborList.build(structure, termCutoff());
    }

    private double termCutoff() {
        return cutoff(terms);
    }

    private static double cutoff(List<FixedTerm> terms) {
        double c = 0;
        for (FixedTerm t : terms) c = Math.max(c, t.cutoff());
        return c;
    }

    @Override
    public double cutoff() {
        return Math.max(fitted.cutoff(), termCutoff());
    }

    @Override
    public NeighborList neighbors(Structure structure, double skin) {
        return fitted.neighbors(structure, skin + Math.max(0, termCutoff() - fitted.cutoff()));
    }

    @Override
    public void addAtomForces(Structure structure, NeighborList list, int i, double[] forces) {
        fitted.addAtomForces(structure, list, i, forces);
        for (FixedTerm t : terms) t.addAtomForces(structure, list, i, forces);
    }

    @Override
    public String toString() {
        return fitted + " + " + terms;
    }
}
