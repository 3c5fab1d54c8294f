package org.scoredos.verify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.io.BadInputException;
import org.scoredos.model.ModelDescription;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Cell;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.LambdaSample;
import org.scoredos.thermo.TiPlan;
import org.scoredos.thermo.TiResult;
import org.scoredos.thermo.TiSettings;

/**
 * Every TI task of a verification, as plain data an executor can rebuild the models from
 * (SNAP objects are not serializable): the SNAP parameter file's lines, the element's radius,
 * weight and β0, each model's θ, the reference lattice, the mass, the temperatures, the
 * settings and the seed. Task t is task t mod P of model t / P's {@link TiPlan} (P tasks per
 * model), so a task is a pure function of this object and its number.
 *
 * <p>The driver takes each model's Hessian from the cache; an executor recomputes it once per
 * model (finite differences are deterministic and the cache keeps the bits, so both have the
 * same matrix; a Hessian read back from its entries would be re-symmetrised, and the chaotic
 * MD would then follow other trajectories).
 */
public final class TiTasks implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The single-element model family: θ varies, the rest (descriptor, element, β0) is fixed. */
    public record Snap(ModelDescription model) implements Serializable {
        public Snap {
            if (model.elements().size() != 1) {
                throw new BadInputException(model.source() + ": thermodynamic integration over θ needs a single-element model");
            }
        }

        /** The potential with coefficients θ. */
        public LinearModel potential(double[] theta) {
            if (model.snap().descriptorCount() != theta.length) {
                throw new BadInputException(model.source() + ": the parameters give " + model.snap().descriptorCount()
                        + " descriptor components, θ has " + theta.length);
            }
            return model.withTheta(theta).model();
        }
    }

    private final Snap snap;
    private final double[][] thetas;
    private final double[][] cell;
    private final double[] origin;
    private final double[] positions;
    private final double mass;
    private final double[] temperatures;
    private final double timestep, friction;
    private final int equilibration, production, stride, blocks, nodes;
    private final long seed;
    private transient TiPlan[] plans;

    private TiTasks(Snap snap, double[][] thetas, Structure lattice, double mass, double[] temperatures,
                    TiSettings s, long seed) {
        this.snap = snap;
        this.thetas = thetas;
        this.cell = lattice.cell().matrix();
        this.origin = lattice.cell().origin();
        this.positions = lattice.positions();
        this.mass = mass;
        this.temperatures = temperatures.clone();
        this.timestep = s.timestep();
        this.friction = s.friction();
        this.equilibration = s.equilibrationSteps();
        this.production = s.productionSteps();
        this.stride = s.stride();
        this.blocks = s.blocks();
        this.nodes = s.nodes();
        this.seed = seed;
    }

    /**
     * The tasks of every model on the driver: each model's Hessian at the lattice from the
     * cache or by finite differences (translation shortcut), and each plan built once here so
     * a model without a stable crystal is refused before any task runs.
     */
    public static TiTasks prepare(Snap snap, double[][] thetas, Structure lattice, double mass, double[] temperatures,
                                  TiSettings settings, long seed, HessianCache cache) {
        HessianCalculator calculator = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true);
        TiTasks tasks = new TiTasks(snap, thetas, lattice, mass, temperatures, settings, seed);
        tasks.plans = new TiPlan[thetas.length];
        for (int m = 0; m < thetas.length; m++) {
            LinearModel model = snap.potential(thetas[m]);
            String key = HessianCache.key(lattice, 0.0, calculator.step(), identity(snap, thetas[m]));
            Hessian h = cache.getOrCompute(key, () -> calculator.compute(model, lattice));
            tasks.plans[m] = planOf(m, () -> new TiPlan(model, lattice, h, AtomMasses.of(lattice), temperatures, settings, seed));
        }
        return tasks;
    }

    /** A one-element crystal (type 1) of this cell, positions and mass. */
    public static Structure lattice(Cell cell, double[] positions, double mass) {
        int[] types = new int[positions.length / 3];
        java.util.Arrays.fill(types, 1);
        return new Structure(cell, positions, types, new double[] {mass});
    }

    /** What identifies a model's Hessian: the whole model with θ. */
    private static List<byte[]> identity(Snap snap, double[] theta) {
        return List.of(snap.model().withTheta(theta).identity());
    }

    public int models() {
        return thetas.length;
    }

    public double[] theta(int model) {
        return thetas[model].clone();
    }

    /** Tasks per model: temperatures × λ nodes. */
    public int tasksPerModel() {
        return temperatures.length * nodes;
    }

    /** All tasks. */
    public int size() {
        return thetas.length * tasksPerModel();
    }

    public TiSettings settings() {
        return new TiSettings(timestep, friction, equilibration, production, stride, blocks, nodes);
    }

    /** Model m's plan, built once per JVM (an executor shares it between its task threads). */
    public synchronized TiPlan plan(int model) {
        if (plans == null) plans = new TiPlan[thetas.length];
        if (plans[model] == null) {
            Structure x0 = lattice(new Cell(cell, origin), positions, mass);
            plans[model] = planOf(model, () -> TiPlan.ownHessian(snap.potential(thetas[model]), x0, AtomMasses.of(x0), temperatures, settings(), seed));
        }
        return plans[model];
    }

    /** A model without a stable crystal is named in the refusal. */
    private static TiPlan planOf(int model, java.util.function.Supplier<TiPlan> build) {
        try {
            return build.get();
        } catch (BadInputException e) {
            throw new BadInputException("model " + model + ": " + e.getMessage(), e);
        }
    }

    /** Runs task {@code task}: one (model, T, λ) trajectory. */
    public TaskSample run(int task) {
        int per = tasksPerModel();
        return TaskSample.of(task, plan(task / per).run(task % per));
    }

    /** F_TI(T) per model from every task's sample, in any order; sums in node order. */
    public List<List<TiResult>> combine(List<TaskSample> samples) {
        int per = tasksPerModel();
        List<List<LambdaSample>> byModel = new ArrayList<>();
        for (int m = 0; m < thetas.length; m++) byModel.add(new ArrayList<>());
        for (TaskSample s : samples) byModel.get(s.task() / per).add(s.sample());
        List<List<TiResult>> out = new ArrayList<>();
        for (int m = 0; m < thetas.length; m++) out.add(plan(m).combine(byModel.get(m)));
        return out;
    }
}
