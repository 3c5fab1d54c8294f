package org.scoredos.estimate;

import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.SandwichCovariance;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.ScoreTable;
import org.scoredos.units.Units;

/**
 * Free energy F_θ(T) of one phase from its fitted score models (method.md §4), with error bar,
 * optimal isosurface α*, solved flag and gradient, for any θ and T.
 *
 * <p>Everything that does not depend on θ is prepared once per phase (rotations laid out for
 * vector loops, bin grids and their convex hulls, polynomial entropies and their monotone
 * pieces, the α-fit pseudo-inverse), so one evaluation is a rotation of θ into every cell, one
 * 1-D minimisation per (cell, component) and a small polynomial in α, without allocation.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link Mode#REFERENCE}: the reference estimator exactly — minima over the histogram bins,
 *       the α polynomial minimised on a grid of twice as many points as cells, the error from
 *       the S ± δS tables, and as gradient the sampled mean descriptor interpolated at α*
 *       (from the nearest cell), which is only an approximation of ∂F/∂θ;</li>
 *   <li>{@link Mode#SMOOTH}: the fitted polynomial entropies minimised continuously over their
 *       sampled range and the α polynomial minimised continuously over the sampled α range,
 *       so F is smooth in θ and the gradient is its exact derivative (envelope theorem):
 *       ∂(θ·D_0 + F)/∂θ = D_0 + Σ_a w_a(α*) R_a (y*_a − y0_a), w_a the α-fit weights. The error
 *       bar is the first-order form of the reference's: k_B T |Σ_a w_a(α*) Σ_k δS_ak(y*_ak)|.</li>
 * </ul>
 *
 * <p>Two error models ({@link ErrorModel}): the reference's bands above, or the calibrated
 * model, which reports a statistical part (the sampling covariance of every score fit,
 * propagated to F to first order with cells and components independent) and a systematic part
 * (the spread of F over the neighbouring score orders p ± 1), and their quadrature sum as the
 * error. Instances are immutable and thread-safe; each thread uses its own {@link Workspace}.
 */
public final class FreeEnergyEstimator {
    /** How the Legendre transforms are taken: see the class comment. */
    public enum Mode {
        REFERENCE,
        SMOOTH
    }

    /** Where the error bar on F comes from: see the class comment. */
    public enum ErrorModel {
        /** The reference's S ± δS bands, every component shifted the same way at once. */
        REFERENCE,
        /** Statistical (multinomial sampling of the histograms) ⊕ systematic (score order p ± 1). */
        CALIBRATED
    }

    /** Degree of the α polynomial (the reference's alpha_poly_order). */
    public static final int ALPHA_DEGREE = 5;
    /** Reference mode: dense α points per sampled cell (alpha_remesh). */
    public static final int ALPHA_REMESH = 2;

    private final Mode mode;
    private final ErrorModel errorModel;
    private final String phase;
    private final int cells, d;
    private final double[] alphas, d0;
    private final double[][] means;
    /** rotation[i][a·d + k] = R_a[i][k]: θ̃ = Rᵀθ as d long vector loops. */
    private final double[][] rotation;
    /** column[a·d + k] = R_a[:, k], for the gradient. */
    private final double[][] column;
    private final double logDet, hbarSqOverMass;
    private final AlphaFit fit;

    // reference mode
    private final BinGridConjugate bins, binsPlus, binsMinus;
    private final double[] denseAlpha, denseT;

    // smooth mode
    private final PolynomialConjugate entropy;
    /** Per (a, k): y of u = 0 relative to y0 (centre − y0) and the scale dy/du. */
    private final double[] offset, scale;
    /** Per (a, k): power series of δS² in u (degree 2·deg), flattened with stride bandStride. */
    private final double[] band;
    private final int bandStride;

    // calibrated error model
    /**
     * Per (a, k): power series in u of Var S_ak(u) − its shift, i.e. gᵀ Σ_c g with
     * g = φ(u) − φ(u_max) and Σ_c the sandwich covariance; stride bandStride.
     */
    private final double[] sampling;
    /** The same phase with its score models refitted at orders p − 1 and p + 1 (those that fit). */
    private final FreeEnergyEstimator[] neighbours;

