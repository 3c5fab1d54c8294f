package org.scoredos.thermo;

import java.util.SplittableRandom;
import org.scoredos.sample.Displacements;
import org.scoredos.sample.SampleStreams;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * Canonical (NVT) molecular dynamics by the BAOAB splitting of Langevin dynamics
 * (Leimkuhler and Matthews): half kick, half drift, exact Ornstein–Uhlenbeck velocity update,
 * half drift, force, half kick. BAOAB samples the configurations of a harmonic system exactly
 * at any stable time step, and with O(Δt²) error otherwise, which is what the λ averages of
 * thermodynamic integration need.
 *
 * <p><b>Centre of mass.</b> The harmonic reference has no restoring force for rigid
 * translations (its 3 zero modes are dropped from F_harm), so the centre of mass is held
 * fixed: the noise and the forces have their mean per direction removed and the velocities
 * start with zero total momentum. The dynamics then lives on the 3N − 3 internal coordinates,
 * the same ones F_harm counts, and ⟨kinetic energy⟩ = (3N − 3) k_B T / 2.
 *
 * <p>Metal units: positions Å (kept unwrapped, forces evaluated on the wrapped copy), velocities
 * Å/ps, time step ps, friction γ ps⁻¹, masses in amu. Given the same random stream
 * the trajectory is the same bits on every machine.
 */
public final class LangevinIntegrator {
    private final ForceField forceField;
    private final Structure frame;
    private final AtomMasses masses;
    private final double dt;
    private final double[] kickFactor; // ½ dt · c/m_i per atom: Å/ps per eV/Å
    private final double damping;      // e^{−γ dt}
    private final double[] noise;      // sqrt((1 − e^{−2γ dt}) k_B T c/m_i) per atom, Å/ps
    private final SplittableRandom random;
    private final double[] x;
    private final double[] v;
    private final double[] f;
    private final double[] xi;
    private double potentialEnergy;
    private long steps;

    /**
     * @param start       the starting configuration (its cell and types are kept); its centre
     *                    of mass stays where it is
     * @param velocities  flat 3N, Å/ps (copied; the centre-of-mass velocity is removed)
     * @param masses      the atoms' masses
     * @param timestep    ps
     * @param friction    γ, ps⁻¹
     * @param temperature K
     */
    public LangevinIntegrator(ForceField forceField, Structure start, double[] velocities, AtomMasses masses, double timestep,
                              double friction, double temperature, SplittableRandom random) {
        if (velocities.length != 3 * start.size() || masses.atoms() != start.size()) {
            throw new IllegalArgumentException("velocities must have length 3N and masses N");
        }
        if (!(timestep > 0) || !(friction > 0) || !(temperature > 0)) {
            throw new IllegalArgumentException("time step, friction and temperature must be positive");
        }
        this.forceField = forceField;
        this.frame = start;
        this.masses = masses;
        this.dt = timestep;
        this.damping = StrictMath.exp(-friction * dt);
        this.kickFactor = new double[start.size()];
        this.noise = new double[start.size()];
        for (int i = 0; i < kickFactor.length; i++) {
            double c = Units.EV_PER_AMU_A2_IN_PS2 / masses.of(i);
            kickFactor[i] = 0.5 * dt * c;
            noise[i] = StrictMath.sqrt((1 - damping * damping) * Units.KB * temperature * c);
        }
        this.random = random;
        this.x = start.positions();
        this.v = velocities.clone();
        masses.removeMomentum(v);
        this.f = new double[x.length];
        this.xi = new double[x.length];
        evaluate();
    }

    /**
     * Maxwell–Boltzmann velocities at {@code temperature} for atoms of these masses, total
     * momentum zero (3N − 3 degrees of freedom), Å/ps.
     */
    public static double[] thermalVelocities(AtomMasses masses, double temperature, SplittableRandom random) {
        double[] v = new double[3 * masses.atoms()];
        SampleStreams.gaussians(random, v);
        masses.projectWeighted(v);
        masses.unweight(v);
        double sigma = StrictMath.sqrt(Units.KB * temperature * Units.EV_PER_AMU_A2_IN_PS2 / masses.of(0));
        for (int k = 0; k < v.length; k++) v[k] *= sigma;
        return v;
    }

    /** Advances one time step. */
    public void step() {
        double h = 0.5 * dt;
        for (int k = 0; k < x.length; k++) {
            v[k] += kickFactor[k / 3] * f[k];
            x[k] += h * v[k];
        }
        SampleStreams.gaussians(random, xi);
        masses.projectWeighted(xi); // the projected noise is still unit Gaussian on the internal subspace
        for (int k = 0; k < x.length; k++) {
            v[k] = damping * v[k] + noise[k / 3] * xi[k];
            x[k] += h * v[k];
        }
        evaluate();
        for (int k = 0; k < x.length; k++) v[k] += kickFactor[k / 3] * f[k];
        steps++;
    }

    /** Advances {@code n} time steps. */
    public void run(int n) {
        for (int s = 0; s < n; s++) step();
    }

    private void evaluate() {
        potentialEnergy = forceField.energyAndForces(Displacements.wrapped(frame.withPositions(x)), f);
        removeMean(f); // zero already for a translation-invariant model; exact here against round-off
    }

    /** Subtracts the mean over atoms of each Cartesian component: zero net force, so the momentum stays zero. */
    private static void removeMean(double[] a) {
        int n = a.length / 3;
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += a[3 * i + d];
            mean /= n;
            for (int i = 0; i < n; i++) a[3 * i + d] -= mean;
        }
    }

    public long steps() {
        return steps;
    }

    /** Potential energy of the current configuration, eV, as the force field returned it. */
    public double potentialEnergy() {
        return potentialEnergy;
    }

    /** Kinetic energy ½ m v², eV. */
    public double kineticEnergy() {
        return masses.kineticEnergy(v);
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
