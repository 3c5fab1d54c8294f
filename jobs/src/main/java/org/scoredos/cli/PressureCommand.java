package org.scoredos.cli;

import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.MdPressure;
import org.scoredos.thermo.PressureRun;
import org.scoredos.thermo.TiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos pressure}: ⟨P⟩ of NVT Langevin MD (the TI engine's λ = 1 trajectory) of one cell at given temperatures. */
@Command(
        name = "pressure",
        mixinStandardHelpOptions = true,
        description = {
            "⟨P⟩ (GPa, positive = compressive) of a structure under a linear SNAP model from NVT Langevin MD: the "
                    + "integrator, settings and seeding of `verify`'s thermodynamic integration, run at λ = 1 (the model "
                    + "alone) from the lattice, one trajectory per temperature, in parallel. ⟨P⟩ = (3N − 3) k_B T/(3V) + "
                    + "⟨W_xx + W_yy + W_zz⟩/(3V): the virial is `energy --stress`'s, the kinetic part counts 3N − 3 degrees "
                    + "of freedom because the centre of mass is held fixed; the error is the standard error of block means.",
            "",
            "Also printed: P in the free-energy convention's 3N modes, ⟨P⟩ + (⟨P⟩ − P_static)/(N − 1), the pressure whose "
                    + "zero is the V* of `estimate --pressure 0` for the same cell (jobs/docs/guide.md, \"At fixed pressure\"), "
                    + "and the measured kinetic pressure 2⟨K⟩/(3V) as a thermostat check. A 128-atom W SNAP cell costs "
                    + "about 15 ms of CPU per step."
        })
final class PressureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "starting lattice: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, both ends included) or a comma-separated list, in K")
    String temperatures;

    @Option(names = "--strain", defaultValue = "0", paramLabel = "EPS",
            description = "isotropic linear strain of the structure: lengths × (1 + EPS) (default ${DEFAULT-VALUE})")
    double strain;

    @Option(names = "--mass", paramLabel = "AMU", description = "atomic mass (default: the structure's, which must give one)")
    Double mass;

    @Mixin
    LangevinOptions md;

    @Option(names = "--friction", paramLabel = "PER_PS", description = "Langevin friction γ, ps⁻¹ (default: ${DEFAULT-VALUE})")
    double friction = TiSettings.defaults().friction();

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        TiSettings settings = md.settings(friction, 1);
        LinearModel potential = model.read(true).model();
        Structure cell = HarmonicReference.strained(StructureInput.read(structure), strain);
        if (cell.size() < 2) throw new BadInputException("--structure: " + structure + ": a pressure run needs at least 2 atoms");
        org.scoredos.structure.AtomMasses masses = HarmonicReference.resolveMasses(cell, mass != null ? mass : Double.NaN);
        if (!masses.isUniform()) throw new BadInputException("--structure: " + structure + ": a pressure run takes one mass (give --mass AMU)");
        double amu = masses.of(0);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "pressure: %d atoms, %d temperature(s) × %d steps%n", cell.size(), ts.length, settings.stepsPerNode());
        err.flush();
        long start = System.nanoTime();
        List<MdPressure> rows = IntStream.range(0, ts.length).parallel()
                .mapToObj(i -> PressureRun.run(potential, cell, amu, ts[i], settings, md.seed, i)).toList();
        double seconds = (System.nanoTime() - start) * 1e-9;

        Renderers.print(result(cell, amu, settings, rows, seconds), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private Result result(Structure cell, double amu, TiSettings settings, List<MdPressure> rows, double seconds) {
        Result result = new Result("pressure").withoutConvention();
        result.fields().put("structure", structure.toString())
                .put("natoms", null, "atoms in the cell", cell.size())
                .put("strain", null, "linear strain of the cell", strain)
                .put("volumePerAtom", "Å^3", "volume per atom of the strained cell", cell.cell().volume() / cell.size())
                .put("mass", "amu", "atomic mass", amu)
                .put("seed", null, "seed of the trajectories", md.seed);
        result.fields().record("md")
                .put("timestep", "ps", "Langevin time step", settings.timestep())
                .put("friction", "1/ps", "Langevin friction γ", settings.friction())
                .put("equilibrationSteps", null, "steps before the averages", settings.equilibrationSteps())
                .put("productionSteps", null, "steps averaged", settings.samples() * settings.stride())
                .put("stride", null, "steps between recorded samples", settings.stride())
                .put("blocks", null, "blocks for the error bars", settings.blocks());
        result.fields().put("wallSeconds", "s", "wall time of the MD", seconds);
        String gpa = "GPa";
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Column.of("pressure", gpa, "⟨P⟩, positive is compressive (LAMMPS); kinetic part (3N − 3) k_B T/(3V), "
                        + "centre of mass fixed").shown("⟨P⟩", "%.5f"))
                .column(Columns.error("error", gpa, "⟨P⟩ (blocked)", "σ", "%.5f"))
                .column(Column.of("pressure3N", gpa, "⟨P⟩ + (⟨P⟩ − staticPressure)/(N − 1): the free-energy convention's 3N modes")
                        .shown("P_3N", "%.5f"))
                .column(Columns.error("error3N", gpa, "P_3N", "σ", "%.5f"))
                .column(Column.of("virialPressure", gpa, "virial part of ⟨P⟩").notInText())
                .column(Column.of("kineticPressure", gpa, "(3N − 3) k_B T/(3V)").shown("kinetic", "%.5f"))
                .column(Column.of("measuredKineticPressure", gpa, "2⟨K⟩/(3V) of the run").shown("measured kinetic", "%.5f"))
                .column(Columns.error("measuredKineticError", gpa, "2⟨K⟩/(3V)", "σ", "%.5f"))
                .column(Column.of("staticPressure", gpa, "virial pressure of the cell at rest").shown("P_static", "%.5f"))
                .column(Column.of("steps", null, "MD steps of the run").notInText());
        for (MdPressure p : rows) {
            t.row(p.temperature(), p.pressure(), p.error(), p.pressureIn3NConvention(), p.errorIn3NConvention(), p.virialPressure(),
                    p.kineticPressure(), p.measuredKineticPressure(), p.measuredKineticError(), p.staticPressure(), p.steps());
        }
        return result.table(t).heading(String.format(Locale.ROOT,
                "# %d atoms, strain %s, %.6f Å³/atom, mass %s amu; NVT Langevin: %d + %d steps of %s ps, γ = %s ps⁻¹, %d blocks, seed %d; "
                        + "%.1f s wall", cell.size(), strain, cell.cell().volume() / cell.size(), amu, settings.equilibrationSteps(),
                settings.samples() * settings.stride(), settings.timestep(), settings.friction(), settings.blocks(), md.seed, seconds))
                .heading("# GPa, positive = compressive; P_3N = ⟨P⟩ + (⟨P⟩ − P_static)/(N − 1); kinetic = (3N − 3) k_B T/(3V), "
                        + "measured 2⟨K⟩/(3V)");
    }
}
