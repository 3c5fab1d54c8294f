package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.PngPlots;
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
                + "G(P, T) = min_V [A(V, T) + PV] instead, with V*, thermal expansion, bulk modulus, S, H and C_P, each with its error bar.",
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
            description = "pressure in GPa: G(P, T) of a phase sampled at several strains (V* must lie inside the sampled volumes)")
    Double pressure;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write F(T) with its error band as a PNG (with --pressure: V*(T))")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        StoredPhase phase = PhaseModelOptions.read(summaries, "--summaries");
        double[] theta = this.theta.read(err, phase).theta();
        if (pressure != null) return gibbs(phase, theta, ts, out, err);
        PhaseFreeEnergy estimator = model.estimator(phase, err);
        if (thermo) return thermo(phase.name(), estimator, theta, ts, out);
        FreeEnergy[] results = estimator.estimate(theta, ts, gradient);
        double lattice = estimator.latticeEnergy(theta);
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(phase.name(), estimator.quantity(), lattice, results));
            case CSV -> csv(out, estimator.quantity(), results);
            default -> text(out, phase.name(), estimator.method(), lattice, results);
        }
        out.flush();
        if (plot != null) {
            double[] f = new double[ts.length], e = new double[ts.length];
            boolean[] solved = new boolean[ts.length];
            for (int i = 0; i < ts.length; i++) {
                f[i] = results[i].freeEnergy();
                e[i] = results[i].error();
                solved[i] = results[i].solved();
            }
            PngPlots.freeEnergy(plot, phase.name(), ts, f, e, solved);
            err.println("estimate: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    /** S, E and C_V at the store's volume; with --pressure the Gibbs table already carries S, H and C_P. */
    private int thermo(String phase, PhaseFreeEnergy estimator, double[] theta, double[] ts, PrintWriter out) {
        if (gradient) throw new BadInputException("--thermo and --gradient: give one (the gradient is of F; see estimate without --thermo)");
        if (plot != null) throw new BadInputException("--thermo and --plot: the plot is of F(T); run estimate without --thermo for it");
        ThermoReport report = new ThermoReport(phase, estimator.latticeEnergy(theta), ThermalProperties.of(estimator, theta, ts));
        String mode = model.mode.name().toLowerCase(), errors = model.errorModel.name().toLowerCase();
        switch (output.format) {
            case JSON -> JsonOutput.print(out, report.json(mode, errors));
            case CSV -> report.csv(out);
            default -> report.text(out, estimator.method());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** G(P, T) of a multi-volume phase (a single volume is refused by its loader) and V*(T) as the plot. */
    private int gibbs(StoredPhase phase, double[] theta, double[] ts, PrintWriter out, PrintWriter err) throws java.io.IOException {
        GibbsEstimator estimator = model.gibbs(phase, err, pressure);
        GibbsFreeEnergy[] rows = estimator.gibbs(theta, ts, gradient);
        GibbsReport report = new GibbsReport(estimator, rows, gradient);
        report.checkSomeVolumeInside();
        String mode = model.mode.name().toLowerCase(), errors = model.errorModel.name().toLowerCase();
        switch (output.format) {
            case JSON -> JsonOutput.print(out, report.json(mode, errors));
            case CSV -> report.csv(out);
            default -> report.text(out, mode, errors);
        }
        out.flush();
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
            PngPlots.curve(plot, "V*(T) of " + phase.name() + " at " + GibbsReport.number(pressure) + " GPa", "T (K)", "V* (Å^3/atom)",
                    ts, v, e, solved, "unsolved");
            err.println("estimate: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> json(String phase, String quantity, double lattice, FreeEnergy[] results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", phase);
        CommandSupport.declareConvention(root);
        if (!"F".equals(quantity)) root.put("quantity", quantity); // freeEnergy is a difference to the reference model
        root.put("latticeEnergy", lattice);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FreeEnergy r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", r.temperature());
            row.put("freeEnergy", r.freeEnergy());
            row.put("error", r.error());
            if (!Double.isNaN(r.statisticalError())) { // the reference error model does not split its error bar
                row.put("statisticalError", r.statisticalError());
                row.put("systematicError", r.systematicError());
            }
            row.put("alphaStar", r.alphaStar());
            row.put("solved", r.solved());
            if (gradient) row.put("gradient", r.gradient());
            rows.add(row);
        }
        root.put("results", rows);
        return root;
    }

    private void csv(PrintWriter out, String quantity, FreeEnergy[] results) {
        CommandSupport.conventionLine(out);
        if (!"F".equals(quantity)) out.println("# quantity: freeEnergy is " + quantity + " (difference to the reference model)");
        StringBuilder head = new StringBuilder("temperature,freeEnergy,error,statisticalError,systematicError,alphaStar,solved");
        if (gradient) for (int i = 0; i < results[0].gradient().length; i++) head.append(",gradient").append(i);
        out.println(head);
        for (FreeEnergy r : results) {
            StringBuilder row = new StringBuilder();
            row.append(r.temperature()).append(',').append(r.freeEnergy()).append(',').append(r.error()).append(',')
                    .append(r.statisticalError()).append(',').append(r.systematicError()).append(',').append(r.alphaStar()).append(',').append(r.solved());
            if (gradient) for (double g : r.gradient()) row.append(',').append(g);
            out.println(row);
        }
    }

    private void text(PrintWriter out, String phase, String method, double lattice, FreeEnergy[] results) {
        CommandSupport.conventionLine(out);
        out.printf("phase %s, %s; lattice energy θ·D_0 = %.9f eV/atom%n", phase, method, lattice);
        out.printf("%10s %16s %12s %12s %12s %10s %s%n", "T (K)", "F (eV/atom)", "error", "statistical", "systematic",
                "alpha*", "solved");
        for (FreeEnergy r : results) {
            out.printf("%10.2f %16.9f %12.6f %12s %12s %10.5f %s%n", r.temperature(), r.freeEnergy(), r.error(),
                    part(r.statisticalError()), part(r.systematicError()), r.alphaStar(),
                    r.solved() ? "yes" : "no (α* at the sampled edge)");
            if (gradient) {
                StringBuilder g = new StringBuilder("           gradient:");
                for (double x : r.gradient()) g.append(' ').append(String.format("%.9g", x));
                out.println(g);
            }
        }
    }

    /** An error part, or "-" where the error model does not split the error bar. */
    private static String part(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.6f", value);
    }
}
