package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.campaign.PeriodicProgress;
import org.scoredos.cli.plot.EnsemblePlots;
import org.scoredos.ensemble.EnsemblePhases;
import org.scoredos.ensemble.EnsembleRunner;
import org.scoredos.ensemble.EnsembleStatistics;
import org.scoredos.ensemble.GaussianEnsemble;
import org.scoredos.ensemble.LocalEnsemble;
import org.scoredos.ensemble.MemberResult;
import org.scoredos.ensemble.EnsembleLauncher;
import org.scoredos.ensemble.ThetaSource;
import org.scoredos.io.BadInputException;
import org.scoredos.estimate.StoredPhase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scoredos ensemble}: the distribution of F(T), ΔF(T) and T_c over many θ. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Propagates the uncertainty of a potential through the free energy: evaluates every member θ of a model "
                + "ensemble (a posterior or committee sample of SNAP coefficients) on the temperature grid and reports, per "
                + "temperature, the mean, standard deviation and quantiles over the members of F(T) (one --phase, relative to each "
                + "member's θ·D_0) or of ΔF(T) = G(first) − G(second) (two --phase), the fraction of members solved there and their "
                + "mean error bar (the calibrated model's bar is its statistical part, as everywhere; the score-order spread that "
                + "`estimate` reports beside it is not computed for members, which saves two evaluations per (θ, T)); with two phases also the distribution of T_c (first sign change of ΔF, as in `transition`): how "
                + "many members have one, the extrapolated fraction, mean, spread, quantiles and histogram.",
            "Members: --thetas DIR of .snapcoeff files, or a matrix with one θ per row (.csv/.txt, .parquet, .npy); or a Gaussian "
                + "--mean FILE with --covariance FILE (a d × d matrix in the same formats) or --relative-sigma S, --samples N, --seed K "
                + "(member m is drawn from its own stream of (K, m)). Energies in eV/atom, temperatures in K. Runs on this machine's "
                + "cores by default; --master runs it as a Spark job (one estimator per partition). Progress goes to stderr. With the JDK's "
                + "incubator module jdk.incubator.vector (deploy/bin/scoredos adds it; SCOREDOS_VECTOR=off leaves it out) each member's "
                + "temperatures are evaluated side by side in SIMD lanes, the same numbers; the JVM then prints one warning line on stderr."})
