package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.units.Units;

/**
 * The Gibbs free energy G(P, T) = min_V [A(V, T) + PV] of a phase sampled at several volumes
 * (a campaign's strains), for any θ: at each temperature A_i = θ·D_0(V_i) + F(V_i, T) at every
 * sampled volume from its own isosurface estimator, the {@link EquationOfState} through them, and
 * its minimum with the PV term. As a {@link PhaseFreeEnergy} its lattice energy is θ·D_0 of the
 * reference volume (the sampled strain nearest zero) and F = G − θ·D_0(V_ref), so transitions
 * and fine-tuning at fixed pressure are those at fixed volume with G in place of A.
 *
 * <p>∂G/∂θ is the envelope derivative Σ_i w_i(V*) ∂A_i/∂θ (w the fit's weights at V*): exact
 * for the returned G whether V* is interior (∂G/∂V = 0) or on the edge (V* fixed there), and
 * exact per volume in smooth mode. Temperature derivatives (S, C_P, d(V*)/dT) are central
 * differences over ±{@link TemperatureStencil#STEP} K.
 *
 * <p>Error bars: with jackknife replicas of the volumes (the estimators of every volume without
 * one part of the samples all volumes share: a campaign's shard k of every strain, which draws
 * the same random numbers at each), every quantity's statistical bar under the calibrated error
 * model is the jackknife standard error √((K − 1)/K Σ_k (x_k − x̄)²) of the K replicas' values,
 * which counts the correlation between volumes (positive: the volumes share their random numbers,
 * so it cancels in V*, B_T and α and adds up in G). Without replicas, or under the reference error
 * model, the per-volume bars are propagated linearly through the fit's weights
 * ({@link #propagated}). Either way each bar adds, in quadrature, the A(V) fit residual's part:
 * the residual r of the per-volume values' fit (A_i for G, V* and B_T; S_i, H_i and C_i for S, α, H
 * and C_P) taken as independent noise per volume, r·|q| for Σ_i q_i y_i. It is the part of the
 * per-volume errors that is not smooth in V — on W bcc four times the residual the replicas' spread
 * explains, from the cells' frames that every replica shares — and the curvature B_T picks it up
 * most. Beside the bars, the fit form's spread ({@link FitForms}: degrees m − 1, m, m + 1).
 */
public final class GibbsEstimator implements PhaseFreeEnergy {
    private final String phase;
    private final IsosurfaceEstimator[] volumes;
    /** Jackknife replicas of {@code volumes}, each in the same order; empty: bars propagated. */
    private final List<IsosurfaceEstimator[]> replicas;
    private final double[] perAtom;
    private final int reference;
    private final EquationOfState eos;
    /** The fit one degree below and above: the fit form's spread. */
    private final EquationOfState[] forms;
    private final double gigapascal, pressure;

    /**
     * @param estimators one per sampled volume, in increasing volume
     * @param perAtom    the sampled volumes, Å³/atom, increasing
     * @param reference  the index of the volume whose D_0 is the lattice-energy origin
     * @param gigapascal P, GPa
     */
    public GibbsEstimator(String phase, List<IsosurfaceEstimator> estimators, double[] perAtom, int reference, double gigapascal) {
        this(phase, estimators, perAtom, reference, gigapascal, List.of());
    }

    /** As above, with jackknife replicas of the estimators (each one per volume, in the same order; two at least, or none). */
    public GibbsEstimator(String phase, List<IsosurfaceEstimator> estimators, double[] perAtom, int reference, double gigapascal,
            List<List<IsosurfaceEstimator>> jackknife) {
        this(phase, estimators.toArray(new IsosurfaceEstimator[0]),
                jackknife.stream().map(r -> r.toArray(new IsosurfaceEstimator[0])).toList(), perAtom.clone(), reference,
                new EquationOfState(perAtom), gigapascal);
        if (estimators.size() != perAtom.length) throw new IllegalArgumentException("one estimator per volume");
        if (jackknife.size() == 1 || jackknife.stream().anyMatch(r -> r.size() != perAtom.length)) {
            throw new IllegalArgumentException("two jackknife replicas or more, each of every volume");
        }
        int d = volumes[0].components();
        for (IsosurfaceEstimator e : volumes) {
            if (e.components() != d) {
                throw new BadInputException(phase + ": its volumes have different descriptor sizes (" + d + " and " + e.components() + ")");
            }
        }
    }

