package org.scoredos.sample;

import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * Constant-energy (NVE) molecular dynamics by velocity Verlet, in metal units: positions Å
 * (kept unwrapped, so displacements from the lattice stay continuous), velocities Å/ps,
 * time step ps, one atomic mass in amu. Forces are evaluated on the configuration wrapped
 * into the cell.
 */
public final class VelocityVerlet {
    private final Potential potential;
    private final Structure frame;
    private final double mass;
    private final double dt;
    private final double[] x;
    private final double[] v;
    private final double[] f;
    private double potentialEnergy;
    private long steps;

    /**
     * @param start      the starting configuration (its cell and types are kept)
     * @param velocities flat 3N, Å/ps (copied)
     * @param mass       atomic mass, amu
     * @param timestep   ps
     */
    public VelocityVerlet(Potential potential, Structure start, double[] velocities, double mass, double timestep) {
        if (velocities.length != 3 * start.size()) throw new IllegalArgumentException("velocities must have length 3N");
        if (!(mass > 0) || !(timestep > 0)) throw new IllegalArgumentException("mass and time step must be positive");
        this.potential = potential;
        this.frame = start;
        this.mass = mass;
        this.dt = timestep;
        this.x = start.positions();
        this.v = velocities.clone();
        this.f = new double[x.length];
        this.potentialEnergy = potential.energyAndForces(Displacements.wrapped(start), f);
    }

    /** Advances one time step. */
    public void step() {
        double c = 0.5 * dt * Units.EV_PER_AMU_A2_IN_PS2 / mass; // ½ dt · F → Δv, Å/ps per eV/Å
        for (int k = 0; k < x.length; k++) {
            v[k] += c * f[k];
            x[k] += dt * v[k];
        }
        potentialEnergy = potential.energyAndForces(Displacements.wrapped(frame.withPositions(x)), f);
        for (int k = 0; k < x.length; k++) v[k] += c * f[k];
        steps++;
    }

    /** Advances {@code n} time steps. */
    public void run(int n) {
        for (int s = 0; s < n; s++) step();
    }

    public long steps() {
        return steps;
    }

    /** Potential energy of the current configuration, eV. */
    public double potentialEnergy() {
        return potentialEnergy;
    }

    /** Kinetic energy ½ m v², eV. */
    public double kineticEnergy() {
        return kineticEnergy(v, mass);
    }

    public double totalEnergy() {
        return potentialEnergy + kineticEnergy();
    }

    /** Unwrapped positions, flat 3N, Å (a copy). */
    public double[] positions() {
        return x.clone();
    }

    /** Velocities, flat 3N, Å/ps (a copy). */
    public double[] velocities() {
        return v.clone();
    }

    /** ½ m Σ v² in eV for velocities in Å/ps and a mass in amu. */
    public static double kineticEnergy(double[] velocities, double mass) {
        double s = 0;
        for (double w : velocities) s += w * w;
        return 0.5 * mass * s / Units.EV_PER_AMU_A2_IN_PS2;
    }
}