final class EnsembleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--phase", required = true, paramLabel = "NAME=DIR",
            description = "a phase and its summary store (or DescriptorDOS .json[.gz]); one for F(T), two for ΔF(T) and T_c")
    List<String> phases;

    @Option(names = "--thetas", paramLabel = "PATH",
            description = "the members: a directory of .snapcoeff files, or a .csv/.txt, .parquet or .npy matrix, one θ (d values, no β0) per row")
    Path thetas;

    @Option(names = "--mean", paramLabel = "FILE", description = "a Gaussian ensemble's mean θ (.snapcoeff or plain list)")
    Path mean;

    @Option(names = "--covariance", paramLabel = "FILE", description = "its d × d covariance (.csv/.txt, .parquet or .npy)")
    Path covariance;

    @Option(names = "--relative-sigma", paramLabel = "S", description = "or independent components with σ_i = S·|mean_i| (e.g. 0.01)")
    Double relativeSigma;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "N", description = "members drawn from the Gaussian (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "K", description = "seed of the Gaussian draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--temperatures", defaultValue = "500:2500:31", paramLabel = "T",
            description = "LO:HI:N or a comma-separated list, in K (default: ${DEFAULT-VALUE})")
    String temperatures;

    @Option(names = "--quantiles", defaultValue = "0.05,0.25,0.5,0.75,0.95", paramLabel = "Q,Q,...",
            description = "quantile levels in [0, 1], increasing (default: ${DEFAULT-VALUE})")
    String quantiles;

    @Option(names = "--bins", defaultValue = "30", paramLabel = "N", description = "bins of the T_c histogram (default: ${DEFAULT-VALUE})")
    int bins;

    @Mixin
    PhaseModelOptions model;

    @Option(names = "--out", paramLabel = "FILE", description = "every member's results, one row per (member, temperature): .csv or .parquet")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "fan chart of F(T) or ΔF(T): the quantile bands, median and mean" + CommandSupport.PLOT_FORMATS)
    Path plot;

    @Option(names = "--tc-plot", paramLabel = "FILE", description = "histogram of the members' T_c, extrapolated ones marked (two phases)" + CommandSupport.PLOT_FORMATS)
    Path tcPlot;

    @Option(names = "--master", paramLabel = "URL", description = "run on Spark (local[N], spark://…, yarn, k8s://…); default: this JVM's threads")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions (default: one per 8192 members)")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", description = "threads without Spark (default: the available cores)")
    Integer threads;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        if (phases == null || phases.isEmpty() || phases.size() > 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phase: give one phase (F) or two (ΔF and T_c), got "
                    + (phases == null ? 0 : phases.size()));
        }
        CommandSupport.NamedPhase[] named = phases.size() == 2 ? CommandSupport.twoPhases(spec, phases)
                : new CommandSupport.NamedPhase[] {CommandSupport.phase(spec, phases.get(0))};
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        double[] levels = levels(quantiles);
        checkOptions(named.length);
        EnsembleOutput.checkTarget(out);
        CommandSupport.checkPlot(plot, "--plot");
        CommandSupport.checkPlot(tcPlot, "--tc-plot");
        EnsembleRunner runner = master == null ? new LocalEnsemble(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                : new EnsembleLauncher(master, partitions); // a bad master is refused before any work
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();

        StoredPhase[] summaries = new StoredPhase[named.length];
        for (int p = 0; p < named.length; p++) summaries[p] = model.read(named[p].path(), "--phase " + named[p].name());
        ThetaSource members;
        String source;
        if (thetas != null) {
            members = EnsembleThetas.read(thetas, err, summaries);
            source = thetas.toString();
        } else {
            double[] mu = CommandSupport.theta(mean, CommandSupport.coefficients(mean, summaries), err, summaries).theta();
            members = covariance != null
                    ? GaussianEnsemble.of(mu, EnsembleThetas.matrix(covariance, "--covariance"), "--covariance " + covariance, samples, seed)
                    : GaussianEnsemble.relative(mu, relativeSigma, samples, seed);
            source = String.format(Locale.ROOT, "Gaussian around %s, %s, seed %d", mean,
                    covariance != null ? "covariance " + covariance : "relative σ " + relativeSigma, seed);
        }
        EnsemblePhases setup = new EnsemblePhases(summaries, model.settings(), ts);
        java.util.function.Consumer<String> told = line -> {
            err.println(line);
            err.flush();
        };
        MemberResult[] results;
        java.util.concurrent.atomic.LongAdder evaluated = new java.util.concurrent.atomic.LongAdder();
        try (PeriodicProgress progress = new PeriodicProgress(err, "ensemble-progress", members.size(), evaluated::sum,
                Duration.ofSeconds(2), false, (n, total, seconds, eta) ->
                        String.format(Locale.ROOT, "ensemble: %d/%d members, %.1f s, ETA %s", n, total, seconds, eta))) {
            results = runner.run(setup, members, evaluated, told);
        }
        String[] names = Arrays.stream(named).map(CommandSupport.NamedPhase::name).toArray(String[]::new);
        EnsembleStatistics.AtTemperature[] rows = EnsembleStatistics.perTemperature(results, ts, levels);
        EnsembleStatistics.TcDistribution tc = names.length == 2 ? EnsembleStatistics.tc(results, levels, bins) : null;
        if (out != null) {
            EnsembleOutput.write(out, names, ts, results);
            err.println("ensemble: wrote " + out);
        }
        EnsembleReport report = new EnsembleReport(names, model.mode, model.errorModel, source, results.length, levels, rows, tc);
        org.scoredos.cli.result.Renderers.print(report.result(), output.format, stdout);
        if (output.format != OutputFormat.TEXT && tc != null) err.println("ensemble: " + report.tcLine());
        if (tc != null && tc.extrapolated() > 0) {
            err.printf(Locale.ROOT, "ensemble: warning: %d of %d members' T_c are extrapolations beyond the sampled α range%n",
                    tc.extrapolated(), tc.withTransition());
        }
        if (plot != null) {
            boolean delta = names.length == 2;
            EnsemblePlots.fan(plot, (delta ? "ΔF = G(" + names[0] + ") − G(" + names[1] + ")" : "Free energy of " + names[0]) + ", "
                    + results.length + " members", delta ? org.scoredos.cli.plot.AxisLabels.DELTA_F_MEV : org.scoredos.cli.plot.AxisLabels.FREE_ENERGY,
                    delta ? 1000 : 1, rows, levels);
            err.println("ensemble: wrote " + plot);
        }
        if (tcPlot != null) {
            EnsemblePlots.tcHistogram(tcPlot, "T_c of G(" + names[0] + ") = G(" + names[1] + "), " + tc.withTransition() + " of "
                    + results.length + " members", tc);
            err.println("ensemble: wrote " + tcPlot);
        }
        return ExitCodes.OK;
    }

    /** The member options are one coherent choice; everything is checked before any work. */
    private void checkOptions(int phaseCount) {
        if ((thetas == null) == (mean == null)) {
            throw new BadInputException("ensemble: give the members either as --thetas PATH or as a Gaussian --mean FILE");
        }
        if (mean != null && (covariance == null) == (relativeSigma == null)) {
            throw new BadInputException("--mean: give its spread as --covariance FILE or --relative-sigma S (one of them)");
        }
        if (thetas != null && (covariance != null || relativeSigma != null)) {
            throw new BadInputException("--covariance/--relative-sigma: they describe a Gaussian --mean, not --thetas");
        }
        if (mean != null && samples < 1) throw new BadInputException("--samples: an ensemble needs at least one member, got " + samples);
        if (bins < 1 || bins > 10_000) throw new BadInputException("--bins: between 1 and 10000, got " + bins);
        if (partitions < 0) throw new BadInputException("--partitions: must be ≥ 0, got " + partitions);
        if (threads != null && threads < 1) throw new BadInputException("--threads: must be ≥ 1, got " + threads);
        if (threads != null && master != null) throw new BadInputException("--threads: the local runner's; with --master Spark chooses");
        if (tcPlot != null && phaseCount != 2) throw new BadInputException("--tc-plot: T_c needs two phases (--phase twice)");
    }

    private double[] levels(String value) {
        String[] parts = value.split(",");
        double[] q = new double[parts.length];
        for (int k = 0; k < q.length; k++) {
            try {
                q[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--quantiles: '" + parts[k].trim() + "' is not a number");
            }
            if (!(q[k] >= 0 && q[k] <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--quantiles: levels are in [0, 1], got " + q[k]);
            }
            if (k > 0 && !(q[k] > q[k - 1])) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--quantiles: levels must increase, got " + value);
            }
        }
        return q;
    }
}
