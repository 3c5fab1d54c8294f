package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;

/**
 * Back-propagation of a target transition temperature into the potential (method.md §4):
 * projected gradient descent on ½ΔF(T*)² + ½r|θ − θ_0|², with ∂ΔF/∂θ = D*_A − D*_B from the
 * estimators' gradients, and every step projected orthogonal to ΔD_0 = D_0^A − D_0^B so that
 * the 0 K energy difference θ·ΔD_0 stays fixed:
 * h = ΔF(T*) (D*_A − D*_B) + r(θ − θ_0),  θ ← θ − δ (I − ΔD_0ΔD_0ᵀ/|ΔD_0|²) h.
 * With reference-mode estimators this is the reference's fine-tuning, step for step. Every step
 * records its T_c with error bar and extrapolated flag, and ΔF(T*) with its error bar.
 */
public final class FineTuner {
    /** The descent settings: target T*, number of steps, step size δ and ridge r. */
    public record Settings(double targetTc, int steps, double rate, double ridge) {
        public Settings {
            if (!(targetTc > 0) || !Double.isFinite(targetTc)) throw new BadInputException("target-tc: must be above 0 K, got " + targetTc);
            if (steps < 0) throw new BadInputException("steps: must not be negative, got " + steps);
            if (!(rate > 0) || !Double.isFinite(rate)) throw new BadInputException("rate: must be positive, got " + rate);
            if (!(ridge >= 0) || !Double.isFinite(ridge)) throw new BadInputException("ridge: must not be negative, got " + ridge);
        }

        /** The reference's example: T* given, 20 steps of 2.5e-5, ridge 5. */
        public static Settings reference(double targetTc) {
            return new Settings(targetTc, 20, 2.5e-5, 5.0);
        }
    }

    /**
     * One evaluated point of the descent: θ, its ΔF(T) on the grid with T_c, and ΔF at the target.
     *
     * @param table    ΔF(T) with both phases' estimates and T_c (error bar, extrapolated flag)
     * @param atTarget ΔF(T*) with its error bar and both phases' estimates (and their gradients)
     */
    public record Step(double[] theta, PhaseTransition.Table table, PhaseTransition.Difference atTarget) {
        /** T_c, null where ΔF keeps one sign on the grid. */
        public PhaseTransition.Crossing tc() {
            return table.tc();
        }

        /** T_c in K, NaN when there is none on the grid. */
        public double tcValue() {
            return table.hasTransition() ? table.tc().temperature() : Double.NaN;
        }

        /** A T_c between grid temperatures where both phases are solved. */
        public boolean solved() {
            return table.hasTransition() && !table.tc().extrapolated();
        }
    }

    /** The steps before the first update and after each update (steps + 1 entries), towards {@code target}. */
    public record Trajectory(double target, List<Step> steps) {
        public Step last() {
            return steps.get(steps.size() - 1);
        }

        public double[] finalTheta() {
            return last().theta().clone();
        }

        /** T_c per step, NaN where there is none on the grid. */
        public double[] tc() {
            return steps.stream().mapToDouble(Step::tcValue).toArray();
        }

        /** ΔF(T*) per step, eV/atom. */
        public double[] deltaFAtTarget() {
            return steps.stream().mapToDouble(s -> s.atTarget().deltaF()).toArray();
        }

        /** The last T_c lies within {@code tolerance} K of the target. */
        public boolean converged(double tolerance) {
            return Math.abs(last().tcValue() - target) <= tolerance;
        }
    }

    /** Called after each evaluated step (for progress reports). */
    public interface Listener {
        void step(int step, Step evaluated);
    }

    private final PhaseTransition transition;
    private final double[] temperatures;

    /** {@code temperatures}: the grid on which T_c is located at every step. */
    public FineTuner(PhaseTransition transition, double[] temperatures) {
        this.transition = transition;
        this.temperatures = temperatures.clone();
    }

    public Trajectory run(double[] theta0, Settings settings, Listener listener) {
        PhaseFreeEnergy a = transition.first(), b = transition.second();
        int d = a.components();
        a.latticeEnergy(theta0);
        double[] dD0 = a.latticeDescriptor(), d0b = b.latticeDescriptor();
        double norm2 = 0;
        for (int i = 0; i < d; i++) {
            dD0[i] -= d0b[i];
            norm2 += dD0[i] * dD0[i];
        }
        List<Step> steps = new ArrayList<>(settings.steps() + 1);
        double[] theta = theta0.clone(), h = new double[d];
        for (int s = 0; ; s++) {
            PhaseTransition.Difference atTarget = transition.at(theta, settings.targetTc(), true);
            Step step = new Step(theta.clone(), transition.table(theta, temperatures), atTarget);
            steps.add(step);
            if (listener != null) listener.step(s, step);
            if (s == settings.steps()) break;
            double f = atTarget.deltaF();
            double[] ga = atTarget.first().gradient(), gb = atTarget.second().gradient();
            double along = 0;
            for (int i = 0; i < d; i++) {
                h[i] = f * (ga[i] - gb[i]) + settings.ridge() * (theta[i] - theta0[i]);
                along += h[i] * dD0[i];
            }
            double p = norm2 > 0 ? along / norm2 : 0;
            for (int i = 0; i < d; i++) theta[i] -= settings.rate() * (h[i] - p * dD0[i]);
            checkBounded(theta, s + 1, settings.rate());
        }
        return new Trajectory(settings.targetTc(), List.copyOf(steps));
    }

    /**
     * A step that takes θ beyond what a coefficient file may hold (|θ_i| ≤ 1e100, as the readers
     * require) would give Infinity or NaN free energies and coefficients no reader accepts.
     */
    private static void checkBounded(double[] theta, int step, double rate) {
        for (int i = 0; i < theta.length; i++) {
            if (!(Math.abs(theta[i]) <= MAX_COEFFICIENT)) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "rate: step %d takes θ_%d to %s (at most %.0e in magnitude); choose a smaller rate than %s",
                        step, i, theta[i], MAX_COEFFICIENT, rate));
            }
        }
    }

    /** The largest coefficient magnitude the coefficient readers accept. */
    static final double MAX_COEFFICIENT = 1e100;
}
