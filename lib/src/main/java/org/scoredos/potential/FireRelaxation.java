package org.scoredos.potential;

import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;

/**
 * Relaxes the atoms of a structure to a local minimum of a potential, positions only (the cell is
 * fixed), by FIRE: damped dynamics that mixes the velocity towards the force while the power
 * F·v stays positive and stops dead when it turns negative (Bitzek et al., PRL 97, 170201, 2006;
 * the semi-implicit Euler form of Guénolé et al., Comput. Mater. Sci. 175, 109584, 2020). Every
 * atom gets unit mass: the path to the minimum does not matter, only where it ends. A defect
 * cell needs this before its Hessian is taken: the isosurfaces of method.md §2 are built around
 * a minimum, and a structure with residual forces is not one.
 */
public final class FireRelaxation {
    // the published defaults, with time in units where the mass is 1 (Å·(amu/eV)^½ for metals)
    private static final double DT_START = 0.05, DT_MAX = 0.2, DT_MIN = 1e-3;
    private static final double GROW = 1.1, SHRINK = 0.5, ALPHA_START = 0.1, ALPHA_SHRINK = 0.99;
    private static final int DELAY = 5;
    /** No atom moves further than this in one step, Å: a far-from-minimum start cannot fling atoms into each other. */
    private static final double MAX_MOVE = 0.1;

    /**
     * When to stop.
     *
     * @param forceTolerance converged when the largest force on any atom, |F_i|, is below this, eV/Å
     * @param maxSteps       force evaluations allowed after the first
     */
    public record Settings(double forceTolerance, int maxSteps) {
        public static final double DEFAULT_FORCE_TOLERANCE = 1e-4;
        public static final int DEFAULT_MAX_STEPS = 2000;

        public Settings {
            if (!(forceTolerance > 0 && Double.isFinite(forceTolerance))) {
                throw new BadInputException("force tolerance must be positive (eV/Å), got " + forceTolerance);
            }
            if (maxSteps < 1) throw new BadInputException("max steps must be at least 1, got " + maxSteps);
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_FORCE_TOLERANCE, DEFAULT_MAX_STEPS);
        }
    }

    /**
     * Where the relaxation ended.
     *
     * @param structure     the relaxed structure (same cell, types and masses)
     * @param initialEnergy energy of the input, eV
     * @param energy        energy of the result, eV
     * @param maxForce      the largest |F_i| of the result, eV/Å
     * @param steps         steps taken (force evaluations after the first)
     * @param converged     maxForce below the tolerance
     */
    public record Result(Structure structure, double initialEnergy, double energy, double maxForce, int steps, boolean converged) {
        /** The result, or bad input naming {@code what} when the force tolerance was not reached. */
        public Result requireConverged(String what, Settings settings) {
            if (converged) return this;
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "%s: relaxation did not converge in %d steps: largest force %.3g eV/Å, tolerance %.3g eV/Å "
                            + "(raise the step limit or the tolerance, or start closer to a minimum)",
                    what, steps, maxForce, settings.forceTolerance()));
        }
    }

    /** Told after every step: the step number, the energy (eV) and the largest force (eV/Å). */
    @FunctionalInterface
    public interface Listener {
        void step(int step, double energy, double maxForce);
    }

    private FireRelaxation() {}

    public static Result relax(Potential potential, Structure start, Settings settings, Listener listener) {
        int n3 = 3 * start.size();
        double[] x = start.positions(), v = new double[n3], f = new double[n3];
        double energy = potential.energyAndForces(start, f);
        double initial = energy, fmax = maxForce(f);
        double dt = DT_START, alpha = ALPHA_START;
        int positive = 0, step = 0;
        Structure current = start;
        while (fmax >= settings.forceTolerance() && step < settings.maxSteps()) {
            double power = 0;
            for (int k = 0; k < n3; k++) power += f[k] * v[k];
            if (power > 0) {
                if (++positive > DELAY) {
                    dt = Math.min(dt * GROW, DT_MAX);
                    alpha *= ALPHA_SHRINK;
                }
            } else {
                // uphill: step back half a step and stop, then restart cautiously
                positive = 0;
                dt = Math.max(dt * SHRINK, DT_MIN);
                alpha = ALPHA_START;
                for (int k = 0; k < n3; k++) {
                    x[k] -= 0.5 * dt * v[k];
                    v[k] = 0;
                }
            }
            for (int k = 0; k < n3; k++) v[k] += dt * f[k];
            mix(v, f, alpha);
            double scale = moveScale(v, dt);
            for (int k = 0; k < n3; k++) x[k] += scale * dt * v[k];
            current = start.withPositions(x);
            energy = potential.energyAndForces(current, f);
            fmax = maxForce(f);
            step++;
            if (listener != null) listener.step(step, energy, fmax);
        }
        return new Result(current, initial, energy, fmax, step, fmax < settings.forceTolerance());
    }

    /** The largest per-atom force norm of a flat force array, eV/Å. */
    public static double maxForce(double[] forces) {
        double max = 0;
        for (int i = 0; i < forces.length; i += 3) {
            max = Math.max(max, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        }
        return max;
    }

    /** v ← (1 − α) v + α |v| F/|F|: turns the velocity towards the force without changing its speed much. */
    private static void mix(double[] v, double[] f, double alpha) {
        double vv = 0, ff = 0;
        for (int k = 0; k < v.length; k++) {
            vv += v[k] * v[k];
            ff += f[k] * f[k];
        }
        if (ff == 0) return;
        double ratio = Math.sqrt(vv / ff);
        for (int k = 0; k < v.length; k++) v[k] = (1 - alpha) * v[k] + alpha * ratio * f[k];
    }

    /** The factor (≤ 1) that keeps every atom's move dt·v_i within {@link #MAX_MOVE}. */
    private static double moveScale(double[] v, double dt) {
        double largest = 0;
        for (int i = 0; i < v.length; i += 3) {
            largest = Math.max(largest, dt * Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]));
        }
        return largest > MAX_MOVE ? MAX_MOVE / largest : 1;
    }
}
