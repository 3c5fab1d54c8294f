package org.scoredos.harmonic;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.scoredos.io.BadInputException;
import org.scoredos.linalg.Vectors;

/**
 * Eigen-decomposition of a reference Hessian (method.md §2): eigenvalues ω_l (eV/Å²) in
 * increasing order, the zero (rigid-translation) modes |ω| < {@value #ZERO_MODE_THRESHOLD}
 * set aside, and the M stable modes v_l with their mean ω̄ and relative stiffnesses
 * ν_l = ω_l/ω̄. A reference with a clearly negative eigenvalue is not a minimum: it is
 * refused, naming how many such modes it has.
 */
public final class HarmonicModes implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Eigenvalues below this magnitude, eV/Å², are zero modes (method.md §2). */
    public static final double ZERO_MODE_THRESHOLD = 1e-6;

    private final double[] eigenvalues; // all 3N, increasing
    private final int zeroModes;
    private final double[] omega;       // the M stable ones, increasing
    private final double[][] modes;     // M rows of 3N: orthonormal v_l
    private final double omegaBar;
    private final double meanLogNu;

    private HarmonicModes(double[] eigenvalues, int zeroModes, double[] omega, double[][] modes) {
        this.eigenvalues = eigenvalues;
        this.zeroModes = zeroModes;
        this.omega = omega;
        this.modes = modes;
        this.omegaBar = Arrays.stream(omega).sum() / omega.length;
        this.meanLogNu = Arrays.stream(omega).map(w -> Math.log(w / omegaBar)).sum() / omega.length;
    }

    /**
     * Diagonalises {@code hessian}.
     *
     * @throws BadInputException if any eigenvalue is below −{@value #ZERO_MODE_THRESHOLD}
     *                           eV/Å² (an unstable reference), or no mode is stable
     */
    public static HarmonicModes of(Hessian hessian) {
        int n = hessian.dimension();
        RealMatrix m = new Array2DRowRealMatrix(hessian.toArray(), false);
        EigenDecomposition eig = new EigenDecomposition(m);
        double[] raw = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
        double[] values = new double[n];
        for (int l = 0; l < n; l++) values[l] = raw[order[l]];
        int zero = zeroModes(values);
        double[][] modes = new double[n - zero][];
        for (int l = 0; l < modes.length; l++) modes[l] = eig.getEigenvector(order[zero + l]).toArray();
        return new HarmonicModes(values, zero, Arrays.copyOfRange(values, zero, n), modes);
    }

    /**
     * Modes read back bit for bit (a {@link HessianCache} entry): all 3N eigenvalues, increasing,
     * and the stable modes' vectors; checked as {@link #of} checks a decomposition.
     */
    static HarmonicModes stored(double[] values, double[][] modes) {
        int n = values.length, zero = zeroModes(values);
        if (modes.length != n - zero) throw new IllegalArgumentException(modes.length + " mode vectors for " + (n - zero) + " stable modes");
        for (double[] v : modes) if (v.length != n) throw new IllegalArgumentException("a mode vector of " + v.length + " entries, 3N = " + n);
        return new HarmonicModes(values, zero, Arrays.copyOfRange(values, zero, n), modes);
    }

    /** The zero modes among increasing eigenvalues; refuses an unstable reference or one without stable modes. */
    private static int zeroModes(double[] values) {
        int unstable = 0, zero = 0;
        for (double w : values) {
            if (w <= -ZERO_MODE_THRESHOLD) unstable++;
            else if (w < ZERO_MODE_THRESHOLD) zero++;
        }
        if (unstable > 0) {
            throw new BadInputException(String.format(
                    "unstable reference: %d Hessian eigenvalue%s below -%.0e eV/Å² besides %d zero mode%s (lowest %.6g eV/Å²);"
                            + " relax the structure or choose another strain",
                    unstable, unstable == 1 ? "" : "s", ZERO_MODE_THRESHOLD, zero, zero == 1 ? "" : "s", values[0]));
        }
        if (zero == values.length) throw new BadInputException("the reference Hessian has no stable mode: every eigenvalue is zero");
        return zero;
    }

    /** All 3N eigenvalues, increasing, eV/Å² (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public int zeroModes() {
        return zeroModes;
    }

    /** M, the number of stable modes. */
    public int stableModes() {
        return omega.length;
    }

    /** 3N, the length of each mode vector. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** ω_l of stable mode l, eV/Å². */
    public double omega(int l) {
        return omega[l];
    }

    /** The stable eigenvalues, increasing, eV/Å² (a copy). */
    public double[] omegas() {
        return omega.clone();
    }

    /** ν_l = ω_l/ω̄. */
    public double nu(int l) {
        return omega[l] / omegaBar;
    }

    /** ω̄, the mean stable eigenvalue, eV/Å². */
    public double omegaBar() {
        return omegaBar;
    }

    /** ⟨ln ν⟩ over the stable modes (≤ 0 by Jensen). */
    public double meanLogNu() {
        return meanLogNu;
    }

    /** u += a v_l: adds amplitude {@code a} (Å) of stable mode l to a displacement. */
    public void addMode(int l, double a, double[] u) {
        double[] v = modes[l];
        for (int k = 0; k < v.length; k++) u[k] += a * v[k];
    }

    /** The stable modes' unit vectors, M rows of 3N (not copied: for writing a cache entry). */
    double[][] vectors() {
        return modes;
    }

    /** Unit eigenvector of stable mode l, flat 3N (a copy). */
    public double[] mode(int l) {
        return modes[l].clone();
    }

    /** Projection v_l·u of a displacement u (flat 3N) on stable mode l, Å. */
    public double project(int l, double[] u) {
        return Vectors.dot(modes[l], u);
    }

    /** Σ_l ν_l (v_l·u)² over the stable modes, Å²: N e^α for a displacement u on the α shell. */
    public double weightedSquare(double[] u) {
        double s = 0;
        for (int l = 0; l < omega.length; l++) {
            double a = project(l, u);
            s += omega[l] * a * a;
        }
        return s / omegaBar;
    }
}
