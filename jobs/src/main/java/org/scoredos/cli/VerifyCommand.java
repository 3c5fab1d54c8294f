package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.scoredos.campaign.SparkContexts;
import org.scoredos.cli.plot.VerifyPlot;
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
import org.scoredos.verify.VerifyJob;
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
            description = "also verify N models θ_i(1 + s·g_i), g_i standard normal (default: ${DEFAULT-VALUE})")
    int perturb;

    @Option(names = "--scale", defaultValue = "0.01", paramLabel = "S", description = "relative perturbation size s (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "K",
            description = "seed of the perturbations and of the TI trajectories (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--nodes", paramLabel = "N", description = "Gauss–Legendre λ nodes (default: 8)")
    Integer nodes;

    @Option(names = "--steps", paramLabel = "N", description = "production MD steps per λ node (default: 20000)")
    Integer steps;

    @Option(names = "--equilibration", paramLabel = "N", description = "equilibration MD steps per λ node (default: 2000)")
    Integer equilibration;

    @Option(names = "--timestep", paramLabel = "PS", description = "Langevin time step, ps (default: 0.002)")
    Double timestep;

    @Option(names = "--stride", paramLabel = "N", description = "MD steps between recorded ΔU samples (default: 10)")
    Integer stride;

    @Option(names = "--blocks", paramLabel = "N", description = "blocks for the TI error bar (default: 20)")
    Integer blocks;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions (default: one per task)")
    int partitions;

    @Option(names = "--hessian-cache", paramLabel = "DIR", description = "where model Hessians are kept (default: ~/.cache/scoredos/hessians)")
    Path hessianCache;

    @Option(names = "--ti-from", paramLabel = "FILE.json",
            description = "take F_TI ± σ from an earlier `verify --format json` run of the same models and temperatures "
                    + "instead of running TI again (TI is seeded: with the same settings it gives the same numbers); "
                    + "only the DDOS side is recomputed, e.g. with another --error-model or --order")
    Path tiFrom;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write F_TI and F_DDOS against T, with error bars, per model")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        SparkConf sparkConf = SparkContexts.conf("scoredos verify", master); // a bad master is refused before any work
        if (partitions < 0) throw new BadInputException("--partitions: must be ≥ 0, got " + partitions);
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
        ModelDescription description = theta.description(params);
        SnapElement element = description.elements().get(0);
        ModelCheck.checkDescriptor(phase.model(), "phase " + phase.name(), params != null ? params : theta.source(), description.snap(),
                element.radius(), element.weight());
        TiTasks.Snap snap = new TiTasks.Snap(description);
        snap.potential(file.theta()); // a parameter file that does not match θ fails here, before any work
        TiSettings settings = settings();
        double[][] thetas = ModelEnsemble.of(file.theta(), perturb, scale, seed);
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
        HessianCache cache = new HessianCache(hessianCache != null ? hessianCache : CampaignCommand.defaultHessianCache());
        err.printf(Locale.ROOT, "%s: %d model(s), %d atoms; Hessians and TI plans on the driver%n", label, thetas.length, lattice.size());
        err.flush();
        TiTasks tasks = TiTasks.prepare(snap, thetas, lattice, amu, ts, settings, seed, cache);
        err.printf(Locale.ROOT, "%s: %d TI tasks of %d MD steps each (%s)%n", label, tasks.size(), settings.stepsPerNode(), settings);
        err.flush();
        List<List<TiResult>> ti;
        try (JavaSparkContext sc = SparkContexts.start(sparkConf)) {
            sc.setLogLevel("WARN");
            ti = VerifyJob.run(sc, tasks, partitions, err, label, Duration.ofSeconds(10));
        }

        for (int m = 0; m < thetas.length; m++) {
            for (int i = 0; i < ts.length; i++) rows.add(Verification.of(m, ti.get(m).get(i), phase.reference().atoms(), ddos[m][i]));
        }
        report(out, err, phase.name(), rows, settings);
        return ExitCodes.OK;
    }

    /** Prints the rows and writes the plot; {@code settings} null when F_TI came from an earlier run. */
    private void report(PrintWriter out, PrintWriter err, String phase, List<Verification> rows, TiSettings settings)
            throws java.io.IOException {
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(phase, rows));
            case CSV -> csv(out, rows);
            default -> text(out, phase, settings, rows);
        }
        out.flush();
        if (plot != null) {
            VerifyPlot.write(plot, phase, rows);
            err.println("verify: wrote " + plot);
        }
    }

    private TiSettings settings() {
        TiSettings d = TiSettings.defaults();
        return new TiSettings(timestep != null ? timestep : d.timestep(), d.friction(),
                equilibration != null ? equilibration : d.equilibrationSteps(), steps != null ? steps : d.productionSteps(),
                stride != null ? stride : d.stride(), blocks != null ? blocks : d.blocks(), nodes != null ? nodes : d.nodes());
    }

    private static Map<String, Object> json(String phase, List<Verification> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", phase);
        CommandSupport.declareConvention(root);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Verification r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("temperature", r.temperature());
            row.put("freeEnergyTi", r.freeEnergyTi());
            row.put("errorTi", r.errorTi());
            row.put("freeEnergy", r.freeEnergy());
            row.put("error", r.error());
            if (!Double.isNaN(r.statisticalError())) { // the reference error model does not split its error bar
                row.put("statisticalError", r.statisticalError());
                row.put("systematicError", r.systematicError());
            }
            row.put("difference", r.difference());
            row.put("covered", r.covered());
            results.add(row);
        }
        root.put("results", results);
        return root;
    }

    private static void csv(PrintWriter out, List<Verification> rows) {
        CommandSupport.conventionLine(out);
        out.println("model,temperature,freeEnergyTi,errorTi,freeEnergy,error,statisticalError,systematicError,difference,covered");
        for (Verification r : rows) {
            out.println(r.model() + "," + r.temperature() + "," + r.freeEnergyTi() + "," + r.errorTi() + "," + r.freeEnergy()
                    + "," + r.error() + "," + r.statisticalError() + "," + r.systematicError() + "," + r.difference() + "," + r.covered());
        }
    }

    private void text(PrintWriter out, String phase, TiSettings settings, List<Verification> rows) {
        CommandSupport.conventionLine(out, "meV/atom, K");
        String mode = model.mode.name().toLowerCase(Locale.ROOT) + " mode, " + model.errorModel.name().toLowerCase(Locale.ROOT)
                + " error model";
        if (settings == null) {
            out.printf(Locale.ROOT, "phase %s, %s; TI from %s%n", phase, mode, tiFrom);
        } else {
            out.printf(Locale.ROOT, "phase %s, %s; TI: %d λ nodes × (%d + %d) steps of %s ps, seed %d%n", phase, mode,
                    settings.nodes(), settings.equilibrationSteps(), settings.samples() * settings.stride(), settings.timestep(), seed);
        }
        out.println("F per atom relative to the lattice energy, meV/atom; covered: |F_DDOS − F_TI| ≤ δ + 2σ");
        int current = -1;
        for (Verification r : rows) {
            if (r.model() != current) {
                current = r.model();
                out.println(current == 0 ? "model 0 (θ as given)"
                        : String.format(Locale.ROOT, "model %d (θ perturbed, scale %s, seed %d)", current, scale, seed));
                out.printf(Locale.ROOT, "%10s %22s %22s %12s  %s%n", "T (K)", "F_TI ± σ", "F_DDOS ± δ", "difference", "covered");
            }
            out.printf(Locale.ROOT, "%10.2f %12.4f ± %7.4f %12.4f ± %7.4f %12.4f  %s%n", r.temperature(), 1e3 * r.freeEnergyTi(),
                    1e3 * r.errorTi(), 1e3 * r.freeEnergy(), 1e3 * r.error(), 1e3 * r.difference(),
                    r.covered() ? "yes" : Double.isNaN(r.error()) ? "no (no DDOS error bar)" : "NO");
        }
    }
}
