package org.scoredos.model;

import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/**
 * E_quad of a {@link QuadraticBlock}: the qSNAP potential with β0 and the linear β set to 0, so its
 * energy, forces and virial are the products' part of LAMMPS {@code pair snap} exactly (the
 * chain rule of the products stays in {@link LinearSnapPotential}).
 */
final class QuadraticSnapTerm implements FixedTerm {
    private final LinearSnapPotential products;

    QuadraticSnapTerm(QuadraticBlock block) {
        SnapBispectrum bispectrum = new SnapBispectrum(block.snap(), block.radius(), block.weight());
        int linear = bispectrum.bispectrumCount();
        double[][] products = block.products();
        double[][] coefficients = new double[products.length][];
        for (int t = 0; t < coefficients.length; t++) {
            double[] p = products[t];
            coefficients[t] = new double[1 + linear + p.length];
            System.arraycopy(p, 0, coefficients[t], 1 + linear, p.length);
        }
        this.products = new LinearSnapPotential(bispectrum, coefficients);
    }

    @Override
    public String name() {
        return "snap-quadratic";
    }

    @Override
    public double cutoff() {
        return products.cutoff();
    }

    /** The block builds its own SNAP neighbour list (per type-pair cutoffs); {@code list} is not needed. */
    @Override
    public Evaluation evaluate(Structure structure, NeighborList list, boolean forces, boolean virial) {
        return products.evaluate(structure, forces, virial);
    }

    @Override
    public void addAtomForces(Structure structure, NeighborList list, int i, double[] forces) {
        products.addAtomForces(structure, list, i, forces);
    }

    @Override
    public String toString() {
        return "snap-quadratic " + products;
    }
}
