package org.scoredos.cli;

import org.scoredos.thermo.TiSettings;
import picocli.CommandLine.Option;

/**
 * How the NVT Langevin trajectories of {@code verify}'s TI and of {@code pressure} are run (a
 * picocli mixin): seed, time step, equilibration, production, sampling stride and error-bar
 * blocks. The defaults are {@link TiSettings#defaults()}'s, read once here.
 */
final class LangevinOptions {
    private static final TiSettings DEFAULTS = TiSettings.defaults();

    @Option(names = "--seed", paramLabel = "K", description = "seed of the trajectories (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--steps", paramLabel = "N", description = "production MD steps per trajectory (default: ${DEFAULT-VALUE})")
    int steps = DEFAULTS.productionSteps();

    @Option(names = "--equilibration", paramLabel = "N", description = "equilibration MD steps per trajectory (default: ${DEFAULT-VALUE})")
    int equilibration = DEFAULTS.equilibrationSteps();

    @Option(names = "--timestep", paramLabel = "PS", description = "Langevin time step, ps (default: ${DEFAULT-VALUE})")
    double timestep = DEFAULTS.timestep();

    @Option(names = "--stride", paramLabel = "N", description = "MD steps between recorded samples (default: ${DEFAULT-VALUE})")
    int stride = DEFAULTS.stride();

    @Option(names = "--blocks", paramLabel = "N", description = "blocks for the error bar (default: ${DEFAULT-VALUE})")
    int blocks = DEFAULTS.blocks();

    /** The settings with the command's own friction (ps⁻¹) and number of λ nodes. */
    TiSettings settings(double friction, int nodes) {
        return new TiSettings(timestep, friction, equilibration, steps, stride, blocks, nodes);
    }
}
