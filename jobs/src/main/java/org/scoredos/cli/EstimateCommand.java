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
import org.scoredos.estimate.PhaseFreeEnergy;
import org.scoredos.estimate.StoredPhase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** F(θ, T) of one phase from its summaries: free energy, error, α*, solved flag, gradient. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Free energy per atom of one phase for the coefficients θ at each temperature, from its stored "
                + "summaries: F (relative to the lattice energy θ·D_0), its error bar, the optimal isosurface α*, "
                + "whether α* lies inside the sampled range (solved), and with --gradient ∂(θ·D_0 + F)/∂θ.",
            "Energies in eV/atom, temperatures in K."})
final class EstimateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--summaries", required = true, paramLabel = "DIR",
            description = "the phase's summary store (or a DescriptorDOS campaign exported to .json[.gz])")
    Path summaries;

    @Option(names = "--coeff", required = true, paramLabel = "FILE",
            description = "θ: a single-element LAMMPS .snapcoeff (β0 dropped) or a plain list of the d numbers; checked against "
                    + "the element and descriptor the store records")
    Path coeff;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, both ends included) or a comma-separated list, in K")
    String temperatures;

    @Option(names = "--gradient", description = "also give ∂(θ·D_0 + F)/∂θ, the thermal-average descriptor")
    boolean gradient;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write F(T) with its error band as a PNG")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        StoredPhase phase = PhaseModelOptions.read(summaries, "--summaries");
        double[] theta = CommandSupport.theta(coeff, err, phase).theta();
        PhaseFreeEnergy estimator = model.estimator(phase, err);
        FreeEnergy[] results = estimator.estimate(theta, ts, gradient);
        double lattice = estimator.latticeEnergy(theta);
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(phase.name(), lattice, results));
            case CSV -> csv(out, results);
            default -> text(out, phase.name(), lattice, results);
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

    private Map<String, Object> json(String phase, double lattice, FreeEnergy[] results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", phase);
        CommandSupport.declareConvention(root);
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

    private void csv(PrintWriter out, FreeEnergy[] results) {
        CommandSupport.conventionLine(out);
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

    private void text(PrintWriter out, String phase, double lattice, FreeEnergy[] results) {
        CommandSupport.conventionLine(out);
        out.printf("phase %s, %s mode, %s error model; lattice energy θ·D_0 = %.9f eV/atom%n", phase,
                model.mode.name().toLowerCase(), model.errorModel.name().toLowerCase(), lattice);
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
