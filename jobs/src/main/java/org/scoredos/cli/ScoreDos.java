package org.scoredos.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scoredos} command line. Exit codes: 0 success, 2 bad input (one line naming the
 * file, line or option), 1 anything else.
 */
@Command(
        name = "scoredos",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Free energies as differentiable functions of interatomic-potential parameters, "
                + "from one descriptor-density-of-states sampling campaign.",
        subcommands = {
            QuickstartCommand.class,
            CampaignCommand.class,
            IngestCommand.class,
            ImportDescriptorDosCommand.class,
            EstimateCommand.class,
            TransitionCommand.class,
            EnsembleCommand.class,
            DefectCommand.class,
            FinetuneCommand.class,
            VerifyCommand.class,
            InspectCommand.class,
            DescriptorsCommand.class,
            EnergyCommand.class,
            PressureCommand.class,
            HarmonicCommand.class,
            RelaxCommand.class,
            SummariesCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class ScoreDos implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see scoredos --help)");
    }

    public static void main(String[] args) {
        Termination.install();
        System.exit(run(args));
    }

    /** Runs the command line with the process's streams and returns the exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(Termination.guarded(System.out), true),
                new PrintWriter(Termination.guarded(System.err), true)).execute(args);
    }

    /** A configured command line writing to the given streams (tests use this). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ScoreDos());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExitCodes());
        cl.setParameterExceptionHandler(ExitCodes::onParameterError);
        return cl;
    }
}
