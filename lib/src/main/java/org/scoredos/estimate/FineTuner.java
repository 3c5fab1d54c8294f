package org.scoredos.estimate;

import org.scoredos.io.BadInputException;

/**
 * Back-propagation of a target transition temperature into the potential (method.md §4):
 * projected gradient descent on ½ΔF(T*)² + ½r|θ − θ_0|², with ∂ΔF/∂θ = D*_A − D*_B from the
 * estimators' gradients, and every step projected orthogonal to ΔD_0 = D_0^A − D_0^B so that
 * the 0 K energy difference θ·ΔD_0 stays fixed:
 * h = ΔF(T*) (D*_A − D*_B) + r(θ − θ_0),  θ ← θ − δ (I − ΔD_0ΔD_0ᵀ/|ΔD_0|²) h.
 * With reference-mode estimators this is the reference's fine-tuning, step for step.
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
     * θ and T_c before the first step and after each step (steps + 1 entries).
     *
     * @param tc            T_c per step, NaN where there is no transition on the grid
     * @param deltaFAtTarget ΔF(T*) per step, eV/atom
     */
    public record Trajectory(double[][] theta, double[] tc, double[] deltaFAtTarget) {
        public double[] finalTheta() {
            return theta[theta.length - 1].clone();
        }
    }

    /** Called after each evaluated step (for progress reports). */
    public interface Listener {
        void step(int step, double tc, double deltaF);
    }

    private final PhaseTransition transition;
    private final double[] temperatures;

    /** {@code temperatures}: the grid on which T_c is located at every step. */
    public FineTuner(PhaseTransition transition, double[] temperatures) {
        this.transition = transition;
        this.temperatures = temperatures.clone();
    }

    public Trajectory run(double[] theta0, Settings settings, Listener listener) {
        FreeEnergyEstimator a = transition.first(), b = transition.second();
        int d = a.components();
        a.latticeEnergy(theta0);
        double[] dD0 = a.latticeDescriptor(), d0b = b.latticeDescriptor();
        double norm2 = 0;
        for (int i = 0; i < d; i++) {
            dD0[i] -= d0b[i];
            norm2 += dD0[i] * dD0[i];
        }
        FreeEnergyEstimator.Workspace wa = a.workspace(), wb = b.workspace();
        double[][] thetas = new double[settings.steps() + 1][];
        double[] tc = new double[settings.steps() + 1], deltaF = new double[settings.steps() + 1];
        double[] theta = theta0.clone(), h = new double[d];
        for (int s = 0; ; s++) {
            thetas[s] = theta.clone();
            tc[s] = transition.table(theta, temperatures).tc();
            a.evaluate(theta, settings.targetTc(), true, false, wa);
            b.evaluate(theta, settings.targetTc(), true, false, wb);
            double e0 = 0;
            for (int i = 0; i < d; i++) e0 += theta[i] * dD0[i];
            double f = wa.freeEnergy() - wb.freeEnergy() + e0;
            deltaF[s] = f;
            if (listener != null) listener.step(s, tc[s], f);
            if (s == settings.steps()) break;
            double[] ga = wa.gradient(), gb = wb.gradient();
            double along = 0;
            for (int i = 0; i < d; i++) {
                h[i] = f * (ga[i] - gb[i]) + settings.ridge() * (theta[i] - theta0[i]);
                along += h[i] * dD0[i];
            }
            double p = norm2 > 0 ? along / norm2 : 0;
            for (int i = 0; i < d; i++) theta[i] -= settings.rate() * (h[i] - p * dD0[i]);
        }
        return new Trajectory(thetas, tc, deltaF);
    }
}
