package org.scoredos.estimate;

import org.scoredos.io.BadInputException;

/**
 * The free energy of formation of a defect under the same θ, from two phases: a cell of N_d atoms
 * holding the defect and the perfect crystal of N_p atoms (each its own campaign),
 *
 *     G_f(θ, T) = F_d(θ, T) − (N_d/N_p) F_p(θ, T) = N_d [g_d(θ, T) − g_p(θ, T)],
 *
 * F_X the total free energy of cell X and g_X = θ·D_0^X + f_X per atom (f_X the estimator's F,
 * relative to the lattice energy). The constant β0 of each atom cancels, so G_f depends on θ only.
 * At 0 K it is the static formation energy E_f = N_d θ·(D_0^d − D_0^p). Its exact gradient is
 * ∂G_f/∂θ = N_d (∂g_d/∂θ − ∂g_p/∂θ), both the estimators' envelope gradients.
 *
 * <p>The error bar: the two campaigns are sampled independently, so δG_f = N_d sqrt(δf_d² + δf_p²)
 * (as {@link PhaseTransition}'s δΔF, scaled to the cell). Both phases' free energies are in the
 * estimator's 3N convention; G_f is then that of the same convention for both cells.
 */
public final class DefectFormation {
    private final FreeEnergyEstimator defect, perfect;
    private final int defectAtoms, perfectAtoms;

    public DefectFormation(FreeEnergyEstimator defect, int defectAtoms, FreeEnergyEstimator perfect, int perfectAtoms) {
        if (defect.components() != perfect.components()) {
            throw new BadInputException("the defect cell " + defect.phase() + " and the perfect crystal " + perfect.phase()
                    + " have different descriptor sizes (" + defect.components() + " and " + perfect.components()
                    + "): they must come from the same descriptor");
        }
        if (defectAtoms < 1 || perfectAtoms < 1) {
            throw new BadInputException("atom counts must be positive, got " + defectAtoms + " and " + perfectAtoms);
        }
        this.defect = defect;
        this.perfect = perfect;
        this.defectAtoms = defectAtoms;
        this.perfectAtoms = perfectAtoms;
    }

    public FreeEnergyEstimator defect() {
        return defect;
    }

    public FreeEnergyEstimator perfect() {
        return perfect;
    }

    public int defectAtoms() {
        return defectAtoms;
    }

    public int perfectAtoms() {
        return perfectAtoms;
    }

    /**
     * G_f at one temperature with both cells' estimates.
     *
     * @param freeEnergy G_f, eV (per defect: the whole defect cell against N_d atoms of perfect crystal)
     * @param error      δG_f, eV
     * @param gradient   ∂G_f/∂θ (eV per unit θ), or null when not asked for
     * @param defect     the defect cell's estimate, per atom
     * @param perfect    the perfect crystal's estimate, per atom
     */
    public record Formation(double freeEnergy, double error, double[] gradient, FreeEnergy defect, FreeEnergy perfect) {
        public double temperature() {
            return defect.temperature();
        }

        /** Both cells' α* inside their sampled ranges. */
        public boolean solved() {
            return defect.solved() && perfect.solved();
        }
    }

    /** E_f = N_d θ·(D_0^d − D_0^p), the static formation energy, eV. */
    public double staticEnergy(double[] theta) {
        return defectAtoms * (defect.latticeEnergy(theta) - perfect.latticeEnergy(theta));
    }

    /** G_f at each temperature, with its gradient when asked for; θ is rotated once per cell. */
    public Formation[] at(double[] theta, double[] temperatures, boolean gradient) {
        FreeEnergy[] fd = defect.estimate(theta, temperatures, gradient), fp = perfect.estimate(theta, temperatures, gradient);
        double e0 = staticEnergy(theta);
        Formation[] out = new Formation[temperatures.length];
        for (int i = 0; i < out.length; i++) {
            double g = e0 + defectAtoms * (fd[i].freeEnergy() - fp[i].freeEnergy());
            double error = defectAtoms * Math.hypot(fd[i].error(), fp[i].error());
            double[] dg = null;
            if (gradient) {
                dg = new double[theta.length];
                for (int k = 0; k < dg.length; k++) dg[k] = defectAtoms * (fd[i].gradient()[k] - fp[i].gradient()[k]);
            }
            out[i] = new Formation(g, error, dg, fd[i], fp[i]);
        }
        return out;
    }
}
