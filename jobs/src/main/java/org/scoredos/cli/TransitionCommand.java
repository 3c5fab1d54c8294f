package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.Plots;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.PhaseBoundary;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.estimate.StoredPhase;
import org.scoredos.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ΔF(T) between two phases under the same θ, and the transition temperature. */
@Command(name = "transition", mixinStandardHelpOptions = true,
        description = {"Free-energy difference ΔF(T) = [θ·D_0 + F](first phase) − [θ·D_0 + F](second phase), in eV/atom, "
                + "with its error bar δΔF = sqrt(δF₁² + δF₂²) and both phases' F, error, α* and solved flag at every "
                + "temperature, and the transition temperature T_c where ΔF first changes sign (linear interpolation between "
                + "grid temperatures; \"no transition in range\" when it keeps one sign).",
            "T_c carries its error bar δT_c = δΔF(T_c)/|dΔF/dT| (slope of the bracketing grid points) and is extrapolated "
                + "when either phase is unsolved (α* at the edge of its sampled range) at either bracketing temperature; "
                + "an extrapolated T_c is also warned about on stderr.",
            "With --pressure P (GPa) and phases sampled at several strains (campaign output directories), ΔG(T) of the Gibbs "
                + "free energies at P instead; with --pressures LO:HI:N the phase boundary T_c(P), each T_c refined by Newton's "
                + "method, with the Clausius–Clapeyron slope ΔV/ΔS beside the finite-difference slope of T_c(P)."})
