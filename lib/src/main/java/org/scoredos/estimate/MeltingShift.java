package org.scoredos.estimate;

import org.scoredos.io.BadInputException;

/**
 * The melting temperature of θ relative to a given T_m of θ_ref, from a solid phase (any estimator
 * of an absolute F) and a liquid store of MD snapshots in difference mode (method.md §6, "The
 * melting temperature relative to θ_ref's"): ΔG_θ(T) = −ΔS_ref (T − T_m) + δ(T), δ = Δ_liq − Δ_sol,
 * Δ = F_θ − F_ref, ΔS_ref = (E_liq − E_sol)/T_m, and T_m(θ) = T_m + δ(T_m(θ))/ΔS_ref by fixed-point
 * iteration. The dropped curvature of ΔG_ref is reported, not added.
 */
public final class MeltingShift {
    private static final int ITERATIONS = 100;
    private static final double TOLERANCE = 1e-7; // K
    /** The temperature step of ∂δ/∂T, K. */
    private static final double STEP = 0.01;

    private final PhaseFreeEnergy solid;
    private final TemperatureConditionedEstimator liquid;
    private final double tm;
    private final double[] thetaRef;
    private final GibbsFreeEnergy.Quantity latentHeat;
    private final double heatCapacityDifference;

    /**
     * The shift between two phases in either order: the one that is a liquid MD store in difference
     * mode is the liquid, the other the solid.
     */
    public static MeltingShift between(PhaseFreeEnergy a, PhaseFreeEnergy b, double tm) {
        if (b instanceof TemperatureConditionedEstimator l && l.differenceOnly()) return new MeltingShift(a, l, tm);
        if (a instanceof TemperatureConditionedEstimator l && l.differenceOnly()) return new MeltingShift(b, l, tm);
        throw new BadInputException("--reference-tc: neither " + a.phase() + " nor " + b.phase() + " is a liquid store of MD snapshots "
                + "in difference mode (no lattice, no --anchor): give one, with a solid, or drop --reference-tc");
    }

    /** The solid phase's estimator. */
    public PhaseFreeEnergy solid() {
        return solid;
    }

    /** The liquid's estimator (difference mode). */
    public TemperatureConditionedEstimator liquid() {
        return liquid;
    }

