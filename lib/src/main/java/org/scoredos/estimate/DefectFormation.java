package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

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
 * <p>The error bar. Under the reference error model the two campaigns' bars add as independent,
 * δG_f = N_d sqrt(δf_d² + δf_p²) (as {@link PhaseTransition}'s δΔF, scaled to the cell). Under the
 * calibrated model ({@link #of}) the statistical parts add so (the samples are independent),
 * and they are the bar, as for F; the systematic part, reported beside it, is that of G_f itself: the
 * spread max_q |G_f,q − G_f,p| over the score orders q = p ± 1 of both cells at once (frame-corrected as F is). A bias that an order
 * gives both cells alike is common to them and cancels in G_f; adding the cells' own spreads in
 * quadrature would count it twice. Both phases' free energies are in the estimator's 3N convention.
 */
public final class DefectFormation {
    private final PhaseFreeEnergy defect, perfect;
    private final int defectAtoms, perfectAtoms;
    /** The same two cells with their score models refitted at the neighbouring orders (calibrated error model only). */
    private final List<DefectFormation> orders;

    /** G_f of two estimators, with the error bars they give (independent cells). */
    public DefectFormation(PhaseFreeEnergy defect, int defectAtoms, PhaseFreeEnergy perfect, int perfectAtoms) {
        this(defect, defectAtoms, perfect, perfectAtoms, List.of());
    }

    private DefectFormation(PhaseFreeEnergy defect, int defectAtoms, PhaseFreeEnergy perfect, int perfectAtoms,
            List<DefectFormation> orders) {
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
        this.orders = orders;
    }

    /**
     * G_f of two phases whose cells carry fitted score models, under either error model; the atom
     * counts are the phases' own. The calibrated model needs both fitted in the same basis and order:
     * its systematic part refits the pair at each order p ± 1 that both fit, and takes the spread of G_f.
     */
    public static DefectFormation of(PhaseSummary defect, PhaseSummary perfect, IsosurfaceEstimator.Mode mode,
            ErrorModel errorModel) {
        int nd = defect.reference().atoms(), np = perfect.reference().atoms();
        if (errorModel == ErrorModel.REFERENCE) {
            return new DefectFormation(IsosurfaceEstimator.of(defect, mode), nd, IsosurfaceEstimator.of(perfect, mode), np);
        }
        ScoreTable stored = scores(defect), other = scores(perfect);
        if (!stored.basis().equals(other.basis()) || stored.order() != other.order()) {
            throw new BadInputException(defect.name() + " is fitted with " + stored.basis() + " order " + stored.order() + ", "
                    + perfect.name() + " with " + other.basis() + " order " + other.order()
                    + ": the calibrated error of G_f needs both in one basis and order (refit them with --basis/--order)");
        }
        List<DefectFormation> near = new ArrayList<>(2);
        for (int order : new int[] {stored.order() - 1, stored.order() + 1}) {
            if (order < 2 || order > PolynomialBasis.MAX_ORDER) continue;
            try {
                ScoreMatcher refit = new ScoreMatcher(PolynomialBasis.of(stored.basis(), order));
                near.add(new DefectFormation(IsosurfaceEstimator.neighbour(refit.fit(defect), mode), nd,
                        IsosurfaceEstimator.neighbour(refit.fit(perfect), mode), np));
            } catch (BadInputException e) {
                // this order is too sparse or ill-conditioned for one cell's histograms: no spread from it
            }
        }
        return new DefectFormation(IsosurfaceEstimator.of(defect, mode, errorModel), nd, IsosurfaceEstimator.of(perfect, mode, errorModel),
                np, List.copyOf(near));
    }

    private static ScoreTable scores(PhaseSummary phase) {
        ScoreTable t = phase.cells().get(0).scores();
        if (t == null) throw new IllegalArgumentException(phase.name() + ": cell 0 has no fitted score models");
        return t;
    }

    public PhaseFreeEnergy defect() {
        return defect;
    }

    public PhaseFreeEnergy perfect() {
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
     * @param statisticalError N_d sqrt(δf_d,stat² + δf_p,stat²), eV; NaN under the reference error model (or
     *                         when no neighbouring order fits: the error is then the cells' own bars added)
     * @param systematicError  max_q |G_f,q − G_f| over the score orders p ± 1, eV; NaN as the statistical part
     */
    public record Formation(double freeEnergy, double error, double[] gradient, FreeEnergy defect, FreeEnergy perfect,
            double statisticalError, double systematicError) {
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
        Formation[][] other = new Formation[orders.size()][];
        for (int q = 0; q < other.length; q++) other[q] = orders.get(q).at(theta, temperatures, false);
        Formation[] out = new Formation[temperatures.length];
        for (int i = 0; i < out.length; i++) {
            double g = e0 + defectAtoms * (fd[i].freeEnergy() - fp[i].freeEnergy());
            double statistical = Double.NaN, systematic = Double.NaN, error;
            if (other.length == 0) {
                error = defectAtoms * Math.hypot(fd[i].error(), fp[i].error());
            } else {
                statistical = defectAtoms * Math.hypot(fd[i].statisticalError(), fp[i].statisticalError());
                systematic = 0;
                for (Formation[] q : other) systematic = Math.max(systematic, Math.abs(q[i].freeEnergy() - g));
                error = statistical; // the order spread is reported beside the bar, as for F
            }
            double[] dg = null;
            if (gradient) {
                dg = new double[theta.length];
                for (int k = 0; k < dg.length; k++) dg[k] = defectAtoms * (fd[i].gradient()[k] - fp[i].gradient()[k]);
            }
            out[i] = new Formation(g, error, dg, fd[i], fp[i], statistical, systematic);
        }
        return out;
    }
}
