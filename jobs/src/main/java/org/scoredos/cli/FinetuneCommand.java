package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.scoredos.cli.plot.Plots;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.FineTuner;
import org.scoredos.estimate.PhaseTransition;
import org.scoredos.estimate.StoredPhase;
import org.scoredos.io.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Back-propagates a target transition temperature into new coefficients. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Tunes θ so that the transition between two phases moves to the target temperature, without "
                + "new sampling: projected gradient descent on ½ΔF(T*)² + ½r|θ − θ_0|² that keeps the 0 K energy "
                + "difference fixed. Writes the tuned coefficients as a LAMMPS .snapcoeff (header and β0 of the input).",
            "Every step reports T_c with its error bar and whether it is solved (both phases' α* inside their sampled "
                + "ranges at the bracketing temperatures) or extrapolated. A target outside the grid is refused; so is one "
                + "where either phase is unsolved for the starting θ, unless --allow-extrapolation. When the last T_c is "
                + "not within --tolerance of the target nothing is written and the exit code is 3.",
            "With --pressure P (GPa) and phases sampled at several strains, the transition at fixed pressure: ΔG of the Gibbs "
                + "free energies, with ∂G/∂θ the envelope derivative at V*; the step keeps θ·ΔD_0 of the reference strains fixed."})
final class FinetuneCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phase", required = true, paramLabel = "NAME=DIR",
            description = "a phase and its summary store (or DescriptorDOS .json[.gz], or a campaign output directory of several "
                    + "strains for --pressure); give exactly two")
    List<String> phases;

    @Mixin
    ThetaOptions theta;

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

    @Option(names = "--tolerance", defaultValue = "10", paramLabel = "K",
            description = "converged when the last T_c is within this of the target; otherwise exit 3 and no coefficients "
                    + "are written (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--allow-extrapolation",
            description = "tune towards a target outside the grid span where both phases are solved for the starting θ "
                    + "(refused otherwise: T_c there is an extrapolation)")
    boolean allowExtrapolation;

    @Option(names = "--out", required = true, paramLabel = "FILE.snapcoeff", description = "where to write the tuned coefficients")
    Path outFile;

    @Option(names = "--pressure", paramLabel = "P", description = "pressure in GPa: tune the transition at fixed pressure (multi-volume phases)")
    Double pressure;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--plot", paramLabel = "FILE", description = "write T_c per step with its error bar and the extrapolated steps marked" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Mixin
    FormatOption output;

    /** The target was not reached within --tolerance: the trajectory is reported, no coefficients written. */
    static final int NOT_CONVERGED = 3;

    @Override
    public Integer call() throws Exception {
        CommandSupport.NamedPhase[] named = CommandSupport.twoPhases(spec, phases);
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        CommandSupport.checkPlot(plot, "--plot");
        FineTuner.Settings settings = new FineTuner.Settings(targetTc, steps, rate, ridge);
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) throw new BadInputException("--tolerance: must be positive, got " + tolerance);
        CommandSupport.checkOutput(outFile, "--out");
        org.scoredos.io.OutputFiles.checkNotAnInput(outFile, "--out", theta.source(), theta.coeff != null ? "--coeff" : "--model"); // never overwrite the input potential
        checkTargetOnGrid(ts);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        StoredPhase first = model.read(named[0].path(), "--phase " + named[0].name());
        StoredPhase second = model.read(named[1].path(), "--phase " + named[1].name());
        CoefficientFile start = theta.read(err, first, second);
        PhaseTransition transition = new PhaseTransition(model.estimator(first, err, pressure), model.estimator(second, err, pressure));
        checkTargetSolved(transition.table(start.theta(), ts));
        TransitionFlags flags = new TransitionFlags(named[0].name(), named[1].name());
        FineTuner.Trajectory run = new FineTuner(transition, ts).run(start.theta(), settings, (s, step) -> {
            err.printf("finetune: step %d/%d: %s, ΔF(T*) = %.6g ± %.2g eV/atom%n", s, steps, TransitionFlags.brief(step.tc()),
                    step.atTarget().deltaF(), step.atTarget().error());
            err.flush();
        });
        FineTuner.Step last = run.last();
        boolean converged = run.converged(tolerance);
        if (converged) {
            start.writeSnapcoeff(outFile, last.theta(), String.format("scoredos finetune: %s/%s transition moved towards %.2f K "
                    + "(%s mode, %d steps, rate %g, ridge %g): T_c = %.2f K, %s", named[0].name(), named[1].name(), targetTc,
                    model.mode.name().toLowerCase(), steps, rate, ridge, last.tcValue(), last.solved() ? "solved" : "extrapolated"));
        }
        String verdict = verdict(run, converged, flags);
        Renderers.print(result(named, run, converged, verdict), output.format, out);
        if (plot != null) {
            Plots.fineTuning(plot, run);
            err.println("finetune: wrote " + plot);
        }
        if (!converged) {
            err.println("finetune: " + verdict + " (more --steps or a larger --rate may reach it)");
            return NOT_CONVERGED;
        }
        if (output.format == OutputFormat.CSV) err.println("finetune: " + verdict);
        if (!last.solved()) {
            err.printf("finetune: warning: the tuned T_c = %.2f K is an extrapolation beyond the sampled α range (%s)%n",
                    last.tcValue(), flags.bracketCause(last.table()));
        }
        return ExitCodes.OK;
    }

    /** Refuses a target outside the grid: T_c is located on it, so no step could reach the target. */
    private void checkTargetOnGrid(double[] ts) {
        double lo = Arrays.stream(ts).min().orElseThrow(), hi = Arrays.stream(ts).max().orElseThrow();
        if (targetTc < lo || targetTc > hi) {
            throw new BadInputException(String.format("--target-tc %s: outside the --temperatures grid %s–%s, on which T_c is located",
                    TransitionFlags.kelvin(targetTc), TransitionFlags.trim(lo), TransitionFlags.kelvin(hi)));
        }
    }

    /** Unless --allow-extrapolation, refuses a target where either phase is unsolved for the starting θ. */
    private void checkTargetSolved(PhaseTransition.Table initial) {
        if (!allowExtrapolation && !initial.solvedAt(targetTc)) {
            throw new BadInputException(String.format("--target-tc %s: outside the span where both phases are solved for the "
                    + "starting θ (%s): a T_c there is an extrapolation beyond the sampled α range (--allow-extrapolation to tune anyway)",
                    TransitionFlags.kelvin(targetTc), TransitionFlags.solvedSpans(initial)));
        }
    }

    /** "converged after N steps: T_c = … (target …); tuned coefficients written to …", or "not converged …". */
    private String verdict(FineTuner.Trajectory run, boolean converged, TransitionFlags flags) {
        FineTuner.Step last = run.last();
        return String.format("%s after %d steps: %s (target %s ± %s); %s", converged ? "converged" : "not converged", steps,
                last.tc() == null ? "no T_c in range" : flags.tc(last.table()), TransitionFlags.kelvin(targetTc),
                TransitionFlags.kelvin(tolerance), converged ? "tuned coefficients written to " + outFile : "no coefficients written");
    }

    /** The trajectory (T_c and ΔF(T*) per step, with their flags), the last T_c and θ. */
    private Result result(CommandSupport.NamedPhase[] named, FineTuner.Trajectory run, boolean converged, String verdict) {
        Result result = new Result("finetune");
        String[] sides = {"first", "second"};
        for (int p = 0; p < 2; p++) result.fields().record(sides[p]).put("phase", named[p].name()).put("store", named[p].path().toString());
        result.fields().put("model", theta.source().toString()).put("mode", model.mode.name().toLowerCase())
                .put("target", "K", "the T_c aimed at", targetTc);
        if (pressure != null) result.fields().put("pressure", "GPa", "T_c and ΔG at this pressure", pressure);
        result.fields().put("tolerance", "K", "|T_c − target| that counts as converged", tolerance)
                .put("converged", null, "the last T_c within the tolerance of the target", converged)
                .put("solved", null, "the last T_c solved (both phases' α* inside their sampled ranges at its bracket)", run.last().solved());
        PhaseTransition.Crossing c = run.last().tc();
        if (c == null) {
            result.fields().put("tc", null, null, null);
        } else {
            result.fields().record("tc").put("temperature", "K", "the last step's T_c", c.temperature())
                    .put("error", "K", "δT_c", c.error())
                    .put("extrapolated", null, "either phase unsolved at a bracketing temperature", c.extrapolated())
                    .put("bracket", "K", "the grid temperatures either side of T_c", new double[] {c.below(), c.above()});
        }
        result.fields().put("out", null, "the tuned coefficients (null when not converged: nothing written)", converged ? outFile.toString() : null)
                .put("theta", "eV", "θ of the last step: the linear SNAP coefficients (β0 kept aside)", run.last().theta());
        ResultTable t = new ResultTable("trajectory").column(Column.of("step", null, "fine-tuning step (0: the starting θ)").shown("step", "%d"))
                .column(Column.of("tc", "K", "T_c at this step (empty when none in range)").shown("T_c", "%.4f"))
                .column(Columns.error("tcError", "K", "T_c", "δT_c", "%.2f"))
                .column(Column.of("solved", null, "T_c solved").shown("T_c solved", null))
                .column(Column.of("deltaFAtTarget", "eV/atom", "ΔF at the target temperature T*").shown("ΔF(T*)", "%.9f"))
                .column(Columns.error("deltaFAtTargetError", "eV/atom", "ΔF(T*)", "δΔF", "%.6f"))
                .column(Column.of("solvedAtTarget", null, "both phases solved at T*").shown("T* solved", null));
        for (int s = 0; s < run.steps().size(); s++) {
            FineTuner.Step step = run.steps().get(s);
            double tc = step.tc() == null ? Double.NaN : step.tcValue(), error = step.tc() == null ? Double.NaN : step.tc().error();
            t.row(s, tc, error, step.solved(), step.atTarget().deltaF(), step.atTarget().error(), step.atTarget().solved());
        }
        return result.table(t).summary(verdict);
    }
}
