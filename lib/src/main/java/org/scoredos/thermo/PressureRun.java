package org.scoredos.thermo;

import java.util.SplittableRandom;
import org.scoredos.potential.LinearModel;
import org.scoredos.sample.SampleStreams;
import org.scoredos.sample.ShardKey;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;

/**
 * ⟨P⟩ of a model at one temperature and volume: the λ = 1 trajectory of the TI engine (the same
 * BAOAB Langevin integrator, centre of mass fixed, same {@link TiSettings} time step, friction,
 * equilibration, production, stride and blocks; its λ node count is not used), started from
 * the lattice with Maxwell–Boltzmann velocities, the virial recorded every stride and
 * block-averaged ({@link MdPressure}).
 */
public final class PressureRun {
    private PressureRun() {}

    /**
     * @param lattice the cell and starting positions (the volume is the cell's)
     * @param mass    atomic mass, amu
     * @param stream  which random stream of {@code seed} (e.g. the temperature's index), ≥ 0
     */
    public static MdPressure run(LinearModel model, Structure lattice, double mass, double temperature, TiSettings settings,
                                 long seed, int stream) {
        int n = lattice.size();
        if (n < 2) throw new IllegalArgumentException("a pressure run needs at least 2 atoms, got " + n);
        double volume = lattice.cell().volume();
        double toGpa = Units.GPA_PER_EV_PER_A3 / (3 * volume);
        double staticPressure = trace(model.evaluate(lattice, false, true).virial()) * toGpa;

        SplittableRandom random = SampleStreams.random(new ShardKey(seed, stream, 0), 0);
        VirialForceField field = new VirialForceField(model);
        AtomMasses masses = AtomMasses.uniform(n, mass);
        double[] v = LangevinIntegrator.thermalVelocities(masses, temperature, random);
        LangevinIntegrator md = new LangevinIntegrator(field, lattice, v, masses, settings.timestep(), settings.friction(),
                temperature, random);
        md.run(settings.equilibrationSteps());
        int count = settings.samples();
        double[] virial = new double[count];
        double[] kinetic = new double[count];
        for (int s = 0; s < count; s++) {
            md.run(settings.stride());
            virial[s] = field.virialTrace() * toGpa;
            kinetic[s] = 2 * md.kineticEnergy() * toGpa;
        }
        BlockAverage w = BlockAverage.of(virial, count, settings.blocks());
        BlockAverage k = BlockAverage.of(kinetic, count, settings.blocks());
        double kineticPressure = (3.0 * n - 3) * Units.KB * temperature * toGpa;
        return new MdPressure(temperature, n, volume, kineticPressure + w.mean(), w.error(), kineticPressure, k.mean(), k.error(),
                staticPressure, settings.blocks(), md.steps());
    }

    private static double trace(double[] virial) {
        return virial[0] + virial[1] + virial[2];
    }
}
