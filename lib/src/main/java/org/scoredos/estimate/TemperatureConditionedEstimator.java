package org.scoredos.estimate;

import java.util.function.DoubleUnaryOperator;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.MdAverages;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * Free energies from MD snapshots of a reference model θ_ref (a temperature-conditioned store,
 * {@code scoredos ingest}; method.md §6). At a sampled temperature T the cell's normalised
 * entropy S_T(D) (density ∝ exp(N S_T), max S_T = 0) gives, for any θ, the Legendre–Fenchel
 * perturbation
 *
 * <pre>  F_θ(T) − F_ref(T) = min_D [ (θ − θ_ref)·D − k_B T S_T(D) ]</pre>
 *
 * per rotated component, with the exact gradient D* (the minimiser) and {@code solved = false}
 * when D* sits at the edge of the sampled range of any component (θ too far from θ_ref for
 * these data). F_ref(T) is the harmonic free energy of the reference lattice plus the
 * anharmonic part from {@link GibbsHelmholtz} over the cells' ⟨U⟩ (stored by ingest from the
 * frames' energies or θ_ref·D, with blocked errors; else N θ_ref·⟨D⟩_T); without a lattice (a
 * liquid) it is the Gibbs–Helmholtz integral from a given anchor, or unknown: then only
 * F_θ − F_ref is reported (difference mode, {@link #quantity()}). Between
 * sampled temperatures the perturbation and its error are interpolated linearly in T; outside
 * the sampled span a result is the nearest cell's, flagged unsolved.
 *
 * <p>Results use the {@link FreeEnergy} record: F per atom relative to θ·D_0 in the reported
 * convention, its error (score-fit band ⊕ the Gibbs–Helmholtz fit's error ⊕ the sampling error
 * of the mean descriptor), α* = NaN (no isosurface), ∂(θ·D_0 + F)/∂θ = D*.
 */
public final class TemperatureConditionedEstimator implements PhaseFreeEnergy {
    private static final int SCAN = 200;
    private static final int GOLDEN_STEPS = 60;

    private final PhaseSummary phase;
    private final double[] thetaRef;
    private final double[] temperatures;
    /** Per cell: the frames' effective count (correlated MD), the sample size of its means. */
    private final double[] effective;
    /** A phase without a lattice: the fit of its E(T) = ⟨U⟩/N + (3/2) k_B T over the cells (anchored or not); else null. */
    private final GibbsHelmholtz liquidEnergy;
    /** F_ref's Gibbs–Helmholtz fit (the crystal's anharmonic part or the liquid's whole), null in difference mode. */
    private final GibbsHelmholtz gibbsHelmholtz;
    private final DoubleUnaryOperator harmonic;
    private final double[] d0;
    private final double anchorShift;
    /** T_0 of the anchor, or NaN: none. */
    private final double anchorTemperature;
    /** Per cell and component: S as a power series in u, the sampled range of u, and u at max S. */
    private final double[][][] series;
    private final double[][] lower, upper, uMax;
    private final PolynomialBasis[] bases;

    /**
     * @param phase        a temperature-conditioned phase with fitted score models
     * @param thetaRef     the model the MD ran with (d values, no β0)
     * @param storedEnergy whether the cells' stored ⟨U⟩ is of this θ_ref (the one ingest recorded);
     *                     else ⟨U⟩ = N θ_ref·⟨D⟩ from the cell means
     * @param harmonic     F_harm(T) of θ_ref's Hessian at the reference lattice, eV/atom in the
     *                     reported convention, relative to θ_ref·D_0; null for a phase without a
     *                     lattice (a liquid, or a store ingested without --reference)
     * @param anchor       {T_0, F_0}: the reference's free energy at T_0 (eV/atom, reported
     *                     convention, relative to θ_ref·D_0; absolute on the θ·D scale without a
     *                     lattice), or null: a crystal is anchored at T = 0 by the harmonic free
     *                     energy, a phase without a lattice gives only F_θ − F_ref (difference mode)
     */
    public TemperatureConditionedEstimator(PhaseSummary phase, double[] thetaRef, boolean storedEnergy, DoubleUnaryOperator harmonic,
            double[] anchor) {
        if (phase.conditioning() != Conditioning.TEMPERATURE) {
            throw new BadInputException(phase.name() + ": a " + phase.conditioning().key()
                    + "-conditioned store; the MD estimator needs MD snapshots grouped by temperature (scoredos ingest)");
        }
        ReferenceConstants ref = phase.reference();
        int d = ref.components();
        if (thetaRef.length != d) {
            throw new BadInputException(phase.name() + ": the reference model has " + thetaRef.length
                    + " coefficients, the store's descriptor " + d);
        }
        boolean lattice = harmonic != null;
        if (lattice) {
            for (double v : ref.d0()) {
                if (!Double.isFinite(v)) {
                    throw new BadInputException(phase.name() + ": the store has no reference lattice (D_0 unknown); "
                            + "ingest with --reference FILE, the static lattice of the frames");
                }
            }
        }
        if (anchor != null && (!(anchor[0] > 0) || !Double.isFinite(anchor[0]) || !Double.isFinite(anchor[1]))) {
            throw new BadInputException("--anchor: T0 must be positive and F0 finite, got " + anchor[0] + " K, " + anchor[1] + " eV/atom");
        }
        for (CellSummary c : phase.cells()) {
            if (c.scores() == null) throw new BadInputException(phase.name() + ": cell " + temperature(c) + " K has no score models");
        }
        this.phase = phase;
        this.thetaRef = thetaRef.clone();
        this.harmonic = harmonic;
        this.d0 = lattice ? ref.d0().clone() : new double[d];
        int cells = phase.cells().size();
        temperatures = new double[cells];
        effective = new double[cells];
        double[] energy = new double[cells], errors = new double[cells];
        double latticeEnergy = Vectors.dot(thetaRef, d0);
        series = new double[cells][][];
        lower = new double[cells][];
        upper = new double[cells][];
        uMax = new double[cells][];
        bases = new PolynomialBasis[cells];
        for (int a = 0; a < cells; a++) {
            CellSummary c = phase.cells().get(a);
            double t = temperature(c);
            temperatures[a] = t;
            MdAverages md = c.md();
            // correlated frames: their effective count (blocking of the energy series at ingestion), else all of them
            effective[a] = md != null && md.effectiveSamples() > 0 ? Math.min(md.effectiveSamples(), c.samples()) : c.samples();
            boolean stored = storedEnergy && md != null && md.hasEnergy();
            double u = stored ? md.energy() : Vectors.dot(thetaRef, c.mean());
            errors[a] = stored ? Math.max(md.energyError(), 1e-15) : Math.sqrt(Math.max(Vectors.quadratic(c.covariance(), thetaRef), 1e-30) / effective[a]);
            // a crystal: beyond the harmonic crystal's potential energy (M/2) k_B T, what the M internal modes of MD hold;
            // a liquid: the whole energy, kinetic (3/2) k_B T per atom included (3N convention)
            energy[a] = lattice ? u - latticeEnergy - 0.5 * ref.stableModes() * Units.KB * t / ref.atoms() : u + 1.5 * Units.KB * t;
            prepare(a, c);
        }
        liquidEnergy = lattice ? null : GibbsHelmholtz.liquid(temperatures, energy, errors);
        gibbsHelmholtz = lattice ? GibbsHelmholtz.fit(temperatures, energy, errors, GibbsHelmholtz.DEFAULT_ORDER)
                : anchor != null ? liquidEnergy : null;
        if (anchor != null) {
            anchorTemperature = anchor[0];
            anchorShift = anchor[1] - unanchored(anchor[0]);
        } else {
            anchorTemperature = Double.NaN;
            anchorShift = 0;
        }
    }

    /** A cell's temperature: the typed column, or (stores written before it) the label τ, which held T. */
    private static double temperature(CellSummary c) {
        return c.md() != null ? c.md().temperature() : c.tau();
    }

    /** Whether F is only F_θ − F_ref: no lattice to anchor the reference at T → 0 and no anchor given. */
    public boolean differenceOnly() {
        return gibbsHelmholtz == null;
    }

    @Override
    public String phase() {
        return phase.name();
    }

    @Override
    public int components() {
        return thetaRef.length;
    }

    /** D_0 of the store's lattice; zero without one (F is then on the absolute θ·D scale). */
    @Override
    public double[] latticeDescriptor() {
        return d0.clone();
    }

    @Override
    public double latticeEnergy(double[] theta) {
        return Vectors.dot(theta, d0);
    }

    /** The score bands ⊕ the sampling and Gibbs–Helmholtz errors, one bar (not split). */
    @Override
    public ErrorModel errorModel() {
        return ErrorModel.REFERENCE;
    }

    @Override
    public String method() {
        if (differenceOnly()) {
            return "MD snapshots, DIFFERENCE MODE: F is F_θ − F_ref, the Legendre–Fenchel shift from the reference model θ_ref "
                    + "(its own free energy unknown: no lattice and no --anchor); one error bar";
        }
        return "MD snapshots: F_ref by Gibbs–Helmholtz over ⟨U⟩ of θ_ref" + (harmonic != null ? "" : " anchored by --anchor")
                + ", plus the Legendre–Fenchel shift to θ; one error bar";
    }

    @Override
    public String quantity() {
        return differenceOnly() ? "F_theta - F_ref" : PhaseFreeEnergy.super.quantity();
    }

    @Override
    public FreeEnergy[] estimate(double[] theta, double[] temperatures, boolean gradient) {
        FreeEnergy[] out = new FreeEnergy[temperatures.length];
        for (int i = 0; i < temperatures.length; i++) out[i] = estimate(theta, temperatures[i], gradient);
        return out;
    }

    /** The sampled temperatures, K, increasing. */
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** θ_ref, the model the MD ran with (a copy). */
    public double[] referenceTheta() {
        return thetaRef.clone();
    }

    /**
     * E(T) = ⟨U⟩/N + (3/2) k_B T of θ_ref per atom on the θ·D scale (3N convention) of a phase without
     * a lattice: the Gibbs–Helmholtz fit of the cells' ⟨U⟩ that an anchor integrates (c_0 + c_1 T + c_2 T²),
     * with its error.
     *
     * @throws IllegalStateException for a phase with a lattice
     */
    public GibbsFreeEnergy.Quantity internalEnergy(double temperature) {
        return new GibbsFreeEnergy.Quantity(liquidFit().deltaU(temperature), liquidFit().deltaUError(temperature));
    }

    /** dE/dT of {@link #internalEnergy}, eV/(K·atom); NaN from one sampled temperature. */
    public double heatCapacity(double temperature) {
        return temperatures.length < 2 ? Double.NaN : liquidFit().heatCapacity(temperature);
    }

    private GibbsHelmholtz liquidFit() {
        if (liquidEnergy == null) throw new IllegalStateException(phase.name() + " has a lattice: its E(T) is F + TS of its estimate");
        return liquidEnergy;
    }

    /** F_ref(T), eV/atom relative to θ_ref·D_0 (reported convention); 0 in difference mode. */
    public double reference(double temperature) {
        return unanchored(temperature) + (Double.isNaN(anchorTemperature) ? 0 : anchorShift * temperature / anchorTemperature);
    }

    private double unanchored(double temperature) {
        if (gibbsHelmholtz == null) return 0;
        return (harmonic != null ? harmonic.applyAsDouble(temperature) : 0) + gibbsHelmholtz.anharmonic(temperature);
    }

    private double referenceError(double temperature) {
        if (gibbsHelmholtz == null) return 0;
        return Double.isNaN(anchorTemperature) ? gibbsHelmholtz.anharmonicError(temperature)
                : gibbsHelmholtz.anchoredError(temperature, anchorTemperature);
    }

    /** The perturbation of one sampled cell: ΔF = F_θ − F_ref (eV/atom), its error, D* and the flag. */
    public record Perturbation(double deltaF, double error, double[] descriptor, boolean solved) {}

    /** ΔF at cell {@code a} (method.md §6). */
    public Perturbation perturbation(int a, double[] theta) {
        CellSummary c = phase.cells().get(a);
        ScoreTable s = c.scores();
        int d = c.components();
        double kT = Units.KB * temperatures[a];
        double[] dTheta = new double[d];
        for (int i = 0; i < d; i++) dTheta[i] = theta[i] - thetaRef[i];
        double[] rotated = rotated(c, dTheta);
        double deltaF = Vectors.dot(dTheta, c.mean());
        double[] dStar = c.mean().clone();
        double variance = 0;
        boolean solved = true;
        double[] phi = new double[bases[a].size()], phiMax = new double[bases[a].size()];
        for (int k = 0; k < d; k++) {
            double u = minimiser(a, k, rotated[k]);
            double width = upper[a][k] - lower[a][k];
            if (u - lower[a][k] < 1e-6 * width || upper[a][k] - u < 1e-6 * width) solved = false;
            double y = s.centre()[k] + s.scale()[k] * u;
            double[] sk = series[a][k];
            deltaF += rotated[k] * y - kT * PolynomialConjugate.horner(sk, 0, sk.length, u);
            for (int i = 0; i < d; i++) dStar[i] += c.rotation()[i][k] * y;
            // S is shifted to 0 at its maximum
            variance += fitVariance(a, k, u, uMax[a][k], phi, phiMax);
        }
        double mean = Vectors.quadratic(c.covariance(), dTheta) / effective[a]; // sampling error of Δθ·⟨D⟩, correlated frames
        // |Var|: the reference's coefficient covariance need not be positive definite (as in FreeEnergyEstimator)
        return new Perturbation(deltaF, Math.sqrt(kT * kT * Math.abs(variance) + mean), dStar, solved);
    }

    /** (Wᵀ Δθ)_k for every component k of the cell. */
    private static double[] rotated(CellSummary c, double[] dTheta) {
        int d = c.components();
        double[] out = new double[d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) out[k] += c.rotation()[i][k] * dTheta[i];
        }
        return out;
    }

    /** u* of component k at cell a: the minimiser over y = centre + scale·u of Δθ'_k y − k_B T S_k(u). */
    private double minimiser(int a, int k, double rotated) {
        double slope = rotated * phase.cells().get(a).scores().scale()[k] / (Units.KB * temperatures[a]);
        return minimise(series[a][k], slope, lower[a][k], upper[a][k]);
    }

    /** The score fit's variance of S_ak(u) − S_ak(from), both from the one fit; {@code phi} and {@code phiFrom} are scratch. */
    private double fitVariance(int a, int k, double u, double from, double[] phi, double[] phiFrom) {
        bases[a].evaluate(u, phi, null, null);
        bases[a].evaluate(from, phiFrom, null, null);
        for (int i = 0; i < phi.length; i++) phi[i] -= phiFrom[i];
        return Vectors.quadratic(phase.cells().get(a).scores().covariance()[k], phi);
    }

    /** The cells either side of T and the upper one's weight; one cell (both the same) at a sampled T, outside the span or of one cell. */
    private record Bracket(int below, int above, double weight) {}

    private Bracket bracket(double temperature) {
        int n = temperatures.length;
        int hi = 0;
        while (hi < n && temperatures[hi] < temperature) hi++;
        if (hi < n && temperatures[hi] == temperature) return new Bracket(hi, hi, 0);
        if (hi == 0 || hi == n) return new Bracket(Math.max(0, hi - 1), Math.max(0, hi - 1), 0);
        return new Bracket(hi - 1, hi, (temperature - temperatures[hi - 1]) / (temperatures[hi] - temperatures[hi - 1]));
    }

    /** F_θ(T) per atom relative to θ·D_0, with its error, flag and (when asked) gradient. */
    public FreeEnergy estimate(double[] theta, double temperature, boolean gradient) {
        check(theta, temperature);
        boolean inside = temperature >= temperatures[0] && temperature <= temperatures[temperatures.length - 1];
        Bracket b = bracket(temperature);
        Perturbation p = perturbation(b.below(), theta);
        if (b.above() != b.below()) {
            Perturbation below = p, above = perturbation(b.above(), theta);
            double w = b.weight();
            double[] dStar = new double[theta.length];
            for (int i = 0; i < dStar.length; i++) dStar[i] = (1 - w) * below.descriptor()[i] + w * above.descriptor()[i];
            p = new Perturbation((1 - w) * below.deltaF() + w * above.deltaF(), (1 - w) * below.error() + w * above.error(),
                    dStar, below.solved() && above.solved());
        }
        double refError = referenceError(temperature);
        double[] dTheta = new double[theta.length];
        for (int i = 0; i < theta.length; i++) dTheta[i] = theta[i] - thetaRef[i];
        // F_θ − θ·D_0 = (F_ref − θ_ref·D_0) + ΔF − Δθ·D_0
        double f = reference(temperature) + p.deltaF() - Vectors.dot(dTheta, d0);
        // one error bar, not split into statistical and score-order parts (no refits at p ± 1 here)
        return new FreeEnergy(temperature, f, Math.hypot(p.error(), refError), Double.NaN, p.solved() && inside,
                gradient ? p.descriptor() : null);
    }

    /**
     * The bar of F_θ − F_θ' differenced first: F_ref (its Gibbs–Helmholtz error) and the lattice cancel, and
     * what is left, to first order in each cell's fits, is the score fit's variance of S(u*_θ) − S(u*_θ') per
     * component and the sampling error of (θ − θ')·⟨D⟩; between cells interpolated as the estimate's bar is.
     */
    @Override
    public double differenceError(double[] theta, double[] other, double temperature) {
        check(theta, temperature);
        check(other, temperature);
        Bracket b = bracket(temperature);
        double below = differenceError(b.below(), theta, other);
        return b.above() == b.below() ? below : (1 - b.weight()) * below + b.weight() * differenceError(b.above(), theta, other);
    }

    private double differenceError(int a, double[] theta, double[] other) {
        CellSummary c = phase.cells().get(a);
        int d = c.components();
        double kT = Units.KB * temperatures[a];
        double[] dTheta = new double[d], dOther = new double[d], between = new double[d];
        for (int i = 0; i < d; i++) {
            dTheta[i] = theta[i] - thetaRef[i];
            dOther[i] = other[i] - thetaRef[i];
            between[i] = theta[i] - other[i];
        }
        double[] rotated = rotated(c, dTheta), rotatedOther = rotated(c, dOther);
        double[] phi = new double[bases[a].size()], phiOther = new double[bases[a].size()];
        double variance = 0;
        for (int k = 0; k < d; k++) {
            variance += fitVariance(a, k, minimiser(a, k, rotated[k]), minimiser(a, k, rotatedOther[k]), phi, phiOther);
        }
        return Math.sqrt(kT * kT * Math.abs(variance) + Vectors.quadratic(c.covariance(), between) / effective[a]);
    }

    private void check(double[] theta, double temperature) {
        if (theta.length != thetaRef.length) {
            throw new BadInputException("θ has " + theta.length + " coefficients, the store's descriptor " + thetaRef.length);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new BadInputException("temperature must be positive and finite, got " + temperature + " K");
        }
    }

    private void prepare(int a, CellSummary c) {
        ScoreTable s = c.scores();
        PolynomialBasis basis = PolynomialBasis.of(s.basis(), s.order());
        bases[a] = basis;
        int d = c.components();
        series[a] = new double[d][];
        lower[a] = new double[d];
        upper[a] = new double[d];
        uMax[a] = new double[d];
        double[] phi = new double[basis.size()];
        for (int k = 0; k < d; k++) {
            double[] edges = c.binEdges()[k];
            int nb = edges.length - 1;
            series[a][k] = basis.powerSeries(s.coefficients()[k]);
            series[a][k][0] -= s.shift()[k];
            lower[a][k] = (0.5 * (edges[0] + edges[1]) - s.centre()[k]) / s.scale()[k];
            upper[a][k] = (0.5 * (edges[nb - 1] + edges[nb]) - s.centre()[k]) / s.scale()[k];
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < nb; j++) {
                double u = (0.5 * (edges[j] + edges[j + 1]) - s.centre()[k]) / s.scale()[k];
                basis.evaluate(u, phi, null, null);
                double v = 0;
                for (int i = 0; i < phi.length; i++) v += s.coefficients()[k][i] * phi[i];
                if (v > best) {
                    best = v;
                    uMax[a][k] = u;
                }
            }
            // normalised at the fitted S's own maximum in the sampled range, not the best bin centre's:
            // then θ = θ_ref has F_θ − F_ref = 0 exactly, not −k_B T Σ_k (the excess between centres)
            double u = minimise(series[a][k], 0, lower[a][k], upper[a][k]);
            double excess = PolynomialConjugate.horner(series[a][k], 0, series[a][k].length, u);
            if (excess > 0) {
                series[a][k][0] -= excess;
                uMax[a][k] = u;
            }
        }
    }

    /** The minimiser of slope·u − S(u) on [lo, hi]: a scan, then golden sections about the best point. */
    static double minimise(double[] s, double slope, double lo, double hi) {
        double step = (hi - lo) / SCAN;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= SCAN; j++) {
            double u = lo + j * step;
            double v = slope * u - PolynomialConjugate.horner(s, 0, s.length, u);
            if (v < bestValue) {
                bestValue = v;
                best = j;
            }
        }
        double l = lo + Math.max(0, best - 1) * step, r = lo + Math.min(SCAN, best + 1) * step;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < GOLDEN_STEPS; i++) {
            double m1 = r - g * (r - l), m2 = l + g * (r - l);
            double v1 = slope * m1 - PolynomialConjugate.horner(s, 0, s.length, m1);
            double v2 = slope * m2 - PolynomialConjugate.horner(s, 0, s.length, m2);
            if (v1 <= v2) r = m2;
            else l = m1;
        }
        double u = 0.5 * (l + r);
        // an end of the range stays exactly there, so the flag sees it
        if (best == 0 && u - lo < 1e-9 * (hi - lo)) return lo;
        if (best == SCAN && hi - u < 1e-9 * (hi - lo)) return hi;
        return u;
    }
}
