package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.PngPlots;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.FineTuner;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.summary.PhaseSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Back-propagates a target transition temperature into new coefficients. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Tunes θ so that the transition between two phases moves to the target temperature, without "
                + "new sampling: projected gradient descent on ½ΔF(T*)² + ½r|θ − θ_0|² that keeps the 0 K energy "
                + "difference fixed. Writes the tuned coefficients as a LAMMPS .snapcoeff (header and β0 of the input)."})
final class FinetuneCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phase", required = true, paramLabel = "NAME=DIR",
            description = "a phase and its summary store (or DescriptorDOS .json[.gz]); give exactly two")
    List<String> phases;

    @Option(names = "--coeff", required = true, paramLabel = "FILE", description = "the starting θ_0 (.snapcoeff or plain list)")
    Path coeff;

    @Option(names = "--target-tc", required = true, paramLabel = "K", description = "the target transition temperature T*, K")
    double targetTc;

    @Option(names = "--steps", defaultValue = "20", description = "gradient steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rate", defaultValue = "2.5e-5", description = "step size δ (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--ridge", defaultValue = "5.0", description = "ridge r pulling θ towards θ_0 (default: ${DEFAULT-VALUE})")
    double ridge;

    @Option(names = "--temperatures", defaultValue = "500:2500:31", paramLabel = "T",
            description = "the grid on which T_c is located at each step (default: ${DEFAULT-VALUE})")
    String temperatures;

    @Option(names = "--out", required = true, paramLabel = "FILE.snapcoeff", description = "where to write the tuned coefficients")
    Path outFile;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write T_c per step as a PNG")
    Path plot;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        CommandSupport.NamedPhase[] named = CommandSupport.twoPhases(spec, phases);
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkOutput(plot, "--plot");
        FineTuner.Settings settings = new FineTuner.Settings(targetTc, steps, rate, ridge);
        CommandSupport.checkOutput(outFile, "--out");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        PhaseSummary first = PhaseModelOptions.read(named[0].path(), "--phase " + named[0].name());
        PhaseSummary second = PhaseModelOptions.read(named[1].path(), "--phase " + named[1].name());
        CoefficientFile start = CommandSupport.theta(coeff, err, first, second);
        PhaseTransition transition = new PhaseTransition(model.estimator(first, err), model.estimator(second, err));
        FineTuner.Trajectory run = new FineTuner(transition, ts).run(start.theta(), settings, (s, tc, dF) -> {
            err.printf("finetune: step %d/%d: T_c = %s, ΔF(T*) = %.6g eV/atom%n", s, steps,
                    Double.isNaN(tc) ? "none in range" : String.format("%.2f K", tc), dF);
            err.flush();
        });
        double[] theta = run.finalTheta();
        start.writeSnapcoeff(outFile, theta, String.format("scoredos finetune: %s/%s transition moved towards %.2f K (%s mode, %d steps, rate %g, ridge %g)",
                named[0].name(), named[1].name(), targetTc, model.mode.name().toLowerCase(), steps, rate, ridge));
        switch (output.format) {
            case JSON -> {
                Map<String, Object> root = new LinkedHashMap<>();
                CommandSupport.declareConvention(root);
                List<Double> tc = new ArrayList<>();
                for (double t : run.tc()) tc.add(Double.isNaN(t) ? null : t);
                root.put("trajectory", tc);
                root.put("theta", theta);
                JsonOutput.print(out, root);
            }
            case CSV -> {
                CommandSupport.conventionLine(out);
                out.println("step,tc,deltaF");
                for (int s = 0; s < run.tc().length; s++) {
                    out.println(s + "," + (Double.isNaN(run.tc()[s]) ? "" : run.tc()[s]) + "," + run.deltaFAtTarget()[s]);
                }
            }
            default -> {
                CommandSupport.conventionLine(out);
                out.printf("%5s %12s %18s%n", "step", "T_c (K)", "ΔF(T*) (eV/atom)");
                for (int s = 0; s < run.tc().length; s++) {
                    out.printf("%5d %12s %18.9f%n", s, Double.isNaN(run.tc()[s]) ? "none" : String.format("%.4f", run.tc()[s]),
                            run.deltaFAtTarget()[s]);
                }
                out.println("tuned coefficients written to " + outFile);
            }
        }
        out.flush();
        if (plot != null) {
            PngPlots.fineTuning(plot, run.tc(), targetTc);
            err.println("finetune: wrote " + plot);
        }
        return ExitCodes.OK;
    }
}
