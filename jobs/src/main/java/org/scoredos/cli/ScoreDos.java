package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
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

    /**
     * Runs the chosen command. Hadoop's local file system throws a failed write (a full disk) as
     * {@code FSError}, an Error that picocli would let escape as an uncaught trace: it goes to
     * the exception handler as the IOException it wraps.
     */
    private static int runReportingFileSystemErrors(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (org.apache.hadoop.fs.FSError e) {
            List<CommandLine> chain = parsed.asCommandLineList();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), String.valueOf(cause.getMessage()),
                    new IOException(cause.getMessage(), e));
        }
    }

    /** A configured command line writing to the given streams (tests use this). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ScoreDos());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExitCodes());
        cl.setExecutionStrategy(ScoreDos::runReportingFileSystemErrors);
        cl.setParameterExceptionHandler(ExitCodes::onParameterError);
        return cl;
    }
}