    /**
     * @param solid  the solid phase's estimator (absolute F: not in difference mode)
     * @param liquid the liquid's MD estimator in difference mode; its θ_ref is the reference of both
     * @param tm     T_m of θ_ref, K, inside the liquid's sampled temperatures and where the solid is solved
     */
    public MeltingShift(PhaseFreeEnergy solid, TemperatureConditionedEstimator liquid, double tm) {
        if (!liquid.differenceOnly()) {
            throw new BadInputException("--reference-tc: " + liquid.phase() + " is not in difference mode (it has a lattice or an --anchor): "
                    + "the melting shift needs a liquid store of MD snapshots without either");
        }
        if (!"F".equals(solid.quantity())) {
            throw new BadInputException("--reference-tc: " + solid.phase() + " and " + liquid.phase()
                    + " are both in difference mode (two liquids): the solid phase needs an absolute F");
        }
        if (solid.components() != liquid.components()) {
            throw new BadInputException("phases " + solid.phase() + " and " + liquid.phase() + " have different descriptor sizes ("
                    + solid.components() + " and " + liquid.components() + "): they must come from the same descriptor");
        }
        double[] span = liquid.temperatures();
        if (!(tm >= span[0] && tm <= span[span.length - 1])) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "--reference-tc: %s K lies outside the liquid %s's sampled temperatures %s–%s K", number(tm), liquid.phase(),
                    number(span[0]), number(span[span.length - 1])));
        }
        this.solid = solid;
        this.liquid = liquid;
        this.tm = tm;
        this.thetaRef = liquid.referenceTheta();
        ThermalProperties.Row s = ThermalProperties.of(solid, thetaRef, new double[] {tm})[0];
        if (!s.solved()) {
            throw new BadInputException("--reference-tc: " + number(tm) + " K lies outside the solid " + solid.phase()
                    + "'s sampled range (θ_ref's estimate there is unsolved)");
        }
        GibbsFreeEnergy.Quantity eLiquid = liquid.internalEnergy(tm);
        double eSolid = solid.latticeEnergy(thetaRef) + s.energy().value();
        latentHeat = new GibbsFreeEnergy.Quantity(eLiquid.value() - eSolid, Math.hypot(eLiquid.error(), s.energy().error()));
        if (!(latentHeat.value() > 0)) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "--reference-tc: at %s K the liquid %s's energy is not above the solid %s's (latent heat %.6f eV/atom): no melting there",
                    number(tm), liquid.phase(), solid.phase(), latentHeat.value()));
        }
        heatCapacityDifference = liquid.heatCapacity(tm) - s.heatCapacity().value();
    }

    /**
     * T_m(θ) and what goes into it.
     *
     * @param referenceTm   T_m of θ_ref, K (given)
     * @param tm            T_m(θ), K
     * @param tmError       its error bar, K
     * @param latentHeat    E_liq − E_sol of θ_ref at T_m, eV/atom (at fixed volume: ΔU), with its error
     * @param entropy       ΔS_ref = latent heat / T_m, eV/(K·atom), with its error
     * @param shift         δ(T_m(θ)) = Δ_liq − Δ_sol, eV/atom, with its error
     * @param liquidShift   Δ_liq = F_θ − F_ref of the liquid at T_m(θ), eV/atom, with its error
     * @param solidShift    Δ_sol of the solid at T_m(θ), eV/atom, with its error
     * @param heatCapacityDifference ΔC = C_liq − C_sol at T_m, eV/(K·atom) (NaN: one liquid cell)
     * @param curvature     the dropped second-order term's move of T_m(θ), −ΔC δT²/(2 T_m ΔS_ref), K
     * @param solved        the iteration converged, T_m(θ) inside the liquid's sampled temperatures, every estimate there solved
     * @param iterations    fixed-point iterations taken
     * @param gradient      ∂T_m/∂θ, K per unit of θ, or null when not asked for
     */
    public record Result(double referenceTm, double tm, double tmError, GibbsFreeEnergy.Quantity latentHeat,
            GibbsFreeEnergy.Quantity entropy, GibbsFreeEnergy.Quantity shift, GibbsFreeEnergy.Quantity liquidShift,
            GibbsFreeEnergy.Quantity solidShift, double heatCapacityDifference, double curvature, boolean solved, int iterations,
            double[] gradient) {
        /** δT_m = T_m(θ) − T_m, K. */
        public double shiftOfTm() {
            return tm - referenceTm;
        }
    }

    /** δ(T) with its parts and their estimates at T (gradients when asked). */
    private record Shift(double value, FreeEnergy liquid, FreeEnergy solid, FreeEnergy solidRef, double solidShift) {
        boolean solved() {
            return liquid.solved() && solid.solved() && solidRef.solved();
        }
    }

    private Shift shift(double[] theta, double t, boolean gradient) {
        FreeEnergy l = liquid.estimate(theta, new double[] {t}, gradient)[0];
        FreeEnergy s = solid.estimate(theta, new double[] {t}, gradient)[0];
        FreeEnergy r = solid.estimate(thetaRef, new double[] {t}, false)[0];
        double solidShift = solid.latticeEnergy(theta) + s.freeEnergy() - solid.latticeEnergy(thetaRef) - r.freeEnergy();
        return new Shift(l.freeEnergy() - solidShift, l, s, r, solidShift);
    }

    /** T_m(θ) with its error, flag and parts; the gradient ∂T_m/∂θ when asked for. */
    public Result at(double[] theta, boolean gradient) {
        if (theta.length != thetaRef.length) {
            throw new BadInputException("θ has " + theta.length + " coefficients, the stores' descriptor " + thetaRef.length);
        }
        double entropy = latentHeat.value() / tm, entropyError = latentHeat.error() / tm;
        double t = tm;
        boolean converged = false;
        int k = 0;
        while (k < ITERATIONS && !converged) {
            k++;
            double next = tm + shift(theta, t, false).value() / entropy;
            converged = Math.abs(next - t) < TOLERANCE;
            t = next;
        }
        double[] span = liquid.temperatures();
        boolean inside = t >= span[0] && t <= span[span.length - 1];
        Shift at = shift(theta, t, gradient);
        double delta = t - tm;
        // Δ_sol differenced first: the solid's two estimates share its fits (and F_ref), whose error cancels;
        // the liquid is another store, independent of the solid
        double solidShiftError = solid.differenceError(theta, thetaRef, t);
        double shiftError = Math.hypot(at.liquid().error(), solidShiftError);
        // the root of −ΔS(T − T_m) + δ(θ, T) moves by (dδ − δT dΔS)/(ΔS − ∂δ/∂T) when δ or ΔS does; δ and ΔS in quadrature,
        // their covariance within a store (its shift and its ⟨U⟩ from the same frames) left out
        double slope = (shift(theta, t + STEP, false).value() - shift(theta, t - STEP, false).value()) / (2 * STEP);
        double root = entropy - slope;
        double tmError = Math.hypot(shiftError, Math.abs(delta) * entropyError) / Math.abs(root);
        double[] grad = null;
        if (gradient) {
            // ∂T/∂θ = ∂δ/∂θ / (ΔS − ∂δ/∂T)
            double[] dl = at.liquid().gradient(), ds = at.solid().gradient();
            grad = new double[theta.length];
            for (int i = 0; i < grad.length; i++) grad[i] = (dl[i] - ds[i]) / root;
        }
        double curvature = -heatCapacityDifference * delta * delta / (2 * tm * entropy);
        return new Result(tm, t, tmError, latentHeat, new GibbsFreeEnergy.Quantity(entropy, entropyError),
                new GibbsFreeEnergy.Quantity(at.value(), shiftError), new GibbsFreeEnergy.Quantity(at.liquid().freeEnergy(), at.liquid().error()),
                new GibbsFreeEnergy.Quantity(at.solidShift(), solidShiftError), heatCapacityDifference,
                curvature, converged && inside && at.solved(), k, grad);
    }

    private static String number(double t) {
        return t == Math.rint(t) ? String.valueOf((long) t) : String.valueOf(t);
    }
}
