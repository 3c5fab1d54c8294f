package org.scoredos.ensemble;

import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.io.BadInputException;

/**
 * Evaluates the members of an ensemble on a temperature grid, for one phase (F(T)) or two (also
 * ΔF(T) and T_c by {@link PhaseTransition}'s rules), a block of members at a time through the
 * estimators' many-θ path. Thread-safe: the estimators are, and nothing else is shared.
 */
public final class EnsembleEvaluator {
    /**
     * Members per call of the many-θ estimate: enough for it to amortise the rotations and the smooth
     * estimator's interpolants, little memory. Blocks start at multiples of it in the member index,
     * so a member's block, and with it its results, do not depend on the range a caller asks for.
     */
    public static final int BLOCK = org.scoredos.estimate.IsosurfaceEstimator.MEMBERS;

    private final PhaseFreeEnergy[] phases;
    private final double[] temperatures;

    /** One or two phases' estimators, which must take the same θ. */
    public EnsembleEvaluator(double[] temperatures, PhaseFreeEnergy... phases) {
        if (phases.length != 1 && phases.length != 2) throw new IllegalArgumentException("one or two phases, got " + phases.length);
        if (phases.length == 2) new PhaseTransition(phases[0], phases[1]); // refuses phases of different descriptors
        if (temperatures.length == 0) throw new BadInputException("--temperatures: at least one temperature");
        this.phases = phases.clone();
        this.temperatures = temperatures.clone();
    }

    public double[] temperatures() {
        return temperatures.clone();
    }

    /** d, the length of θ the phases take. */
    public int components() {
        return phases[0].components();
    }

    /** Members [from, to) of {@code source}; {@code done} is told after every block (progress). */
    public MemberResult[] evaluate(ThetaSource source, int from, int to, java.util.function.IntConsumer done) {
        if (source.components() != components()) {
            throw new BadInputException("θ has " + source.components() + " components, the phases " + components());
        }
        MemberResult[] out = new MemberResult[to - from];
        for (int first = from, last; first < to; first = last) {
            last = Math.min(to, (first / BLOCK + 1) * BLOCK);
            double[][] thetas = source.rows(first, last);
            FreeEnergy[][][] f = new FreeEnergy[phases.length][][];
            for (int p = 0; p < phases.length; p++) f[p] = phases[p].estimateMembers(thetas, temperatures);
            for (int b = 0; b < thetas.length; b++) out[first - from + b] = result(first + b, thetas[b], f, b);
            if (done != null) done.accept(thetas.length);
        }
        return out;
    }

    private MemberResult result(int member, double[] theta, FreeEnergy[][][] f, int b) {
        int np = phases.length, nt = temperatures.length;
        double[] lattice = new double[np];
        double[][] fe = new double[np][nt], err = new double[np][nt], alpha = new double[np][nt];
        boolean[][] solved = new boolean[np][nt];
        for (int p = 0; p < np; p++) {
            lattice[p] = phases[p].latticeEnergy(theta);
            for (int i = 0; i < nt; i++) {
                FreeEnergy e = f[p][b][i];
                fe[p][i] = e.freeEnergy();
                err[p][i] = e.error();
                alpha[p][i] = e.alphaStar();
                solved[p][i] = e.solved();
            }
        }
        if (np == 1) return new MemberResult(member, lattice, fe, err, alpha, solved, null, null, Double.NaN, Double.NaN, false);
        PhaseTransition.Table table = PhaseTransition.table(f[0][b], f[1][b], lattice[0] - lattice[1]);
        PhaseTransition.Crossing tc = table.tc();
        return new MemberResult(member, lattice, fe, err, alpha, solved, table.deltaF(), table.error(),
                tc == null ? Double.NaN : tc.temperature(), tc == null ? Double.NaN : tc.error(), tc != null && tc.extrapolated());
    }
}
