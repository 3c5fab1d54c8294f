package org.scoredos.thermo;

import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;

/**
 * A linear model driving one trajectory that keeps the virial of its last evaluation, so
 * that the pressure of an MD run costs no second evaluation.
 */
final class VirialForceField implements ForceField {
    private final LinearModel model;
    private double virialTrace;

    VirialForceField(LinearModel model) {
        this.model = model;
    }

    @Override
    public double energyAndForces(Structure structure, double[] forces) {
        Evaluation e = model.evaluate(structure, true, true);
        System.arraycopy(e.forces(), 0, forces, 0, forces.length);
        double[] w = e.virial();
        virialTrace = w[0] + w[1] + w[2];
        return e.energy();
    }

    /** W_xx + W_yy + W_zz = Σ r·f of the last evaluation, eV (whole cell; the same virial `energy --stress` divides by V). */
    double virialTrace() {
        return virialTrace;
    }
}
