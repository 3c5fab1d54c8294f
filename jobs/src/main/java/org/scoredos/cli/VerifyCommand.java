package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.VerifyPlot;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.descriptor.SnapElement;
import org.scoredos.model.ModelDescription;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfacePhase;
import org.scoredos.estimate.ModelCheck;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.PhaseLoader;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.thermo.TiResult;
import org.scoredos.thermo.TiSettings;
import org.scoredos.verify.ModelEnsemble;
import org.scoredos.verify.TiTasks;
import org.scoredos.verify.Verification;
import org.scoredos.verify.VerifyLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scoredos verify}: the DDOS free energy of a phase against thermodynamic integration, on Spark. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the DDOS free energy of one phase against the thermodynamic-integration ground truth: "
                + "for the SNAP model θ (and with --perturb N random perturbations of it) it runs TI on the phase's "
                + "reference lattice as a Spark job, one task per (model, temperature, λ node), and prints per "
                + "temperature F_TI ± σ, F_DDOS ± δ, their difference and whether the DDOS error bar covers it "
                + "(|F_DDOS − F_TI| ≤ δ + 2σ). Progress goes to stderr.",
            "Energies per atom relative to each model's lattice energy: meV/atom in the text table, eV/atom in JSON "
                + "and CSV. Temperatures in K. TI costs about 18 ms per MD step for 128 atoms: one temperature with the "
                + "default settings is 8 × 22 000 steps per model."})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--summaries", required = true, paramLabel = "DIR", description = "the phase's summary store")
    Path summaries;

    @Mixin
    ThetaOptions theta;

    @Option(names = "--params", paramLabel = "FILE", description = "with --coeff: the SNAP .snapparam the store's descriptors "
            + "were computed with (the .snapcoeff's element radius, weight and β0 complete the model; a plain list has radius 0.5, weight 1)")
    Path params;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, both ends included) or a comma-separated list, in K")
    String temperatures;

    @Option(names = "--mass", paramLabel = "AMU", description = "atomic mass (default: the store's; for atoms of several masses "
            + "their effective mass, which gives the same F: the configurational part does not depend on masses)")
    Double mass;

    @Option(names = "--perturb", defaultValue = "0", paramLabel = "N",
            description = "also verify N models θ_i(1 + s·g_i), g_i standard normal drawn from --seed (default: ${DEFAULT-VALUE})")
    int perturb;

    @Option(names = "--scale", defaultValue = "0.01", paramLabel = "S", description = "relative perturbation size s (default: ${DEFAULT-VALUE})")
    double scale;

    @Mixin
    LangevinOptions md;

    @Option(names = "--nodes", paramLabel = "N", description = "Gauss–Legendre λ nodes, one trajectory each (default: ${DEFAULT-VALUE})")
    int nodes = TiSettings.defaults().nodes();

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions (default: one per task)")
    int partitions;

    @Option(names = "--ti-from", paramLabel = "FILE.json",
            description = "take F_TI ± σ from an earlier `verify --format json` run of the same models and temperatures "
                    + "instead of running TI again (TI is seeded: with the same settings it gives the same numbers); "
                    + "only the DDOS side is recomputed, e.g. with another --error-model or --order")
    Path tiFrom;

    @Option(names = "--plot", paramLabel = "FILE", description = "write F_TI and F_DDOS against T, with error bars, per model" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkPlot(plot, "--plot");
        if (partitions < 0) throw new BadInputException("--partitions: must be ≥ 0, got " + partitions);
        VerifyLauncher launcher = VerifyLauncher.of(master, partitions); // a bad master is refused before any work
        if (mass != null && !(mass > 0 && Double.isFinite(mass))) throw new BadInputException("--mass: must be positive, got " + mass);
        if ((theta.coeff != null) != (params != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--params goes with --coeff (--model names its own .snapparam)");
        }
        if (params != null && !Files.isRegularFile(params)) throw new BadInputException("--params: " + params + ": no such file");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        EarlierTi earlier = tiFrom == null ? null : EarlierTi.read(tiFrom, "--ti-from");
        IsosurfacePhase stored = PhaseLoader.isosurface(summaries, "--summaries");
        PhaseSummary phase = stored.summary();
        ReferenceConstants ref = phase.reference();
        CoefficientFile file = theta.read(err, stored);
        ModelDescription description = theta.description(params, stored);
        SnapElement element = description.elements().get(0);
        ModelCheck.checkDescriptor(phase.model(), "phase " + phase.name(), params != null ? params : theta.source(), description.snap(),
                element.radius(), element.weight());
        TiTasks.Snap snap = new TiTasks.Snap(description);
        snap.potential(file.theta()); // a parameter file that does not match θ fails here, before any work
        TiSettings settings = md.settings(TiSettings.defaults().friction(), nodes);
        double[][] thetas = ModelEnsemble.of(file.theta(), perturb, scale, md.seed);
        String label = "verify " + phase.name();

        // the DDOS side is cheap: done first, so its problems show before the TI work starts
        PhaseFreeEnergy estimator = model.estimator(stored, err);
        FreeEnergy[][] ddos = estimator.estimate(thetas, ts, false);
        List<Verification> rows = new ArrayList<>();
        if (earlier != null) {
            for (int m = 0; m < thetas.length; m++) {
                for (int i = 0; i < ts.length; i++) {
                    double[] ti = earlier.at(m, ts[i]);
                    rows.add(Verification.of(m, ti[0], ti[1], ddos[m][i]));
                }
            }
            report(out, err, phase.name(), rows, null);
            return ExitCodes.OK;
        }

        double amu = mass != null ? mass : ref.mass();
        Structure lattice = TiTasks.lattice(new Cell(ref.cell(), new double[3]), ref.positions(), amu);
        HessianCache cache = new HessianCache(model.hessianCache());
        err.printf(Locale.ROOT, "%s: %d model(s), %d atoms; Hessians and TI plans on the driver%n", label, thetas.length, lattice.size());
        err.flush();
        TiTasks tasks = TiTasks.prepare(snap, thetas, lattice, amu, ts, settings, md.seed, cache);
        err.printf(Locale.ROOT, "%s: %d TI tasks of %d MD steps each (%s)%n", label, tasks.size(), settings.stepsPerNode(), settings);
        err.flush();
        List<List<TiResult>> ti = launcher.run(tasks, err, label);

        for (int m = 0; m < thetas.length; m++) {
            for (int i = 0; i < ts.length; i++) rows.add(Verification.of(m, ti.get(m).get(i), phase.reference().atoms(), ddos[m][i]));
        }
        report(out, err, phase.name(), rows, settings);
        return ExitCodes.OK;
    }

    /** Prints the rows and writes the plot; {@code settings} null when F_TI came from an earlier run. */
    private void report(PrintWriter out, PrintWriter err, String phase, List<Verification> rows, TiSettings settings)
            throws java.io.IOException {
        Renderers.print(result(phase, settings, rows), output.format, out);
        if (plot != null) {
            VerifyPlot.write(plot, phase, rows);
            err.println("verify: wrote " + plot);
        }
    }

    /** F_TI against F_DDOS per model and temperature: eV/atom in JSON and CSV, meV/atom in the text table. */
    private Result result(String phase, TiSettings settings, List<Verification> rows) {
        Result result = new Result("verify").textUnits("meV/atom, K");
        String mode = model.mode.name().toLowerCase(Locale.ROOT), errors = model.errorModel.name().toLowerCase(Locale.ROOT);
        result.fields().put("phase", phase).put("mode", mode).put("errorModel", errors);
        boolean split = !rows.isEmpty() && !Double.isNaN(rows.get(0).statisticalError()); // the reference error model does not split its bar
        ResultTable t = new ResultTable("results")
                .column(Column.of("model", null, "0: θ as given; 1, 2, …: θ perturbed").shown("model", "%d"))
                .column(Columns.temperature())
                .column(Column.of("freeEnergyTi", "eV/atom", "F_TI: thermodynamic integration, relative to θ·D_0").shown("F_TI", "meV/atom", 1e3, "%.4f"))
                .column(Columns.error("errorTi", "eV/atom", "F_TI (its statistical σ)", "σ", "%.4f"))
                .column(Column.of("freeEnergy", "eV/atom", "F_DDOS: ScoreDOS's estimate, relative to θ·D_0").shown("F_DDOS", "meV/atom", 1e3, "%.4f"))
                .column(Columns.error("error", "eV/atom", "F_DDOS", "δ", "%.4f"));
        if (split) t.column(Columns.statisticalError().notInText()).column(Columns.systematicError().notInText());
        t.column(Column.of("difference", "eV/atom", "F_DDOS − F_TI").shown("difference", "meV/atom", 1e3, "%.4f"))
                .column(Column.of("covered", null, "|F_DDOS − F_TI| ≤ δ + 2σ").shown("covered", null));
        for (Verification r : rows) {
            List<Object> row = new ArrayList<>(List.of(r.model(), r.temperature(), r.freeEnergyTi(), r.errorTi(), r.freeEnergy(), r.error()));
            if (split) row.addAll(List.of(r.statisticalError(), r.systematicError()));
            row.addAll(List.of(r.difference(), r.covered()));
            t.row(row.toArray());
        }
        result.heading(settings == null ? String.format(Locale.ROOT, "phase %s, %s mode, %s error model; TI from %s", phase, mode, errors, tiFrom)
                : String.format(Locale.ROOT, "phase %s, %s mode, %s error model; TI: %d λ nodes × (%d + %d) steps of %s ps, seed %d", phase, mode,
                        errors, settings.nodes(), settings.equilibrationSteps(), settings.samples() * settings.stride(), settings.timestep(), md.seed));
        if (rows.stream().anyMatch(r -> r.model() > 0)) {
            result.heading(String.format(Locale.ROOT, "model 0: θ as given; models 1, …: θ perturbed (scale %s, seed %d)", scale, md.seed));
        }
        result.heading("F per atom relative to the lattice energy; covered: |F_DDOS − F_TI| ≤ δ + 2σ");
        if (rows.stream().anyMatch(r -> Double.isNaN(r.error()))) result.summary("δ \"-\": the error model gave no DDOS error bar (not covered)");
        return result.table(t);
    }
}
