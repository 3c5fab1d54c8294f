package org.scoredos.estimate;

import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

/**
 * The θ-independent geometry of a phase's isosurface cells, shared by both isosurface
 * estimators: the α grid, each cell's rotation into its principal axes (laid out for vector
 * loops), its mean descriptor, and per (cell, component) table t = a·d + k the rotated origin
 * of the score coordinate, y = (rotated descriptor − rotated D_0), and its standardisation
 * u = (y − offset)/scale.
 *
 * <p>A store whose model has fixed terms (ZBL) holds their energies per atom as its last
 * components: θ of the {@link #parameters} fitted coefficients is extended with 1 for each, so
 * F is the published model's, and the gradient keeps the fitted components only.
 */
final class IsosurfaceCells {
    final String phase;
    /** d: the stored components (fixed terms included); θ has {@link #parameters} of them. */
    final int cells, d, parameters;
    final double[] alphas, d0;
    final double[][] means;
    /** rotation[i][a·d + k] = R_a[i][k]: θ̃ = Rᵀθ as d long vector loops. */
    final double[][] rotation;
    /** column[a·d + k] = R_a[:, k], for the gradient. */
    final double[][] column;
    /** Per table: R_aᵀ⟨D⟩_a and R_aᵀD_0, the rotated cell mean and lattice descriptor. */
    final double[] rotatedMean, rotatedD0;
    /** Per table: y of u = 0 relative to y0 (centre − y0) and the scale dy/du. */
    final double[] offset, scale;
    final double logDet, hbarSqOverMass;

    IsosurfaceCells(PhaseSummary phaseSummary, int alphaDegree) {
        this.phase = phaseSummary.name();
        List<CellSummary> list = phaseSummary.cells();
        ReferenceConstants ref = phaseSummary.reference();
        cells = list.size();
        d = ref.components();
        parameters = phaseSummary.parameters();
        if (cells <= alphaDegree) {
            throw new BadInputException(phase + ": " + cells + " isosurface cells; the α fit of degree "
                    + alphaDegree + " needs at least " + (alphaDegree + 1));
        }
        d0 = ref.d0().clone();
        logDet = ref.meanLogNu();
        hbarSqOverMass = Units.HBAR * Units.HBAR / ref.mass() * Units.EV_PER_AMU_A2_IN_PS2;
        alphas = new double[cells];
        means = new double[cells][];
        rotation = new double[d][cells * d];
        column = new double[cells * d][d];
        int tables = cells * d;
        rotatedMean = new double[tables];
        rotatedD0 = new double[tables];
        offset = new double[tables];
        scale = new double[tables];
        for (int a = 0; a < cells; a++) {
            CellSummary cell = list.get(a);
            if (cell.components() != d) {
                throw new BadInputException(phase + ": cell " + a + " has " + cell.components() + " components, expected " + d);
            }
            if (a > 0 && !(cell.alpha() > alphas[a - 1])) {
                throw new BadInputException(phase + ": cell " + a + ": isosurface α values must increase");
            }
            if (cell.scores() == null) {
                throw new IllegalArgumentException(phase + ": cell " + a + " has no fitted score models");
            }
            alphas[a] = cell.alpha();
            means[a] = cell.mean().clone();
            double[][] r = cell.rotation();
            for (int k = 0; k < d; k++) {
                int t = a * d + k;
                double rMean = 0, rD0 = 0;
                for (int i = 0; i < d; i++) {
                    rotation[i][t] = r[i][k];
                    column[t][i] = r[i][k];
                    rMean += cell.mean()[i] * r[i][k];
                    rD0 += d0[i] * r[i][k];
                }
                rotatedMean[t] = rMean;
                rotatedD0[t] = rD0;
                double y0 = rD0 - rMean;
                offset[t] = cell.scores().centre()[k] - y0;
                scale[t] = cell.scores().scale()[k];
            }
        }
    }

    int tables() {
        return cells * d;
    }

    /**
     * Rotates θ into every cell's basis (θ̃ = Rᵀθ), into {@code rotated}.
     */
    void rotate(double[] theta, double[] rotated) {
        checkTheta(theta);
        java.util.Arrays.fill(rotated, 0);
        for (int i = 0; i < d; i++) {
            double th = coefficient(theta, i);
            double[] row = rotation[i];
            for (int t = 0; t < rotated.length; t++) rotated[t] += th * row[t];
        }
    }

    /** {@link #rotate} for thetas[first .. first+count) into out[at .. at+count), summed in the same order. */
    void rotate(double[][] thetas, int first, int count, double[][] out, int at) {
        for (int b = 0; b < count; b++) {
            checkTheta(thetas[first + b]);
            java.util.Arrays.fill(out[at + b], 0);
        }
        for (int i = 0; i < d; i++) {
            double[] row = rotation[i];
            for (int b = 0; b < count; b++) {
                double th = coefficient(thetas[first + b], i);
                double[] rotated = out[at + b];
                for (int t = 0; t < rotated.length; t++) rotated[t] += th * row[t];
            }
        }
    }

    /** ln-volume term of the isosurface entropy: βF gains −S_0 = (3/2)[ln(3βħ²/m) + ⟨ln ν⟩ − 1 − α]. */
    double shellConstant(double beta) {
        return 1.5 * (Math.log(3.0 * beta * hbarSqOverMass) + logDet - 1.0);
    }

    /** Coefficient i of θ extended with 1 for each fixed term. */
    double coefficient(double[] theta, int i) {
        return i < parameters ? theta[i] : 1.0;
    }

    /** θ·D_0 of θ extended with 1 for each fixed term, eV/atom. */
    double latticeEnergy(double[] theta) {
        checkTheta(theta);
        double e = 0;
        for (int i = 0; i < d; i++) e += coefficient(theta, i) * d0[i];
        return e;
    }

    void checkTheta(double[] theta) {
        if (theta.length != parameters) {
            throw new BadInputException("coefficients: " + phase + " has " + parameters + " descriptor components, so θ needs "
                    + parameters + " values (without β0), got " + theta.length);
        }
    }
}
