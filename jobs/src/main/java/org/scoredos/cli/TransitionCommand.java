package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.PngPlots;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.summary.PhaseSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ΔF(T) between two phases under the same θ, and the transition temperature. */
@Command(name = "transition", mixinStandardHelpOptions = true,
        description = {"Free-energy difference ΔF(T) = [θ·D_0 + F](first phase) − [θ·D_0 + F](second phase), in eV/atom, "
                + "and the transition temperature T_c where ΔF first changes sign (linear interpolation between grid "
                + "temperatures; \"no transition in range\" when it keeps one sign)."})
final class TransitionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phase", required = true, paramLabel = "NAME=DIR",
            description = "a phase and its summary store (or DescriptorDOS .json[.gz]); give exactly two")
    List<String> phases;

    @Option(names = "--coeff", required = true, paramLabel = "FILE",
            description = "θ: a single-element LAMMPS .snapcoeff (β0 dropped) or a plain list of the d numbers")
    Path coeff;

    @Option(names = "--temperatures", defaultValue = "500:2500:31", paramLabel = "T",
            description = "LO:HI:N or a comma-separated list, in K (default: ${DEFAULT-VALUE})")
    String temperatures;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write ΔF(T) with T_c marked as a PNG")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        CommandSupport.NamedPhase[] named = CommandSupport.twoPhases(spec, phases);
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        PhaseSummary first = PhaseModelOptions.read(named[0].path(), "--phase " + named[0].name());
        PhaseSummary second = PhaseModelOptions.read(named[1].path(), "--phase " + named[1].name());
        double[] theta = CommandSupport.theta(coeff, err, first, second).theta();
        PhaseTransition transition = new PhaseTransition(model.estimator(first, err), model.estimator(second, err));
        PhaseTransition.Table table = transition.table(theta, ts);
        String message = "no transition in range: ΔF keeps one sign from " + ts[0] + " K to " + ts[ts.length - 1] + " K";
        switch (output.format) {
            case JSON -> {
                Map<String, Object> root = new LinkedHashMap<>();
                CommandSupport.declareConvention(root);
                root.put("tc", table.hasTransition() ? table.tc() : null);
                if (!table.hasTransition()) root.put("message", message);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < ts.length; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("temperature", ts[i]);
                    row.put("deltaF", table.deltaF()[i]);
                    rows.add(row);
                }
                root.put("table", rows);
                JsonOutput.print(out, root);
            }
            case CSV -> {
                CommandSupport.conventionLine(out);
                out.println("temperature,deltaF");
                for (int i = 0; i < ts.length; i++) out.println(ts[i] + "," + table.deltaF()[i]);
            }
            default -> {
                CommandSupport.conventionLine(out);
                out.printf("ΔF = G(%s) − G(%s), %s mode%n", named[0].name(), named[1].name(), model.mode.name().toLowerCase());
                out.printf("%10s %16s%n", "T (K)", "ΔF (eV/atom)");
                for (int i = 0; i < ts.length; i++) out.printf("%10.2f %16.9f%n", ts[i], table.deltaF()[i]);
                out.println(table.hasTransition() ? String.format("T_c = %.4f K", table.tc()) : message);
            }
        }
        out.flush();
        if (!table.hasTransition() && output.format != OutputFormat.TEXT) err.println("transition: " + message);
        if (plot != null) {
            PngPlots.transition(plot, named[0].name(), named[1].name(), ts, table.deltaF(), table.tc());
            err.println("transition: wrote " + plot);
        }
        return ExitCodes.OK;
    }
}