    private GibbsEstimator(String phase, IsosurfaceEstimator[] volumes, List<IsosurfaceEstimator[]> replicas, double[] perAtom,
            int reference, EquationOfState eos, double gigapascal) {
        if (!Double.isFinite(gigapascal)) throw new BadInputException("pressure: must be finite, got " + gigapascal);
        this.phase = phase;
        this.volumes = volumes;
        this.replicas = replicas;
        this.perAtom = perAtom;
        this.reference = reference;
        this.eos = eos;
        this.forms = eos.neighbours();
        this.gigapascal = gigapascal;
        this.pressure = gigapascal / Units.GPA_PER_EV_PER_A3;
    }

    /** The same phase at another pressure (the per-volume estimators are shared). */
    public GibbsEstimator atPressure(double gpa) {
        return new GibbsEstimator(phase, volumes, replicas, perAtom, reference, eos, gpa);
    }

    /** P, GPa. */
    public double pressure() {
        return gigapascal;
    }

    /** The sampled volumes, Å³/atom (a copy). */
    public double[] volumes() {
        return perAtom.clone();
    }

    /** The degree of the A(V) fit in x = (V/V_c)^(−2/3). */
    public int eosDegree() {
        return eos.degree();
    }

    @Override
    public String phase() {
        return phase;
    }

    @Override
    public int components() {
        return volumes[0].components();
    }

    /** D_0 of the reference volume. */
    @Override
    public double[] latticeDescriptor() {
        return volumes[reference].latticeDescriptor();
    }

    /** θ·D_0 of the reference volume, eV/atom. */
    @Override
    public double latticeEnergy(double[] theta) {
        return volumes[reference].latticeEnergy(theta);
    }

    @Override
    public ErrorModel errorModel() {
        return volumes[0].errorModel();
    }

    @Override
    public String method() {
        return "G(P, T) over " + volumes.length + " volumes, " + volumes[0].method() + (jackknifed()
                ? ", statistical bars from a jackknife over " + replicas.size() + " shared sample sets"
                : ", per-volume bars propagated as independent");
    }

    /** Whether the statistical bars are the jackknife replicas' (replicas given, calibrated error model). */
    private boolean jackknifed() {
        return !replicas.isEmpty() && usesReplicas(errorModel());
    }

    /** Whether bars under this error model come from jackknife replicas when there are some (the reference model's are propagated). */
    public static boolean usesReplicas(ErrorModel model) {
        return model == ErrorModel.CALIBRATED;
    }

    /** G relative to the reference volume's lattice energy, with its error bar, solved flag and ∂G/∂θ. */
    @Override
    public FreeEnergy[] estimate(double[] theta, double[] temperatures, boolean gradient) {
        GibbsFreeEnergy[] g = gibbs(theta, temperatures, gradient);
        double lattice = latticeEnergy(theta);
        FreeEnergy[] out = new FreeEnergy[g.length];
        for (int j = 0; j < g.length; j++) {
            GibbsFreeEnergy r = g[j];
            out[j] = new FreeEnergy(r.temperature(), r.gibbs().value() - lattice, r.gibbs().error(), r.alphaStar(), r.solved(),
                    r.gradient(), r.statisticalError(), r.systematicError());
        }
        return out;
    }

