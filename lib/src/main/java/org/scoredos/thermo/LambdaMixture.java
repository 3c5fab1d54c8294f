package org.scoredos.thermo;

import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;

/**
 * The switched potential U_λ = (1 − λ) U_harm + λ U_model of one trajectory. Both energies
 * are evaluated at every step anyway, so the TI integrand ΔU = U_model − U_harm = ∂U_λ/∂λ of
 * the last evaluation is kept at no extra cost.
 */
final class LambdaMixture implements ForceField {
    private final Potential model;
    private final HarmonicPotential harmonic;
    private final double lambda;
    private final double[] modelForces;
    private double difference;

    LambdaMixture(Potential model, HarmonicPotential harmonic, double lambda, int atoms) {
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("λ must lie in [0, 1], got " + lambda);
        this.model = model;
        this.harmonic = harmonic;
        this.lambda = lambda;
        this.modelForces = new double[3 * atoms];
    }

    @Override
    public double energyAndForces(Structure structure, double[] forces) {
        double uModel = model.energyAndForces(structure, modelForces);
        double uHarm = harmonic.energyAndForces(structure, forces);
        for (int k = 0; k < forces.length; k++) forces[k] += lambda * (modelForces[k] - forces[k]);
        difference = uModel - uHarm;
        return uHarm + lambda * difference;
    }

    /** U_model − U_harm of the last evaluation, eV (whole cell). */
    double difference() {
        return difference;
    }
}