    private FreeEnergyEstimator(PhaseSummary phaseSummary, Mode mode, ErrorModel errorModel,
            FreeEnergyEstimator[] neighbours) {
        this.mode = mode;
        this.errorModel = errorModel;
        this.neighbours = neighbours;
        this.phase = phaseSummary.name();
        List<CellSummary> list = phaseSummary.cells();
        ReferenceConstants ref = phaseSummary.reference();
        cells = list.size();
        d = ref.components();
        if (cells <= ALPHA_DEGREE) {
            throw new BadInputException(phase + ": " + cells + " isosurface cells; the α fit of degree "
                    + ALPHA_DEGREE + " needs at least " + (ALPHA_DEGREE + 1));
        }
        d0 = ref.d0().clone();
        logDet = ref.meanLogNu();
        hbarSqOverMass = Units.HBAR * Units.HBAR / ref.mass() * Units.EV_PER_AMU_A2_IN_PS2;
        alphas = new double[cells];
        means = new double[cells][];
        rotation = new double[d][cells * d];
        column = new double[cells * d][d];
        int tables = cells * d;
        double[][] gridX = new double[tables][], gridS = new double[tables][], gridPlus = new double[tables][],
                gridMinus = new double[tables][];
        double[][] polynomial = new double[tables][];
        double[] lower = new double[tables], upper = new double[tables];
        offset = new double[tables];
        scale = new double[tables];
        double[][] bands = new double[tables][];
        double[][] samplingBands = errorModel == ErrorModel.CALIBRATED ? new double[tables][] : null;
        for (int a = 0; a < cells; a++) {
            CellSummary cell = list.get(a);
            if (cell.components() != d) {
                throw new BadInputException(phase + ": cell " + a + " has " + cell.components() + " components, expected " + d);
            }
            if (a > 0 && !(cell.alpha() > alphas[a - 1])) {
                throw new BadInputException(phase + ": cell " + a + ": isosurface α values must increase");
            }
            ScoreTable scores = cell.scores();
            if (scores == null) {
                throw new IllegalArgumentException(phase + ": cell " + a + " has no fitted score models");
            }
            alphas[a] = cell.alpha();
            means[a] = cell.mean().clone();
            double[][] r = cell.rotation();
            PolynomialBasis basis = PolynomialBasis.of(scores.basis(), scores.order());
            int m = basis.size();
            double[] phi = new double[m], phiMax = new double[m];
            double[] centres = new double[cell.bins()];
            for (int k = 0; k < d; k++) {
                int t = a * d + k;
                double rMean = 0, rD0 = 0;
                for (int i = 0; i < d; i++) {
                    rotation[i][t] = r[i][k];
                    column[t][i] = r[i][k];
                    rMean += cell.mean()[i] * r[i][k];
                    rD0 += d0[i] * r[i][k];
                }
                double[] coef = scores.coefficients()[k];
                double[][] cov = scores.covariance()[k];
                double centre = scores.centre()[k], s = scores.scale()[k], shift = scores.shift()[k];
                double[] edges = cell.binEdges()[k];
                int nb = edges.length - 1;
                gridX[t] = new double[nb];
                gridS[t] = new double[nb];
                gridPlus[t] = new double[nb];
                gridMinus[t] = new double[nb];
                double highest = Double.NEGATIVE_INFINITY, uMax = 0;
                for (int j = 0; j < nb; j++) {
                    double c = 0.5 * (edges[j] + edges[j + 1]);
                    centres[j] = c;
                    gridX[t][j] = (c + rMean) - rD0;
                    basis.evaluate((c - centre) / s, phi, null, null);
                    double value = 0, var = 0;
                    for (int i = 0; i < m; i++) {
                        value += coef[i] * phi[i];
                        for (int l = 0; l < m; l++) var += phi[i] * cov[i][l] * phi[l];
                    }
                    if (value > highest) {
                        highest = value;
                        uMax = (c - centre) / s;
                    }
                    double sigma = Math.sqrt(Math.abs(var));
                    gridS[t][j] = value - shift;
                    gridPlus[t][j] = value - shift + sigma;
                    gridMinus[t][j] = value - shift - sigma;
                }
                double y0 = rD0 - rMean;
                offset[t] = centre - y0;
                scale[t] = s;
                polynomial[t] = basis.powerSeries(coef);
                polynomial[t][0] -= shift;
                lower[t] = (0.5 * (edges[0] + edges[1]) - centre) / s;
                upper[t] = (0.5 * (edges[nb - 1] + edges[nb]) - centre) / s;
                bands[t] = basis.quadraticForm(cov);
                if (samplingBands != null) {
                    double[][] sandwich = SandwichCovariance.of(basis, centres, cell.counts()[k], ref.atoms(), centre, s, coef);
                    samplingBands[t] = shiftedVariance(basis, sandwich, uMax, phiMax);
                }
            }
        }
        int stride = 0;
        for (double[] b : bands) stride = Math.max(stride, b.length);
        bandStride = stride;
        band = new double[tables * stride];
        for (int t = 0; t < tables; t++) System.arraycopy(bands[t], 0, band, t * stride, bands[t].length);
        if (samplingBands != null) {
            sampling = new double[tables * stride];
            for (int t = 0; t < tables; t++) System.arraycopy(samplingBands[t], 0, sampling, t * stride, samplingBands[t].length);
        } else {
            sampling = null;
        }
        fit = new AlphaFit(alphas, ALPHA_DEGREE);
        if (mode == Mode.REFERENCE) {
            bins = new BinGridConjugate(gridX, gridS);
            binsPlus = new BinGridConjugate(gridX, gridPlus);
            binsMinus = new BinGridConjugate(gridX, gridMinus);
            int dense = ALPHA_REMESH * cells;
            denseAlpha = linspace(alphas[0], alphas[cells - 1], dense);
            denseT = new double[dense];
            for (int l = 0; l < dense; l++) denseT[l] = fit.t(denseAlpha[l]);
            entropy = null;
        } else {
            bins = binsPlus = binsMinus = null;
            denseAlpha = denseT = null;
            entropy = new PolynomialConjugate(polynomial, lower, upper);
        }
    }

