package org.scoredos.thermo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.Potential;
import org.scoredos.sample.SampleStreams;
import org.scoredos.sample.ShardKey;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * Thermodynamic integration of a model from the harmonic model of a Hessian, cut into
 * independent tasks: one per (temperature, λ node), task index = temperature index × nodes +
 * node. A task is a pure function of the plan and its index — its random stream is that of
 * {@code ShardKey(seed, temperature index, node)} — so tasks run in any order, on any
 * executor, and retries reproduce their results bit for bit.
 *
 * <p>F_model(T) = F_harm(T) + (1/N) ∫₀¹ ⟨U_model − U_harm⟩_λ dλ, where U_harm = E_0 + ½ uᵀHu
 * and E_0 the model's own lattice energy, so F is relative to the lattice energy. Both ends
 * are sampled with the centre of mass fixed (see {@link LangevinIntegrator}), so the 3 zero
 * modes of H drop out of both and F_harm is the classical free energy of its 3N − 3 stable
 * modes, exactly {@link HarmonicReference#harmonicFreeEnergy}.
 */
public final class TiPlan {
    private final Potential model;
    private final HarmonicReference reference;
    private final HarmonicPotential harmonic;
    private final double[] temperatures;
    private final TiSettings settings;
    private final LambdaPath path;
    private final long seed;

    /**
     * @param model   the potential whose free energy is wanted
     * @param x0      the lattice the Hessian was taken at (usually the model's own minimum)
     * @param hessian the reference Hessian at x0 (usually the model's own)
     * @param masses  the atoms' masses: they set F_harm's frequencies and the dynamics, never
     *                the configurational ensembles that ⟨U_model − U_harm⟩ averages over
     */
    public TiPlan(Potential model, Structure x0, Hessian hessian, AtomMasses masses, double[] temperatures, TiSettings settings,
                  long seed) {
        if (temperatures.length == 0) throw new BadInputException("TI needs at least one temperature");
        for (double t : temperatures) {
            if (!(t > 0) || !Double.isFinite(t)) throw new BadInputException("temperature must be positive and finite, got " + t + " K");
        }
        HarmonicModes modes = HarmonicModes.of(hessian);
        if (modes.zeroModes() != 3) {
            throw new BadInputException("TI needs a crystal Hessian with exactly the 3 translation zero modes; this one has "
                    + modes.zeroModes() + " (with the centre of mass fixed, other soft modes would be unbound)");
        }
        double e0 = model.energy(x0);
        this.model = model;
        this.reference = new HarmonicReference(x0, masses, 0.0, e0, modes);
        this.harmonic = new HarmonicPotential(x0, hessian, e0);
        this.temperatures = temperatures.clone();
        this.settings = settings;
        this.path = new LambdaPath(settings.nodes());
        this.seed = seed;
    }

    /** A plan for the model from the Hessian of the model itself at x0 (finite differences, parallel columns). */
    public static TiPlan ownHessian(Potential model, Structure x0, AtomMasses masses, double[] temperatures, TiSettings settings,
                                    long seed) {
        Hessian h = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(model, x0);
        return new TiPlan(model, x0, h, masses, temperatures, settings, seed);
    }

    public int size() {
        return temperatures.length * path.size();
    }

    public HarmonicReference reference() {
        return reference;
    }

    public HarmonicPotential harmonic() {
        return harmonic;
    }

    public LambdaPath path() {
        return path;
    }

    public TiSettings settings() {
        return settings;
    }

    public double[] temperatures() {
        return temperatures.clone();
    }

    public long seed() {
        return seed;
    }

    /** Runs task {@code index}: one Langevin trajectory at its (T, λ). */
    public LambdaSample run(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("task " + index + " of " + size());
        int ti = index / path.size();
        int node = index % path.size();
        double t = temperatures[ti];
        double lambda = path.node(node);
        int n = reference.atoms();
        SplittableRandom random = SampleStreams.random(new ShardKey(seed, ti, node), 0);

        LambdaMixture mixture = new LambdaMixture(model, harmonic, lambda, n);
        double[] v = LangevinIntegrator.thermalVelocities(reference.masses(), t, random);
        LangevinIntegrator md = new LangevinIntegrator(mixture, harmonicStart(t, random), v, reference.masses(),
                settings.timestep(), settings.friction(), t, random);
        md.run(settings.equilibrationSteps());
        int count = settings.samples();
        double[] du = new double[count];
        double kinetic = 0;
        for (int s = 0; s < count; s++) {
            md.run(settings.stride());
            du[s] = mixture.difference() / n;
            kinetic += md.kineticEnergy();
        }
        BlockAverage avg = BlockAverage.of(du, count, settings.blocks());
        double kineticTemperature = 2 * kinetic / count / ((3.0 * n - 3) * Units.KB);
        return new LambdaSample(index, ti, node, t, lambda, avg.mean(), avg.error(), kineticTemperature);
    }

    /** X_0 + u with u drawn from the harmonic Boltzmann distribution at T: the λ = 0 ensemble exactly. */
    private Structure harmonicStart(double t, SplittableRandom random) {
        HarmonicModes modes = reference.modes();
        double[] g = new double[modes.stableModes()];
        SampleStreams.gaussians(random, g);
        double kT = Units.KB * t;
        double[] x = reference.structure().positions();
        for (int l = 0; l < g.length; l++) modes.addMode(l, g[l] * StrictMath.sqrt(kT / modes.omega(l)), x);
        return reference.structure().withPositions(x);
    }

    /**
     * F(T) per temperature from the results of every task, given in any order (each exactly
     * once). The sums run in node order, so the result does not depend on the order given.
     */
    public List<TiResult> combine(List<LambdaSample> samples) {
        LambdaSample[] byIndex = new LambdaSample[size()];
        for (LambdaSample s : samples) {
            if (s.index() < 0 || s.index() >= size()) throw new IllegalArgumentException("task " + s.index() + " is not in this plan");
            if (byIndex[s.index()] != null) throw new IllegalArgumentException("task " + s.index() + " given twice");
            byIndex[s.index()] = s;
        }
        List<TiResult> out = new ArrayList<>(temperatures.length);
        int nodes = path.size();
        for (int ti = 0; ti < temperatures.length; ti++) {
            double[] lambdas = new double[nodes];
            double[] mean = new double[nodes];
            double[] err = new double[nodes];
            for (int k = 0; k < nodes; k++) {
                LambdaSample s = byIndex[ti * nodes + k];
                if (s == null) throw new IllegalArgumentException("task " + (ti * nodes + k) + " is missing");
                lambdas[k] = s.lambda();
                mean[k] = s.meanDifference();
                err[k] = s.error();
            }
            double fHarm = reference.harmonicFreeEnergy(temperatures[ti]);
            out.add(new TiResult(temperatures[ti], fHarm + path.integrate(mean), path.propagate(err), fHarm,
                    lambdas, mean, err));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("TI of %d atoms at %s K, %d λ nodes, %s", reference.atoms(), Arrays.toString(temperatures),
                path.size(), settings);
    }
}
