package org.scoredos.harmonic;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;

/**
 * The constants of a {@link SparseHessian} the isosurface model needs (method.md §2), without
 * diagonalising: ω̄ = tr(H)/M exactly, with M = 3N − 3 stable modes (the sparse path takes the
 * reference to be a stable crystal: its only zero modes the three translations, which the
 * Lanczos bounds check), and ⟨ln ν⟩ = (1/M) tr ln(H) − ln ω̄ over the stable subspace by
 * Lanczos (Gauss) quadrature.
 *
 * <p>The trace of ln H is exact, to the quadrature's convergence, when the atoms fall into
 * few translation classes (perfect lattices: f(H) has equal diagonal blocks on translated
 * atoms, so the 3 unit vectors of one atom per class suffice). Otherwise it is a Hutchinson
 * estimate with {@value #PROBES} Rademacher probes, whose standard error is reported. The
 * spectral interval [λ_min, λ_max] for {@link InverseSquareRoot} comes from a Lanczos run on
 * a random vector, widened by {@value #LOW_MARGIN} below and {@value #HIGH_MARGIN} above
 * (Ritz values lie inside the spectrum).
 */
public final class SparseSpectrum implements Serializable {
    private static final long serialVersionUID = 1L;
    /** At most this many translation classes are summed exactly. */
    static final int EXACT_CLASSES = 64;
    static final int PROBES = 32;
    static final double LOW_MARGIN = 0.9;
    static final double HIGH_MARGIN = 1.02;
    private static final int MAX_STEPS = 600;
    private static final double QUADRATURE_TOLERANCE = 1e-10;

    private final double omegaBar;
    private final double meanLogNu;
    private final double meanLogNuError;
    private final double lowest;
    private final double highest;
    private final int stableModes;
    private final boolean exact;

    private SparseSpectrum(double omegaBar, double meanLogNu, double meanLogNuError, double lowest, double highest,
                           int stableModes, boolean exact) {
        this.omegaBar = omegaBar;
        this.meanLogNu = meanLogNu;
        this.meanLogNuError = meanLogNuError;
        this.lowest = lowest;
        this.highest = highest;
        this.stableModes = stableModes;
        this.exact = exact;
    }

    /** A spectrum read back from stored constants. */
    public static SparseSpectrum stored(double omegaBar, double meanLogNu, double meanLogNuError, double lowest, double highest,
                                        int stableModes, boolean exact) {
        return new SparseSpectrum(omegaBar, meanLogNu, meanLogNuError, lowest, highest, stableModes, exact);
    }