    /**
     * Power series in u of gᵀ Σ g, g = φ(u) − φ(u_max): the variance of S(u) − S(u_max), the
     * entropy after the shift that puts its maximum (at the bin u_max) to 0.
     */
    private static double[] shiftedVariance(PolynomialBasis basis, double[][] cov, double uMax, double[] phiMax) {
        int m = basis.size();
        basis.evaluate(uMax, phiMax, null, null);
        double[] crossWeights = new double[m];
        double constant = 0;
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) crossWeights[i] -= 2 * cov[i][l] * phiMax[l];
            constant -= 0.5 * crossWeights[i] * phiMax[i];
        }
        double[] out = basis.quadraticForm(cov);
        double[] cross = basis.powerSeries(crossWeights);
        for (int i = 0; i < cross.length; i++) out[i] += cross[i];
        out[0] += constant;
        return out;
    }

    /** The estimator of a phase whose cells all carry fitted score models, with the reference's error bars. */
    public static FreeEnergyEstimator of(PhaseSummary phase, Mode mode) {
        return of(phase, mode, ErrorModel.REFERENCE);
    }

    /**
     * The estimator with the chosen error model. The calibrated model refits every score model
     * at the neighbouring orders p ± 1 from the stored histograms (an order that cannot be
     * fitted, below 2 or refused as ill-conditioned, is left out of the spread).
     */
    public static FreeEnergyEstimator of(PhaseSummary phase, Mode mode, ErrorModel errorModel) {
        if (errorModel == ErrorModel.REFERENCE) return new FreeEnergyEstimator(phase, mode, errorModel, new FreeEnergyEstimator[0]);
        List<FreeEnergyEstimator> near = new java.util.ArrayList<>(2);
        ScoreTable stored = phase.cells().get(0).scores();
        if (stored == null) throw new IllegalArgumentException(phase.name() + ": cell 0 has no fitted score models");
        for (int order : new int[] {stored.order() - 1, stored.order() + 1}) {
            if (order < 2 || order > PolynomialBasis.MAX_ORDER) continue;
            try {
                PhaseSummary refit = new ScoreMatcher(PolynomialBasis.of(stored.basis(), order)).fit(phase);
                near.add(new FreeEnergyEstimator(refit, mode, ErrorModel.REFERENCE, new FreeEnergyEstimator[0]));
            } catch (BadInputException e) {
                // this order is too sparse or ill-conditioned for the histograms: no spread from it
            }
        }
        return new FreeEnergyEstimator(phase, mode, errorModel, near.toArray(new FreeEnergyEstimator[0]));
    }

    public Mode mode() {
        return mode;
    }

    public ErrorModel errorModel() {
        return errorModel;
    }

    public String phase() {
        return phase;
    }

    /** d, the number of parameters θ. */
    public int components() {
        return d;
    }

    /** D_0, the static lattice's descriptor (a copy). */
    public double[] latticeDescriptor() {
        return d0.clone();
    }

    /** The sampled α grid (a copy). */
    public double[] alphas() {
        return alphas.clone();
    }

    /** θ·D_0, the static lattice energy per atom, eV. */
    public double latticeEnergy(double[] theta) {
        checkTheta(theta);
        double e = 0;
        for (int i = 0; i < d; i++) e += theta[i] * d0[i];
        return e;
    }

    public Workspace workspace() {
        return new Workspace();
    }

    /** F, error, α*, solved flag and the gradient for θ at T. */
    public FreeEnergy estimate(double[] theta, double temperature) {
        Workspace w = workspace();
        evaluate(theta, temperature, true, w);
        return w.result(true);
    }

    /** The free energy at each temperature (with gradients if asked); θ is rotated once for all of them. */
    public FreeEnergy[] estimate(double[] theta, double[] temperatures, boolean gradient) {
        Workspace w = workspace();
        rotate(theta, w);
        FreeEnergy[] out = new FreeEnergy[temperatures.length];
        for (int i = 0; i < out.length; i++) {
            evaluateRotated(temperatures[i], gradient, true, w);
            out[i] = w.result(gradient);
        }
        return out;
    }

    /**
     * The free energies of many parameter vectors at many temperatures: result[i][j] for θ_i at T_j.
     * The θ are rotated {@link #BLOCK} at a time, so each row of the rotations is read from memory
     * once per block instead of once per θ; the results are those of one-by-one evaluation, bit for bit.
     */
    public FreeEnergy[][] estimate(double[][] thetas, double[] temperatures, boolean gradient) {
        FreeEnergy[][] out = new FreeEnergy[thetas.length][temperatures.length];
        Workspace[] block = new Workspace[Math.min(BLOCK, thetas.length)];
        for (int b = 0; b < block.length; b++) block[b] = workspace();
        for (int first = 0; first < thetas.length; first += BLOCK) {
            int count = Math.min(BLOCK, thetas.length - first);
            rotate(thetas, first, count, block);
            for (int b = 0; b < count; b++) {
                for (int j = 0; j < temperatures.length; j++) {
                    evaluateRotated(temperatures[j], gradient, true, block[b]);
                    out[first + b][j] = block[b].result(gradient);
                }
            }
        }
        return out;
    }

    /** θ per rotation block of the many-θ evaluation: their rotated vectors and a row stay in L1. */
    static final int BLOCK = 4;

    /** Evaluates θ at T into the workspace, error bar included; allocates nothing. */
    public void evaluate(double[] theta, double temperature, boolean gradient, Workspace w) {
        evaluate(theta, temperature, gradient, true, w);
    }

    /**
     * Evaluates θ at T into the workspace; allocates nothing. Without {@code error} the error
     * bar is left NaN and its entropy-band minimisations are skipped (what transitions and
     * fine-tuning need).
     */
    public void evaluate(double[] theta, double temperature, boolean gradient, boolean error, Workspace w) {
        rotate(theta, w);
        evaluateRotated(temperature, gradient, error, w);
    }

    /**
     * Rotates θ into every cell's basis (θ̃ = Rᵀθ) and keeps it in the workspace for
     * {@link #evaluateRotated}: one θ at many temperatures then pays for the rotation once.
     */
    public void rotate(double[] theta, Workspace w) {
        checkTheta(theta);
        double[] rotated = w.rotated;
        java.util.Arrays.fill(rotated, 0);
        for (int i = 0; i < d; i++) {
            double th = theta[i];
            double[] row = rotation[i];
            for (int t = 0; t < rotated.length; t++) rotated[t] += th * row[t];
        }
    }

    /** {@link #rotate} for thetas[first .. first+count) into w[0 .. count), summed in the same order. */
    private void rotate(double[][] thetas, int first, int count, Workspace[] w) {
        for (int b = 0; b < count; b++) {
            checkTheta(thetas[first + b]);
            java.util.Arrays.fill(w[b].rotated, 0);
        }
        for (int i = 0; i < d; i++) {
            double[] row = rotation[i];
            for (int b = 0; b < count; b++) {
                double th = thetas[first + b][i];
                double[] rotated = w[b].rotated;
                for (int t = 0; t < rotated.length; t++) rotated[t] += th * row[t];
            }
        }
    }

    /**
     * Evaluates the θ last {@linkplain #rotate rotated} into the workspace at T, as
     * {@link #evaluate(double[], double, boolean, boolean, Workspace)} does; allocates nothing.
     */
    public void evaluateRotated(double temperature, boolean gradient, boolean error, Workspace w) {
        checkTemperature(temperature);
        w.temperature = temperature;
        w.hasGradient = gradient;
        boolean calibrated = error && errorModel == ErrorModel.CALIBRATED;
        if (mode == Mode.REFERENCE) reference(temperature, gradient, error && !calibrated, calibrated, w);
        else smooth(temperature, gradient, error && !calibrated, w);
        w.statistical = w.systematic = Double.NaN;
        if (calibrated) calibratedError(temperature, w);
    }

    /**
     * The calibrated error bar of the evaluation in {@code w}: statistical σ² = (k_B T)² Σ_a
     * w_a(α*)² Σ_k Var[S_ak(y*_ak) − shift_ak] (cells are independent samples, components treated
     * as independent; the minimisers over y and α move F only to second order), systematic =
     * max |F_q − F_p| over the neighbouring orders q = p ± 1.
     */
    private void calibratedError(double temperature, Workspace w) {
        double kT = Units.KB * temperature;
        fit.weights(w.tStar, w.weights);
        double var = 0;
        for (int a = 0; a < cells; a++) {
            double q = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                q += Math.max(0, PolynomialConjugate.horner(sampling, t * bandStride, bandStride, w.ustar[t]));
            }
            var += w.weights[a] * w.weights[a] * q;
        }
        w.statistical = kT * Math.sqrt(var);
        double spread = 0;
        for (int i = 0; i < neighbours.length; i++) {
            Workspace nw = w.neighbourSpace(i);
            System.arraycopy(w.rotated, 0, nw.rotated, 0, w.rotated.length);
            neighbours[i].evaluateRotated(temperature, false, false, nw);
            spread = Math.max(spread, Math.abs(nw.freeEnergy - w.freeEnergy));
        }
        w.systematic = spread;
        w.error = Math.hypot(w.statistical, w.systematic);
    }

    /** ln-volume term of the isosurface entropy: βF gains −S_0 = (3/2)[ln(3βħ²/m) + ⟨ln ν⟩ − 1 − α]. */
    private double shellConstant(double beta) {
        return 1.5 * (Math.log(3.0 * beta * hbarSqOverMass) + logDet - 1.0);
    }

    private void reference(double temperature, boolean gradient, boolean error, boolean minimisers, Workspace w) {
        double kT = Units.KB * temperature, beta = 1.0 / kT;
        double[] rotated = w.rotated;
        for (int a = 0; a < cells; a++) {
            double g = 0, gp = 0, gm = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) g += bins.min(t, rotated[t] * beta);
            if (minimisers) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    w.ustar[t] = (bins.argmin(t, rotated[t] * beta) - offset[t]) / scale[t];
                }
            }
            if (error) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    double s = rotated[t] * beta;
                    gp += binsPlus.min(t, s);
                    gm += binsMinus.min(t, s);
                }
            }
            w.g[a] = g;
            w.gPlus[a] = gp;
            w.gMinus[a] = gm;
        }
        fit.fit(w.g, w.coef);
        if (error) {
            fit.fit(w.gPlus, w.coefPlus);
            fit.fit(w.gMinus, w.coefMinus);
        }
        double c0 = shellConstant(beta);
        int best = 0;
        double f = Double.POSITIVE_INFINITY, fPlus = Double.POSITIVE_INFINITY, fMinus = Double.POSITIVE_INFINITY;
        for (int l = 0; l < denseT.length; l++) {
            double g0 = c0 - 1.5 * denseAlpha[l];
            double v = kT * (AlphaFit.horner(w.coef, denseT[l]) + g0);
            if (v < f) {
                f = v;
                best = l;
            }
            if (error) {
                fPlus = Math.min(fPlus, kT * (AlphaFit.horner(w.coefPlus, denseT[l]) + g0));
                fMinus = Math.min(fMinus, kT * (AlphaFit.horner(w.coefMinus, denseT[l]) + g0));
            }
        }
        double alphaStar = denseAlpha[best];
        w.tStar = denseT[best];
        w.freeEnergy = f;
        w.error = error ? 0.5 * (Math.abs(fPlus - f) + Math.abs(fMinus - f)) : Double.NaN;
        w.alphaStar = alphaStar;
        w.solved = best > 1 && best < denseT.length - 1;
        if (gradient) {
            int near = 0;
            for (int a = 1; a < cells; a++) if (Math.abs(alphas[a] - alphaStar) < Math.abs(alphas[near] - alphaStar)) near = a;
            int up = Math.min(near + 1, cells - 1);
            double frac = up == near ? 0 : (alphaStar - alphas[near]) / (alphas[up] - alphas[near]);
            for (int i = 0; i < d; i++) w.gradient[i] = means[near][i] + frac * (means[up][i] - means[near][i]);
        }
    }

    private void smooth(double temperature, boolean gradient, boolean error, Workspace w) {
        double kT = Units.KB * temperature, beta = 1.0 / kT;
        double[] rotated = w.rotated, ustar = w.ustar, slopes = w.slopes;
        for (int t = 0; t < slopes.length; t++) slopes[t] = rotated[t] * beta * scale[t];
        entropy.argminAll(slopes, ustar, w.piece);
        for (int a = 0; a < cells; a++) {
            double g = 0, q = 0;
            for (int k = 0, t = a * d; k < d; k++, t++) {
                double u = ustar[t];
                g += rotated[t] * beta * offset[t] + slopes[t] * u - entropy.value(t, u);
            }
            if (error) {
                for (int k = 0, t = a * d; k < d; k++, t++) {
                    q += Math.sqrt(Math.abs(PolynomialConjugate.horner(band, t * bandStride, bandStride, ustar[t])));
                }
            }
            w.g[a] = g;
            w.gPlus[a] = q;
        }
        double[] c = w.coef;
        fit.fit(w.g, c);
        double c0 = shellConstant(beta);
        c[0] += c0 - 1.5 * fit.centre();
        c[1] -= 1.5 * fit.halfWidth();
        double tStar = minimiseOnUnitInterval(c, w.slope);
        w.tStar = tStar;
        w.freeEnergy = kT * AlphaFit.horner(c, tStar);
        if (error) fit.fit(w.gPlus, w.coefPlus);
        w.error = error ? kT * Math.abs(AlphaFit.horner(w.coefPlus, tStar)) : Double.NaN;
        w.alphaStar = fit.alpha(tStar);
        w.solved = tStar > -1 && tStar < 1;
        if (gradient) {
            fit.weights(tStar, w.weights);
            double[] grad = w.gradient, v = w.slopes;
            for (int a = 0; a < cells; a++) {
                double wa = w.weights[a];
                for (int k = 0, t = a * d; k < d; k++, t++) v[t] = wa * (offset[t] + scale[t] * ustar[t]);
            }
            System.arraycopy(d0, 0, grad, 0, d);
            // four columns per sweep: a quarter of the loads and stores of grad
            int t = 0;
            for (; t + 3 < v.length; t += 4) {
                double v0 = v[t], v1 = v[t + 1], v2 = v[t + 2], v3 = v[t + 3];
                double[] r0 = column[t], r1 = column[t + 1], r2 = column[t + 2], r3 = column[t + 3];
                for (int i = 0; i < d; i++) grad[i] += v0 * r0[i] + v1 * r1[i] + v2 * r2[i] + v3 * r3[i];
            }
            for (; t < v.length; t++) {
                double vt = v[t];
                double[] r = column[t];
                for (int i = 0; i < d; i++) grad[i] += vt * r[i];
            }
        }
    }

    /**
     * The minimiser over t ∈ [−1, 1] (the sampled α range) of the polynomial c: the ends and
     * every interior local minimum, located by sign changes of p' on a grid and polished by
     * safeguarded Newton.
     */
    private static double minimiseOnUnitInterval(double[] c, double[] dc) {
        int n = c.length - 1;
        for (int i = 1; i <= n; i++) dc[i - 1] = i * c[i];
        double best = -1, bestValue = AlphaFit.horner(c, -1);
        double right = AlphaFit.horner(c, 1);
        if (right < bestValue) {
            best = 1;
            bestValue = right;
        }
        final int grid = 64;
        double a = -1, fa = hornerN(dc, n, a);
        for (int i = 1; i <= grid; i++) {
            double b = i == grid ? 1 : -1 + 2.0 * i / grid;
            double fb = hornerN(dc, n, b);
            if (fa < 0 && fb >= 0) {
                double t = derivativeRoot(dc, n, a, b, fa, fb);
                double v = AlphaFit.horner(c, t);
                if (v < bestValue) {
                    best = t;
                    bestValue = v;
                }
            }
            a = b;
            fa = fb;
        }
        return best;
    }

    /** Root of p' (increasing through it) in [a, b], fa < 0 ≤ fb. */
    private static double derivativeRoot(double[] dc, int n, double a, double b, double fa, double fb) {
        if (fb == 0) return b;
        double t = a - fa * (b - a) / (fb - fa);
        for (int it = 0; it < 100; it++) {
            double f = hornerN(dc, n, t);
            if (f == 0) return t;
            if (f < 0) a = t;
            else b = t;
            double fp = 0;
            for (int i = n - 1; i >= 1; i--) fp = fp * t + i * dc[i];
            double next = t - f / fp;
            if (!(fp > 0) || !(next > a && next < b)) next = 0.5 * (a + b);
            double step = Math.abs(next - t);
            t = next;
            if (step <= 1e-15 || b - a <= 1e-15) break;
        }
        return t;
    }

    private static double hornerN(double[] c, int n, double t) {
        double v = c[n - 1];
        for (int i = n - 2; i >= 0; i--) v = v * t + c[i];
        return v;
    }

    private static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new BadInputException("temperature: must be finite and above 0 K, got " + temperature);
        }
    }

    private void checkTheta(double[] theta) {
        if (theta.length != d) {
            throw new BadInputException("coefficients: " + phase + " has " + d + " descriptor components, so θ needs "
                    + d + " values (without β0), got " + theta.length);
        }
    }

    /** numpy.linspace: start + i·step, the last point exactly stop. */
    private static double[] linspace(double start, double stop, int n) {
        double[] x = new double[n];
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) x[i] = start + i * step;
        x[n - 1] = stop;
        return x;
    }

    /** Per-thread scratch and the last evaluation's results. */
    public final class Workspace {
        private final double[] rotated = new double[cells * d];
        private final double[] ustar = new double[cells * d], slopes = new double[cells * d];
        private final int[] piece = new int[cells * d];
        private final double[] g = new double[cells], gPlus = new double[cells], gMinus = new double[cells];
        private final double[] weights = new double[cells];
        private final double[] coef = new double[ALPHA_DEGREE + 1], coefPlus = new double[ALPHA_DEGREE + 1],
                coefMinus = new double[ALPHA_DEGREE + 1], slope = new double[ALPHA_DEGREE];
        private final double[] gradient = new double[d];
        private double temperature, freeEnergy, error, alphaStar, tStar, statistical, systematic;
        private boolean solved, hasGradient;
        /** The neighbouring orders' workspaces, made on first use. */
        private final Workspace[] neighbourSpaces = new Workspace[neighbours.length];

        private Workspace() {}

        private Workspace neighbourSpace(int i) {
            if (neighbourSpaces[i] == null) neighbourSpaces[i] = neighbours[i].workspace();
            return neighbourSpaces[i];
        }

        /** The statistical part of the last error bar (calibrated model; NaN otherwise). */
        public double statisticalError() {
            return statistical;
        }

        /** The systematic part of the last error bar (calibrated model; NaN otherwise). */
        public double systematicError() {
            return systematic;
        }

        public double freeEnergy() {
            return freeEnergy;
        }

        public double error() {
            return error;
        }

        public double alphaStar() {
            return alphaStar;
        }

        public boolean solved() {
            return solved;
        }

        /** The last gradient (a live view; valid when the last evaluation asked for it). */
        public double[] gradient() {
            return gradient;
        }

        public FreeEnergy result(boolean withGradient) {
            return new FreeEnergy(temperature, freeEnergy, error, alphaStar, solved,
                    withGradient && hasGradient ? gradient.clone() : null, statistical, systematic);
        }
    }
}
