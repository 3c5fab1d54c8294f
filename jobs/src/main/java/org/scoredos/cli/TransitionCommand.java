package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.Plots;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.GibbsEstimator;
import org.scoredos.estimate.MeltingShift;
import org.scoredos.estimate.PhaseBoundary;
import org.scoredos.estimate.PhaseFreeEnergy;
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

    @Option(names = "--reference-tc", paramLabel = "T_M",
            description = "T_m of the reference model θ_ref, in K: with a solid phase and a liquid store of MD snapshots in difference "
                    + "mode (no lattice, no --anchor), report T_m(θ) and δT_m = T_m(θ) − T_M with the latent heat, ΔS_ref, their error "
                    + "bars, the dropped curvature term and ∂T_m/∂θ instead of ΔF(T) (lib/docs/method.md §6); T_M must lie inside the "
                    + "liquid's sampled temperatures and where the solid is solved")
    Double referenceTc;

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
        StoredPhase first = model.read(named[0].path(), "--phase " + named[0].name());
        StoredPhase second = model.read(named[1].path(), "--phase " + named[1].name());
        double[] theta = this.theta.read(err, first, second).theta();
        if (referenceTc != null) {
            if (pressure != null || ps != null) throw new BadInputException("--reference-tc: the melting shift is at fixed volume; drop --pressure/--pressures");
            if (plot != null) throw new BadInputException("--reference-tc: no ΔF(T) to plot; drop --plot");
            PhaseFreeEnergy a = model.estimator(first, err);
            MeltingShift shift = MeltingShift.between(a, model.estimator(second, err), referenceTc);
            boolean liquidFirst = shift.liquid() == a;
            new MeltingReport(named[liquidFirst ? 1 : 0], named[liquidFirst ? 0 : 1], this.theta.source().toString(), shift.at(theta, true))
                    .write(out, err, output.format);
            return ExitCodes.OK;
        }
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
        Renderers.print(result(named, lattice, table, summary), output.format, out);
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

    /** ΔF(T) with both phases' estimates per row, T_c (null when none) and the no-transition message among the fields. */
    private Result result(CommandSupport.NamedPhase[] named, double[] lattice, PhaseTransition.Table table, String summary) {
        Result result = new Result("transition");
        String[] sides = {"first", "second"};
        for (int p = 0; p < 2; p++) {
            result.fields().record(sides[p]).put("phase", named[p].name()).put("store", named[p].path().toString())
                    .put("latticeEnergy", "eV/atom", "θ·D_0 of the phase: the zero of its F", lattice[p]);
        }
        result.fields().put("model", theta.source().toString()).put("mode", model.mode.name().toLowerCase());
        if (pressure != null) {
            result.fields().put("pressure", "GPa", "the pressure of the Gibbs free energies", pressure)
                    .put("freeEnergy", "Gibbs: G(P, T), each phase's F relative to the lattice energy of its reference strain");
        }
        PhaseTransition.Crossing c = table.tc();
        if (c == null) {
            result.fields().put("tc", null, null, null).put("message", summary);
        } else {
            result.fields().record("tc").put("temperature", "K", "T_c: where ΔF first changes sign (linear between grid temperatures)", c.temperature())
                    .put("error", "K", "δT_c = δΔF(T_c)/|dΔF/dT|", c.error())
                    .put("extrapolated", null, "either phase unsolved (α* at the sampled edge) at a bracketing temperature", c.extrapolated())
                    .put("bracket", "K", "the grid temperatures either side of T_c", new double[] {c.below(), c.above()});
        }
        String a = named[0].name(), b = named[1].name();
        ResultTable t = new ResultTable("table").column(Columns.temperature())
                .column(Column.of("deltaF", "eV/atom", "ΔF = [θ·D_0 + F](first) − [θ·D_0 + F](second)").shown("ΔF", "%.9f"))
                .column(Columns.error("deltaFError", "eV/atom", "ΔF: sqrt(δF₁² + δF₂²)", "δΔF", "%.6f"))
                .column(Column.of("solved", null, "both phases solved").notInText());
        for (int p = 0; p < 2; p++) {
            String name = named[p].name();
            t.column(Column.of("freeEnergy", "eV/atom", "F − θ·D_0 of " + name).in(sides[p]).shown("F(" + name + ")", "%.9f"))
                    .column(Columns.error("error", "eV/atom", "F of " + name, "δF", "%.6f").in(sides[p]))
                    .column(Columns.alphaStar().in(sides[p]))
                    .column(Columns.solved().in(sides[p]));
        }
        for (PhaseTransition.Difference d : table.rows()) {
            t.row(d.temperature(), d.deltaF(), d.error(), d.solved(), d.first().freeEnergy(), d.first().error(), d.first().alphaStar(),
                    d.first().solved(), d.second().freeEnergy(), d.second().error(), d.second().alphaStar(), d.second().solved());
        }
        result.table(t).heading(String.format(Locale.ROOT, "ΔF = G(%s) − G(%s), %s mode; lattice energies θ·D_0: %s %.9f, %s %.9f eV/atom", a, b,
                model.mode.name().toLowerCase(), a, lattice[0], b, lattice[1]))
                .heading("each F relative to its phase's θ·D_0; solved: α* inside the sampled range");
        if (pressure != null) {
            result.heading("at P = " + GibbsReport.number(pressure) + " GPa: F is G(P, T) − θ·D_0 of the phase's reference strain, "
                    + "solved also needs V* inside the sampled volumes");
        }
        return result.summary(summary);
    }
}
