package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.Plots;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.GibbsFreeEnergy;
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.StoredPhase;
import org.scoredos.estimate.ThermalProperties;
import org.scoredos.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** F(θ, T) of one phase from its summaries: free energy, error, α*, solved flag, gradient. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Free energy per atom of one phase for the coefficients θ at each temperature, from its stored "
                + "summaries: F (relative to the lattice energy θ·D_0), its error bar, the optimal isosurface α*, "
                + "whether α* lies inside the sampled range (solved), and with --gradient ∂(θ·D_0 + F)/∂θ.",
            "With --pressure P and a phase sampled at several strains (a campaign's output directory), the Gibbs free energy "
                + "G(P, T) = min_V [A(V, T) + PV] instead, with V*, thermal expansion, bulk modulus, S, H and C_P, each with its error bar "
                + "(the A(V) fit residual's part included) and, beside it, the A(V) fit form's spread over one degree less and more.",
            "Energies in eV/atom, temperatures in K, pressures in GPa, volumes in Å^3/atom."})
final class EstimateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--summaries", required = true, paramLabel = "DIR",
            description = "the phase's summary store, a DescriptorDOS campaign exported to .json[.gz], or a campaign's output "
                    + "directory (several strains: a phase at several volumes, for --pressure)")
    Path summaries;

    @Mixin
    ThetaOptions theta;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, both ends included) or a comma-separated list, in K")
    String temperatures;

    @Option(names = "--gradient", description = "also give ∂(θ·D_0 + F)/∂θ, the thermal-average descriptor")
    boolean gradient;

    @Option(names = "--thermo", description = "also S(T), E(T) and C_V(T) at the sampled volume, from F(T) with error bars")
    boolean thermo;

    @Option(names = "--pressure", paramLabel = "P",
            description = "pressure in GPa: G(P, T) of a phase sampled at several strains (V* must lie inside the sampled volumes). "
                    + "Smooth mode's large-N transforms can bias V* where the shells spread over many k_BT (W bcc at 3000 K: +0.15 %%); "
                    + "--mode integral removes that (jobs/docs/guide.md, \"At fixed pressure\")")
    Double pressure;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE", description = "write F(T) with its error band (with --pressure: V*(T))" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkPlot(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        StoredPhase phase = model.read(summaries, "--summaries");
        double[] theta = this.theta.read(err, phase).theta();
        if (pressure != null) return gibbs(phase, theta, ts, out, err);
        PhaseFreeEnergy estimator = model.estimator(phase, err);
        if (thermo) return thermo(phase.name(), estimator, theta, ts, out);
        FreeEnergy[] results = estimator.estimate(theta, ts, gradient);
        double lattice = estimator.latticeEnergy(theta);
        Renderers.print(result(phase.name(), estimator.method(), estimator.quantity(), lattice, results), output.format, out);
        if (plot != null) {
            double[] f = new double[ts.length], e = new double[ts.length];
            boolean[] solved = new boolean[ts.length];
            for (int i = 0; i < ts.length; i++) {
                f[i] = results[i].freeEnergy();
                e[i] = results[i].error();
                solved[i] = results[i].solved();
            }
            Plots.freeEnergy(plot, phase.name(), ts, f, e, solved);
            err.println("estimate: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    /** S, E and C_V at the store's volume; with --pressure the Gibbs table already carries S, H and C_P. */
    private int thermo(String phase, PhaseFreeEnergy estimator, double[] theta, double[] ts, PrintWriter out) {
        if (gradient) throw new BadInputException("--thermo and --gradient: give one (the gradient is of F; see estimate without --thermo)");
        if (plot != null) throw new BadInputException("--thermo and --plot: the plot is of F(T); run estimate without --thermo for it");
        Result run = run(phase, estimator.method());
        run.fields().put("mode", model.mode.name().toLowerCase()).put("errorModel", model.errorModel.name().toLowerCase());
        Renderers.print(ThermoReport.of(run, phase, estimator.method(), estimator.latticeEnergy(theta), ThermalProperties.of(estimator, theta, ts)),
                output.format, out);
        return ExitCodes.OK;
    }

    /** G(P, T) of a multi-volume phase (a single volume is refused by its loader) and V*(T) as the plot. */
    private int gibbs(StoredPhase phase, double[] theta, double[] ts, PrintWriter out, PrintWriter err) throws java.io.IOException {
        GibbsEstimator estimator = model.gibbs(phase, err, pressure);
        GibbsFreeEnergy[] rows = estimator.gibbs(theta, ts, gradient);
        GibbsReport report = new GibbsReport(estimator, rows, gradient);
        report.checkSomeVolumeInside();
        String mode = model.mode.name().toLowerCase(), errors = model.errorModel.name().toLowerCase();
        Renderers.print(report.result(run(phase.name(), estimator.method()), mode, errors), output.format, out);
        List<Double> edge = report.edgeTemperatures();
        if (!edge.isEmpty()) {
            err.println("estimate: warning: V* at the edge of the sampled volumes (not solved) at " + edge.size() + " of " + ts.length
                    + " temperatures, from " + TransitionFlags.kelvin(edge.get(0)) + " to " + TransitionFlags.kelvin(edge.get(edge.size() - 1)));
        }
        if (plot != null) {
            double[] v = new double[ts.length], e = new double[ts.length];
            boolean[] solved = new boolean[ts.length];
            for (int i = 0; i < ts.length; i++) {
                v[i] = rows[i].volume().value();
                e[i] = rows[i].volume().error();
                solved[i] = rows[i].solved();
            }
            Plots.curve(plot, "V*(T) of " + phase.name() + " at " + GibbsReport.number(pressure) + " GPa", org.scoredos.cli.plot.AxisLabels.TEMPERATURE, org.scoredos.cli.plot.AxisLabels.VOLUME,
                    ts, v, e, solved, "unsolved");
            err.println("estimate: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    /** The fields every estimate result starts with: what was estimated, from which store and θ, and how. */
    private Result run(String phase, String method) {
        Result result = new Result("estimate");
        result.fields().put("phase", phase).put("store", summaries.toString()).put("model", theta.source().toString()).put("method", method);
        return result;
    }

    private Result result(String phase, String method, String quantity, double lattice, FreeEnergy[] results) {
        Result result = run(phase, method);
        // F itself, or (an MD store with no lattice and no anchor) only its difference to the reference model
        if (!"F".equals(quantity)) result.fields().put("quantity", quantity);
        result.fields().put("latticeEnergy", "eV/atom", "θ·D_0: the model's energy of the perfect lattice, the zero of F", lattice);
        boolean split = !Double.isNaN(results[0].statisticalError()); // the reference error model does not split its error bar
        ResultTable table = new ResultTable("results").column(Columns.temperature())
                .column(Columns.freeEnergy("F − θ·D_0: free energy per atom relative to the lattice energy"))
                .column(Columns.error("error", "eV/atom", "F", "δF", "%.6f"));
        if (split) table.column(Columns.statisticalError()).column(Columns.systematicError());
        table.column(Columns.alphaStar()).column(Columns.solved());
        if (gradient) table.column(Columns.gradient());
        for (FreeEnergy r : results) {
            List<Object> row = new ArrayList<>(List.of(r.temperature(), r.freeEnergy(), r.error()));
            if (split) row.addAll(List.of(r.statisticalError(), r.systematicError()));
            row.addAll(List.of(r.alphaStar(), r.solved()));
            if (gradient) row.add(r.gradient());
            table.row(row.toArray());
        }
        return result.table(table).heading(String.format(Locale.ROOT, "phase %s, %s; lattice energy θ·D_0 = %.9f eV/atom", phase, method, lattice))
                .summary("solved: " + Columns.SOLVED);
    }
}
