package org.scoredos.thermo;

import org.scoredos.io.BadInputException;

/**
 * How each λ point of thermodynamic integration is sampled: Langevin time step (ps) and
 * friction (ps⁻¹), equilibration and production steps, the stride between recorded ΔU
 * samples, the number of blocks for the error bar and the number of Gauss–Legendre λ nodes.
 */
public record TiSettings(double timestep, double friction, int equilibrationSteps, int productionSteps, int stride,
                         int blocks, int nodes) {
    public TiSettings {
        if (!(timestep > 0) || timestep > 0.05) throw new BadInputException("TI time step must be in (0, 0.05] ps, got " + timestep);
        if (!(friction > 0) || !Double.isFinite(friction)) throw new BadInputException("TI friction must be positive, got " + friction + " ps⁻¹");
        if (equilibrationSteps < 0) throw new BadInputException("TI equilibration steps must be ≥ 0, got " + equilibrationSteps);
        if (stride < 1) throw new BadInputException("TI sample stride must be ≥ 1, got " + stride);
        if (blocks < 2) throw new BadInputException("TI needs at least 2 blocks for an error bar, got " + blocks);
        if (productionSteps / stride < blocks) {
            throw new BadInputException("TI production of " + productionSteps + " steps at stride " + stride
                    + " gives fewer samples than the " + blocks + " blocks");
        }
        if (nodes < 1 || nodes > 64) throw new BadInputException("TI λ nodes must number 1 to 64, got " + nodes);
    }

    /**
     * Defaults for a transition-metal crystal: 2 fs steps, γ = 5 ps⁻¹, 4 ps equilibration and
     * 40 ps production per λ point, ΔU every 10 steps, 20 blocks, 8 λ nodes.
     */
    public static TiSettings defaults() {
        return new TiSettings(0.002, 5.0, 2000, 20000, 10, 20, 8);
    }

    /** Samples recorded per λ point. */
    public int samples() {
        return productionSteps / stride;
    }

    /** MD steps per λ point. */
    public long stepsPerNode() {
        return (long) equilibrationSteps + (long) samples() * stride;
    }
}
