package org.scoredos.sample;

import org.scoredos.potential.Potential;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * Constant-energy (NVE) molecular dynamics by velocity Verlet, in metal units: positions Å
 * (kept unwrapped, so displacements from the lattice stay continuous), velocities Å/ps,
 * time step ps, masses in amu. Forces are evaluated on the configuration wrapped
 * into the cell.
 */
public final class VelocityVerlet {
    private final Potential potential;
    private final Structure frame;
    private final AtomMasses masses;
    private final double[] kick; // ½ dt c/m_i: Å/ps per eV/Å over half a step
    private final double dt;
    private final double[] x;
    private final double[] v;
    private final double[] f;
    private double potentialEnergy;
    private long steps;

    /**
     * @param start      the starting configuration (its cell and types are kept)
     * @param velocities flat 3N, Å/ps (copied)
     * @param masses     the atoms' masses
     * @param timestep   ps
     */
    public VelocityVerlet(Potential potential, Structure start, double[] velocities, AtomMasses masses, double timestep) {
        if (velocities.length != 3 * start.size() || masses.atoms() != start.size()) {
            throw new IllegalArgumentException("velocities must have length 3N and masses N");
        }
        if (!(timestep > 0)) throw new IllegalArgumentException("time step must be positive");
        this.potential = potential;
        this.frame = start;
        this.masses = masses;
        this.dt = timestep;
        this.kick = new double[start.size()];
        for (int i = 0; i < kick.length; i++) kick[i] = 0.5 * dt * Units.EV_PER_AMU_A2_IN_PS2 / masses.of(i);
        this.x = start.positions();
        this.v = velocities.clone();
        this.f = new double[x.length];
        this.potentialEnergy = potential.energyAndForces(Displacements.wrapped(start), f);
    }

    /** Advances one time step. */
    public void step() {
        for (int k = 0; k < x.length; k++) {
            v[k] += kick[k / 3] * f[k];
            x[k] += dt * v[k];
        }
        potentialEnergy = potential.energyAndForces(Displacements.wrapped(frame.withPositions(x)), f);
        for (int k = 0; k < x.length; k++) v[k] += kick[k / 3] * f[k];
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
        return masses.kineticEnergy(v);
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
}