    /** G(P, T) and what follows from it at each temperature, with ∂G/∂θ when asked for. */
    public GibbsFreeEnergy[] gibbs(double[] theta, double[] temperatures, boolean gradient) {
        for (double t : temperatures) {
            if (!(t > 0) || !Double.isFinite(t)) throw new BadInputException("temperature: must be finite and above 0 K, got " + t);
        }
        GibbsFreeEnergy[] full = gibbs(volumes, theta, temperatures, gradient, true);
        if (!jackknifed()) return full;
        GibbsFreeEnergy[][] replica = new GibbsFreeEnergy[replicas.size()][];
        for (int k = 0; k < replica.length; k++) replica[k] = gibbs(replicas.get(k), theta, temperatures, false, false);
        GibbsFreeEnergy[] out = new GibbsFreeEnergy[full.length];
        for (int j = 0; j < full.length; j++) {
            int at = j;
            out[j] = Jackknife.bars(full[j], Arrays.stream(replica).map(r -> r[at]).toList());
        }
        return out;
    }

    /** Per temperature, from the estimators {@code at}; with the fit form's spread when {@code spread}. */
    private GibbsFreeEnergy[] gibbs(IsosurfaceEstimator[] at, double[] theta, double[] temperatures, boolean gradient, boolean spread) {
        int nt = temperatures.length, n = at.length;
        TemperatureStencil stencil = TemperatureStencil.of(temperatures);
        double[] steps = stencil.steps(), around = stencil.points();
        FreeEnergy[][] f = new FreeEnergy[n][];
        double[] lattice = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = at[i].estimate(theta, around, gradient);
            lattice[i] = at[i].latticeEnergy(theta);
        }
        GibbsFreeEnergy[] out = new GibbsFreeEnergy[nt];
        for (int j = 0; j < nt; j++) {
            out[j] = at(eos, perAtom, gigapascal, f, lattice, 3 * j, steps[j], gradient);
            if (spread) {
                List<GibbsValues> others = new ArrayList<>(forms.length);
                for (EquationOfState form : forms) others.add(GibbsValues.of(form, pressure, f, lattice, 3 * j, steps[j]));
                out[j] = FitForms.spread(out[j], others);
            }
        }
        return out;
    }

    /**
     * One temperature from the per-volume estimates f[i] at columns c, c+1, c+2 (T − δ, T, T + δ) of
     * the volumes {@code perAtom} with lattice energies {@code lattice}, A(V) fitted with {@code eos}:
     * its {@link GibbsValues} with their bars, residual parts and (when asked) ∂G/∂θ.
     */
    static GibbsFreeEnergy at(EquationOfState eos, double[] perAtom, double gigapascal, FreeEnergy[][] f, double[] lattice, int c,
            double step, boolean gradient) {
        GibbsValues values = GibbsValues.of(eos, gigapascal / Units.GPA_PER_EV_PER_A3, f, lattice, c, step);
        int n = perAtom.length;
        double[] w = new double[n], dw = new double[n], ddw = new double[n];
        double[] err = new double[3], verr = new double[3];
        boolean solved = true;
        for (int k = 0; k < 3; k++) {
            int col = c + k;
            double vk = values.minimum(k);
            for (int i = 0; i < n; i++) solved &= f[i][col].solved();
            solved &= eos.inside(vk);
            eos.weights(vk, w, dw, ddw);
            err[k] = propagated(w, f, col);
            verr[k] = propagated(dw, f, col) / Math.abs(eos.curvature(values.fit(k), vk)); // V* moves where dA/dV + P = 0 moves
        }
        int middle = c + 1;
        double t = values.temperature(), vStar = values.volume(), curvature = values.curvature();
        eos.weights(vStar, w, dw, ddw);
        double residual = eos.residual(values.fit(1), values.energies(1));
        double bulkError = vStar * propagated(ddw, f, middle) * Units.GPA_PER_EV_PER_A3;
        boolean split = !Double.isNaN(f[0][middle].statisticalError());
        double stat = split ? statistical(w, f, middle) : Double.NaN, sys = split ? systematic(w, f, middle) : Double.NaN;
        double[] grad = null;
        if (gradient) {
            grad = new double[f[0][middle].gradient().length];
            for (int i = 0; i < n; i++) {
                double[] gi = f[i][middle].gradient();
                for (int q = 0; q < grad.length; q++) grad[q] += w[i] * gi[q];
            }
        }
        int nearest = 0;
        for (int i = 1; i < n; i++) if (Math.abs(perAtom[i] - vStar) < Math.abs(perAtom[nearest] - vStar)) nearest = i;
        // the per-volume S_i, H_i and C_i whose fits' residuals give those quantities' residual parts
        double[] a0 = values.energies(0), a1 = values.energies(1), a2 = values.energies(2);
        double[] s = new double[n], h = new double[n], heat = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = -(a2[i] - a0[i]) / (2 * step);
            h[i] = a1[i] + t * s[i];
            heat[i] = -t * (a2[i] - 2 * a1[i] + a0[i]) / (step * step);
        }
        double rs = eos.residual(eos.fit(s), s), rh = eos.residual(eos.fit(h), h), rc = eos.residual(eos.fit(heat), heat);
        double nw = Vectors.norm(w), ndw = Vectors.norm(dw), stiffness = Math.abs(curvature);
        double entropyError = Math.abs(err[2] - err[0]) / (2 * step);
        double heatError = t * Math.abs(err[2] - 2 * err[1] + err[0]) / (step * step);
        double expansionError = Math.abs(verr[2] - verr[0]) / (2 * step) / (3 * vStar);
        return new GibbsFreeEnergy(t, gigapascal, quantity(values.gibbs(), err[1], residual), stat, sys,
                quantity(vStar, verr[1], residual * ndw / stiffness),
                quantity(values.expansion(), expansionError, rs * ndw / stiffness / (3 * vStar)),
                quantity(values.bulkModulus(), bulkError, vStar * residual * Vectors.norm(ddw) * Units.GPA_PER_EV_PER_A3),
                quantity(values.entropy(), entropyError, rs * nw),
                quantity(values.enthalpy(), Math.abs(err[1] - t * (err[2] - err[0]) / (2 * step)), rh * nw),
                quantity(values.heatCapacity(), heatError, rc * nw), residual, f[nearest][middle].alphaStar(), solved, grad);
    }

    /** A quantity whose bar is the statistical part {@code error} with the fit residual's part in quadrature. */
    private static GibbsFreeEnergy.Quantity quantity(double value, double error, double fitResidual) {
        return new GibbsFreeEnergy.Quantity(value, Math.hypot(error, fitResidual), fitResidual, Double.NaN);
    }

    /**
     * The error bar of Σ_i q_i A_i(T) without jackknife replicas: under the calibrated model the
     * statistical parts (the bar) are propagated as independent between volumes; a campaign's
     * strains share their random numbers, so their errors are positively correlated and, for
     * differences (Σ_i q_i = 0: V*, B_T), this is an upper bound (for G, Σ_i q_i = 1, a lower one).
     * The reference model's S ± δS bands move all volumes together.
     */
    private static double propagated(double[] q, FreeEnergy[][] f, int col) {
        if (Double.isNaN(f[0][col].statisticalError())) {
            double s = 0;
            for (int i = 0; i < q.length; i++) s += q[i] * f[i][col].error();
            return Math.abs(s);
        }
        return statistical(q, f, col);
    }

    private static double statistical(double[] q, FreeEnergy[][] f, int col) {
        double s2 = 0;
        for (int i = 0; i < q.length; i++) s2 += q[i] * q[i] * f[i][col].statisticalError() * f[i][col].statisticalError();
        return Math.sqrt(s2);
    }

    /** The score orders' spread of Σ_i q_i A_i(T), reported beside the bar: it moves all volumes together. */
    private static double systematic(double[] q, FreeEnergy[][] f, int col) {
        double s = 0;
        for (int i = 0; i < q.length; i++) s += q[i] * f[i][col].systematicError();
        return Math.abs(s);
    }
}