    /**
     * The constants of {@code h}.
     *
     * @throws BadInputException if a Ritz value falls below the zero-mode threshold: the
     *                           reference is unstable or has zero modes beyond the translations
     */
    public static SparseSpectrum of(SparseHessian h) {
        int n = h.dimension();
        int m = n - 3;
        if (m <= 0) throw new BadInputException("a sparse Hessian reference needs at least 2 atoms");
        double omegaBar = h.trace() / m;
        double[] bounds = bounds(h);
        if (bounds[0] < HarmonicModes.ZERO_MODE_THRESHOLD) {
            throw new BadInputException(String.format("unstable reference: the sparse Hessian has an eigenvalue near %.6g eV/Å²"
                    + " besides the 3 translations (the sparse path needs a stable crystal); relax the structure, choose"
                    + " another strain, or use the dense Hessian", bounds[0]));
        }
        Map<Integer, int[]> classes = new LinkedHashMap<>(); // pool run → {first atom, atoms}
        int[] blockStart = h.blockStarts();
        for (int i = 0; i < h.atoms(); i++) {
            int[] c = classes.computeIfAbsent(blockStart[i], k -> new int[] {-1, 0});
            if (c[0] < 0) c[0] = i;
            c[1]++;
            if (classes.size() > EXACT_CLASSES) break;
        }
        double traceLog, traceLogError;
        boolean exact = classes.size() <= EXACT_CLASSES;
        if (exact) {
            traceLog = 0;
            traceLogError = 0;
            for (int[] c : classes.values()) {
                for (int a = 0; a < 3; a++) {
                    double[] e = new double[n];
                    e[3 * c[0] + a] = 1;
                    double[] q = quadrature(h, e);
                    double weight = c[1] * (1 - 1.0 / h.atoms()); // |P e|²
                    traceLog += weight * q[0];
                    traceLogError += weight * q[1];
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(0x5EED);
            double sum = 0, sum2 = 0;
            for (int p = 0; p < PROBES; p++) {
                double[] z = new double[n];
                for (int k = 0; k < n; k++) z[k] = random.nextBoolean() ? 1 : -1;
                SparseHessian.removeTranslation(z);
                double v = Vectors.dot(z, z) * quadrature(h, z)[0];
                sum += v;
                sum2 += v * v;
            }
            traceLog = sum / PROBES;
            traceLogError = Math.sqrt(Math.max(0, sum2 / PROBES - traceLog * traceLog) / (PROBES - 1));
        }
        return new SparseSpectrum(omegaBar, traceLog / m - Math.log(omegaBar), traceLogError / m, bounds[0], bounds[1], m, exact);
    }

    /** {vᵀ ln(H) v, its last change} for unit v (normalised here), converged to the quadrature tolerance. */
    private static double[] quadrature(SparseHessian h, double[] v) {
        double[] last = {Double.NaN, Double.POSITIVE_INFINITY};
        Lanczos.run(h, v, MAX_STEPS, sofar -> {
            double q = sofar.logQuadrature();
            last[1] = Math.abs(q - last[0]);
            last[0] = q;
            return last[1] < QUADRATURE_TOLERANCE;
        });
        return last;
    }

    /** The extreme Ritz values of a run from a random vector, once both settle to 1e-6. */
    private static double[] bounds(SparseHessian h) {
        double[] v = new double[h.dimension()];
        SplittableRandom random = new SplittableRandom(0xB0B);
        for (int k = 0; k < v.length; k++) v[k] = random.nextDouble() - 0.5;
        double[] last = {Double.NaN, Double.NaN};
        Lanczos run = Lanczos.run(h, v, MAX_STEPS, sofar -> {
            double[] r = sofar.ritzValues();
            boolean settled = Math.abs(r[0] - last[0]) < 1e-6 * r[0] && Math.abs(r[r.length - 1] - last[1]) < 1e-6 * r[r.length - 1];
            last[0] = r[0];
            last[1] = r[r.length - 1];
            return settled;
        });
        double[] r = run.ritzValues();
        return new double[] {r[0], r[r.length - 1]};
    }

    /** ω̄ = tr(H)/M, eV/Å² (exact). */
    public double omegaBar() {
        return omegaBar;
    }

    /** ⟨ln ν⟩ over the M stable modes. */
    public double meanLogNu() {
        return meanLogNu;
    }

    /** The standard error of {@link #meanLogNu()} (Hutchinson), or the quadrature's last change when exact. */
    public double meanLogNuError() {
        return meanLogNuError;
    }

    /** Whether ⟨ln ν⟩ was summed exactly over translation classes rather than estimated by random probes. */
    public boolean exact() {
        return exact;
    }

    /** The lowest Ritz value found, eV/Å² (≥ the lowest stable eigenvalue). */
    public double lowest() {
        return lowest;
    }

    /** The highest Ritz value found, eV/Å² (≤ the highest eigenvalue). */
    public double highest() {
        return highest;
    }

    public int stableModes() {
        return stableModes;
    }

    /** Σ_l ln ω_l over the stable modes, = M (⟨ln ν⟩ + ln ω̄). */
    public double sumLogOmega() {
        return stableModes * (meanLogNu + Math.log(omegaBar));
    }

    /** The H^{-1/2} polynomial for this spectrum, relative error ≤ tolerance over the widened interval. */
    public InverseSquareRoot inverseSquareRoot(double tolerance) {
        return InverseSquareRoot.fit(LOW_MARGIN * lowest, HIGH_MARGIN * highest, tolerance);
    }
}
