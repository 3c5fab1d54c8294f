package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.io.OutputFiles;
import org.scoredos.potential.FireRelaxation;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.LammpsDataWriter;
import org.scoredos.model.ModelDescription;
import org.scoredos.structure.Structure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos relax}: a structure relaxed at fixed cell under a linear SNAP model, written as LAMMPS data. */
@Command(
        name = "relax",
        mixinStandardHelpOptions = true,
        description = {
            "Relaxes the atom positions of a structure (the cell is kept) to a minimum of a linear model (--model FILE.snap, ZBL included, or --params with --coeff) by "
                    + "FIRE, until the largest force on any atom is below --force-tolerance (eV/Å), and writes the result "
                    + "to --out as a LAMMPS data file (atomic style). A defect cell needs this before its campaign: the "
                    + "isosurfaces are built around a minimum.",
            "Progress (step, energy, largest force) goes to stderr; the summary (energies in eV, forces in eV/Å) to "
                    + "stdout. A relaxation that does not converge within --max-steps is refused (exit 2) and nothing "
                    + "is written."
        })
final class RelaxCommand implements Callable<Integer> {
    /** Progress lines on stderr: one every this many steps, and the last. */
    private static final int REPORT_EVERY = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "FILE.data", description = "the relaxed structure, LAMMPS data (atomic style)")
    Path out;

    @Option(names = "--force-tolerance", paramLabel = "EV_PER_A",
            description = "stop when every atom's force is below this, eV/Å (default " + FireRelaxation.Settings.DEFAULT_FORCE_TOLERANCE + ")")
    double forceTolerance = FireRelaxation.Settings.DEFAULT_FORCE_TOLERANCE;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "FIRE steps allowed (default " + FireRelaxation.Settings.DEFAULT_MAX_STEPS + ")")
    int maxSteps = FireRelaxation.Settings.DEFAULT_MAX_STEPS;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        FireRelaxation.Settings settings;
        try {
            settings = new FireRelaxation.Settings(forceTolerance, maxSteps);
        } catch (org.scoredos.io.BadInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), (maxSteps < 1 ? "--max-steps: " : "--force-tolerance: ") + e.getMessage());
        }
        CommandSupport.checkOutput(out, "--out");
        OutputFiles.checkNotAnInput(out, "--out", structure, "--structure");
        ModelDescription description = model.read(true);
        LinearModel potential = description.model();
        Structure s = ModelOptions.structure(structure, description);

        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "relax: %d atoms, FIRE to a largest force below %.3g eV/Å, at most %d steps%n", s.size(),
                settings.forceTolerance(), settings.maxSteps());
        err.flush();
        FireRelaxation.Result r = FireRelaxation.relax(potential, s, settings, (step, energy, force) -> {
            if (step % REPORT_EVERY != 0 && force >= settings.forceTolerance() && step < settings.maxSteps()) return;
            err.printf(Locale.ROOT, "relax: step %d, energy %.8f eV, largest force %.3g eV/Å%n", step, energy, force);
            err.flush();
        }).requireConverged(structure.toString(), settings);
        LammpsDataWriter.write(r.structure(), out, String.format(Locale.ROOT,
                "relaxed by ScoreDOS FIRE from %s: energy %.10f eV, largest force %.3g eV/Å", structure.getFileName(), r.energy(), r.maxForce()));
        err.println("relax: wrote " + out);
        Renderers.print(result(s.size(), r, settings.forceTolerance()), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The relaxation's outcome: single values only (CSV: its {@code #} lines). */
    private Result result(int atoms, FireRelaxation.Result r, double forceTolerance) {
        Result result = new Result("relax").withoutConvention();
        result.fields().put("structure", structure.toString()).put("model", model.source()).put("out", out.toString())
                .put("natoms", null, "atoms in the structure", atoms)
                .put("initialEnergy", "eV", "energy of the structure as given", r.initialEnergy())
                .put("energy", "eV", "energy of the relaxed structure", r.energy())
                .put("relaxationEnergy", "eV", "energy − initialEnergy", r.energy() - r.initialEnergy())
                .put("maxForce", "eV/Å", "the largest force on any atom at the end", r.maxForce())
                .put("forceTolerance", "eV/Å", "the largest force allowed (--force-tolerance)", forceTolerance)
                .put("steps", null, "FIRE steps taken", r.steps())
                .put("converged", null, "every force below the tolerance", r.converged());
        return result.heading(String.format(Locale.ROOT, "relaxed %d atoms in %d steps: energy %.10f eV (from %.10f, %+.6f eV), largest force %.3g eV/Å",
                atoms, r.steps(), r.energy(), r.initialEnergy(), r.energy() - r.initialEnergy(), r.maxForce()));
    }
}
