package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scoredos.campaign.CampaignConfig;
import org.scoredos.campaign.CampaignFiles;
import org.scoredos.campaign.CampaignLauncher;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.io.BadInputException;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoredos quickstart}: the bundled small W bcc campaign in Spark local mode, then F(T)
 * of its own SNAP potential from the summaries, beside the classical harmonic free energy of
 * the same potential (the low-temperature limit F must approach), and a PNG plot.
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the bundled W bcc campaign (conf/campaigns/quickstart.yaml: 16 atoms, 8 isosurfaces, "
                    + "128 samples each; about a minute on two cores) in Spark local mode, estimates F(T) of the "
                    + "bundled W SNAP potential from its summaries and writes a PNG plot. Running it again reuses "
                    + "the committed shards."
        })
public final class QuickstartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "scoredos-quickstart", paramLabel = "DIR",
            description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--temperatures", defaultValue = "200:1600:8", paramLabel = "LO:HI:N|T1,T2,...",
            description = "temperatures, K (default ${DEFAULT-VALUE})")
    String temperatures;

    @Option(names = "--hessian-cache", paramLabel = "DIR", description = "where reference Hessians are kept (default: ~/.cache/scoredos/hessians)")
    Path hessianCache;

    @Mixin
    FormatOption output;

    /** One row of the result: the estimate beside the harmonic free energy of the same potential. */
    record Row(double temperature, double freeEnergy, double error, double alphaStar, boolean solved, double harmonicFreeEnergy) {}

    @Override
    public Integer call() throws Exception {
        double[] grid = parseTemperatures();
        Path config = bundledConfig();
        PrintWriter err = spec.commandLine().getErr();
        CampaignLauncher.Options options = new CampaignLauncher.Options(out.toString(), null, master, 0,
                hessianCache != null ? hessianCache : CampaignCommand.defaultHessianCache(), Duration.ofSeconds(5));
        CampaignLauncher.run(config, options, err);

        CampaignConfig c = CampaignLauncher.config(config, options);
        PhaseSummary phase = SummaryStore.read(out.resolve("summaries").resolve(c.name()));
        Path base = config.toAbsolutePath().getParent();
        double[] theta = CampaignFiles.reference(c, base).elements().get(0).linear();
        IsosurfaceEstimator estimator = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH);
        FreeEnergy[] f = estimator.estimate(theta, grid, false);

        List<Row> rows = new ArrayList<>();
        for (FreeEnergy e : f) {
            rows.add(new Row(e.temperature(), e.freeEnergy(), e.error(), e.alphaStar(), e.solved(),
                    harmonicFreeEnergy(phase.reference(), e.temperature())));
        }
        Path png = out.resolve("free-energy.png");
        boolean[] solved = new boolean[rows.size()];
        for (int i = 0; i < solved.length; i++) solved[i] = rows.get(i).solved();
        org.scoredos.cli.plot.Plots.freeEnergy(png, "W bcc, " + phase.reference().atoms() + " atoms: quickstart campaign",
                rows.stream().mapToDouble(Row::temperature).toArray(), rows.stream().mapToDouble(Row::freeEnergy).toArray(),
                rows.stream().mapToDouble(Row::error).toArray(), solved, "harmonic", rows.stream().mapToDouble(Row::harmonicFreeEnergy).toArray());
        Renderers.print(result(phase.name(), estimator.latticeEnergy(theta), rows, png), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * F_harm in the reported 3N convention, 3 k_B T ⟨ln(ħΩ_l/k_B T)⟩, from the stored constants
     * alone: ⟨ln ω_l⟩ = ln ω̄ + ⟨ln ν⟩, Ω_l = √(ω_l c/m).
     */
    static double harmonicFreeEnergy(ReferenceConstants r, double temperature) {
        double kT = Units.KB * temperature;
        double meanLogOmega = Math.log(r.omegaBar()) + r.meanLogNu();
        double perMode = 0.5 * (meanLogOmega + Math.log(Units.EV_PER_AMU_A2_IN_PS2 / r.mass())) + Math.log(Units.HBAR / kT);
        return 3 * kT * perMode;
    }

    private double[] parseTemperatures() {
        try {
            return Temperatures.parse(temperatures);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--temperatures: " + e.getMessage());
        }
    }

    private static Path bundledConfig() {
        String home = System.getProperty("scoredos.home");
        List<Path> candidates = new ArrayList<>();
        if (home != null) candidates.add(Path.of(home, "conf", "campaigns", "quickstart.yaml"));
        candidates.add(Path.of("conf", "campaigns", "quickstart.yaml"));
        candidates.add(Path.of("..", "conf", "campaigns", "quickstart.yaml"));
        for (Path p : candidates) if (Files.isRegularFile(p)) return p;
        throw new BadInputException("conf/campaigns/quickstart.yaml not found (run from the ScoreDOS directory, or through deploy/bin/scoredos)");
    }

    /** F(T) of the bundled potential beside its harmonic free energy, the lattice energy they are relative to, and the plot. */
    static Result result(String phase, double latticeEnergy, List<Row> rows, Path png) {
        Result result = new Result("quickstart");
        result.fields().put("phase", phase)
                .put("latticeEnergy", "eV/atom", "θ·D_0: the potential's energy of the perfect lattice, the zero of F", latticeEnergy)
                .put("plot", png.toString());
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Columns.freeEnergy("F(T) of the bundled W SNAP potential from the campaign's summaries, relative to the lattice energy"))
                .column(Columns.error("error", "eV/atom", "F", "error", "%.6f"))
                .column(Columns.alphaStar())
                .column(Columns.solved())
                .column(Column.of("harmonicFreeEnergy", "eV/atom", "F_harm of the same potential (the low-temperature limit of F), relative to the lattice energy")
                        .shown("F_harmonic", "%.9f"));
        for (Row r : rows) t.row(r.temperature(), r.freeEnergy(), r.error(), r.alphaStar(), r.solved(), r.harmonicFreeEnergy());
        return result.table(t)
                .heading(String.format(java.util.Locale.ROOT, "phase %s: lattice energy θ·D0 = %.6f eV/atom; F relative to it", phase, latticeEnergy))
                .summary("plot: " + png);
    }
}