final class TransitionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phase", required = true, paramLabel = "NAME=DIR",
            description = "a phase and its summary store (or DescriptorDOS .json[.gz], or a campaign output directory of several "
                    + "strains for --pressure/--pressures); give exactly two")
    List<String> phases;

    @Mixin
    ThetaOptions theta;

    @Option(names = "--temperatures", defaultValue = "500:2500:31", paramLabel = "T",
            description = "LO:HI:N or a comma-separated list, in K (default: ${DEFAULT-VALUE})")
    String temperatures;

    @Option(names = "--pressure", paramLabel = "P", description = "pressure in GPa: ΔG(T) of the Gibbs free energies of two multi-volume phases")
    Double pressure;

    @Option(names = "--pressures", paramLabel = "P", description = "LO:HI:N or a comma-separated list, in GPa: the phase boundary T_c(P)")
    String pressures;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE", description = "write ΔF(T) with its error band, the unsolved region shaded and T_c marked "
            + "(with --pressures: T_c(P) with its error band)" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        CommandSupport.NamedPhase[] named = CommandSupport.twoPhases(spec, phases);
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        if (pressure != null && pressures != null) throw new BadInputException("--pressure and --pressures: give one");
        double[] ps = pressures == null ? null : Pressures.parse(spec, pressures);
        CommandSupport.checkPlot(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        StoredPhase first = PhaseModelOptions.read(named[0].path(), "--phase " + named[0].name());
        StoredPhase second = PhaseModelOptions.read(named[1].path(), "--phase " + named[1].name());
        double[] theta = this.theta.read(err, first, second).theta();
        if (ps != null) {
            GibbsEstimator a = model.gibbs(first, err, ps[0]), b = model.gibbs(second, err, ps[0]);
            new BoundaryReport(named[0].name(), named[1].name(), model, new PhaseBoundary(a, b).trace(theta, ps, ts)).write(out, err, output.format, plot);
            return ExitCodes.OK;
        }
        PhaseTransition transition = new PhaseTransition(model.estimator(first, err, pressure), model.estimator(second, err, pressure));
        PhaseTransition.Table table = transition.table(theta, ts);
        double[] lattice = {transition.first().latticeEnergy(theta), transition.second().latticeEnergy(theta)};
        TransitionFlags flags = new TransitionFlags(named[0].name(), named[1].name());
        String summary = table.hasTransition() ? flags.tc(table)
                : "no transition in range: ΔF keeps one sign from " + TransitionFlags.kelvin(ts[0]) + " to "
                        + TransitionFlags.kelvin(ts[ts.length - 1]) + "; " + flags.unsolvedRanges(table);
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(named, lattice, table, summary));
            case CSV -> csv(out, table);
            default -> text(out, named, lattice, table, summary);
        }
        out.flush();
        if (output.format == OutputFormat.CSV || (output.format == OutputFormat.JSON && !table.hasTransition())) {
            err.println("transition: " + summary);
        }
        if (table.hasTransition() && table.tc().extrapolated()) {
            err.printf("transition: warning: T_c = %.2f K is an extrapolation beyond the sampled α range (%s)%n",
                    table.tc().temperature(), flags.bracketCause(table));
        }
        if (plot != null) {
            Plots.transition(plot, named[0].name(), named[1].name(), table);
            err.println("transition: wrote " + plot);
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> json(CommandSupport.NamedPhase[] named, double[] lattice, PhaseTransition.Table table, String summary) {
        Map<String, Object> root = new LinkedHashMap<>();
        CommandSupport.declareConvention(root);
        for (int p = 0; p < 2; p++) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("phase", named[p].name());
            phase.put("latticeEnergy", lattice[p]);
            root.put(p == 0 ? "first" : "second", phase);
        }
        root.put("mode", model.mode.name().toLowerCase());
        if (pressure != null) {
            root.put("pressure", pressure);
            root.put("pressureUnit", "GPa");
            root.put("freeEnergy", "Gibbs: G(P, T), each phase's F relative to the lattice energy of its reference strain");
        }
        root.put("tc", TransitionFlags.json(table.tc()));
        if (!table.hasTransition()) root.put("message", summary);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PhaseTransition.Difference d : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", d.temperature());
            row.put("deltaF", d.deltaF());
            row.put("deltaFError", TransitionFlags.finite(d.error()));
            row.put("solved", d.solved());
            row.put("first", TransitionFlags.json(d.first()));
            row.put("second", TransitionFlags.json(d.second()));
            rows.add(row);
        }
        root.put("table", rows);
        return root;
    }

    private static void csv(PrintWriter out, PhaseTransition.Table table) {
        CommandSupport.conventionLine(out);
        out.println("temperature,deltaF,deltaFError,solved,firstFreeEnergy,firstError,firstAlphaStar,firstSolved,"
                + "secondFreeEnergy,secondError,secondAlphaStar,secondSolved");
        for (PhaseTransition.Difference d : table.rows()) {
            out.println(d.temperature() + "," + d.deltaF() + "," + d.error() + "," + d.solved() + "," + csv(d.first()) + "," + csv(d.second()));
        }
    }

    private static String csv(FreeEnergy f) {
        return f.freeEnergy() + "," + f.error() + "," + f.alphaStar() + "," + f.solved();
    }

    private void text(PrintWriter out, CommandSupport.NamedPhase[] named, double[] lattice, PhaseTransition.Table table, String summary) {
        CommandSupport.conventionLine(out);
        String a = named[0].name(), b = named[1].name();
        out.printf("ΔF = G(%s) − G(%s), %s mode; lattice energies θ·D_0: %s %.9f, %s %.9f eV/atom%n", a, b,
                model.mode.name().toLowerCase(), a, lattice[0], b, lattice[1]);
        out.println("energies in eV/atom, each with its error bar; F of a phase relative to its θ·D_0; "
                + "solved: α* inside the sampled range");
        if (pressure != null) {
            out.println("at P = " + GibbsReport.number(pressure) + " GPa: F is G(P, T) − θ·D_0 of the phase's reference strain, "
                    + "solved also needs V* inside the sampled volumes");
        }
        out.printf("%10s %14s %9s  %14s %9s %9s %6s  %14s %9s %9s %6s%n", "T (K)", "ΔF", "±δΔF", "F(" + a + ")", "±δF",
                "α*", "solved", "F(" + b + ")", "±δF", "α*", "solved");
        for (PhaseTransition.Difference d : table.rows()) {
            out.printf("%10.2f %14.9f %9.6f  %14.9f %9.6f %9.5f %6s  %14.9f %9.6f %9.5f %6s%n", d.temperature(), d.deltaF(), d.error(),
                    d.first().freeEnergy(), d.first().error(), d.first().alphaStar(), d.first().solved() ? "yes" : "no",
                    d.second().freeEnergy(), d.second().error(), d.second().alphaStar(), d.second().solved() ? "yes" : "no");
        }
        out.println(summary);
    }
}
