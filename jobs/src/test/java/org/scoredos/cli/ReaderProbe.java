package org.scoredos.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.DynamicalMatrixReader;
import org.scoredos.harmonic.Hessian;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Test-only {@code scoredos probe}: reads one file with one reader and prints what it read, so
 * every reader meets the bad-input corpus through the real command line and its exit-code
 * handling, including readers whose command is still on another branch. Rows of the corpus
 * move to the real command once it is on main.
 */
@Command(name = "probe", subcommands = {
    ReaderProbe.SnapParams.class, ReaderProbe.SnapCoeff.class, ReaderProbe.DynamicalMatrix.class, ReaderProbe.DescriptorDos.class})
final class ReaderProbe {
    private ReaderProbe() {}

    /** The command line of {@link ScoreDos#commandLine} with {@code probe} added. */
    static CommandLine withProbe(CommandLine cl) {
        cl.addSubcommand(new CommandLine(ReaderProbe.class));
        // picocli hands streams and handlers only to the subcommands present when they are set.
        cl.setOut(cl.getOut());
        cl.setErr(cl.getErr());
        cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        cl.setParameterExceptionHandler(cl.getParameterExceptionHandler());
        return cl;
    }

    @Command(name = "snapparam")
    static final class SnapParams implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0") Path file;

        @Override
        public Integer call() throws Exception {
            SnapParameters p = SnapParameterReader.read(file);
            spec.commandLine().getOut().println("twojmax " + p.twojmax() + ", " + p.descriptorCount() + " descriptors");
            return ExitCodes.OK;
        }
    }

    @Command(name = "snapcoeff")
    static final class SnapCoeff implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0") Path file;
        @Option(names = "--params", required = true) Path params;

        @Override
        public Integer call() throws Exception {
            SnapCoefficients c = SnapCoefficientReader.read(file, SnapParameterReader.read(params));
            spec.commandLine().getOut().println(c.elements().size() + " element(s)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "dynmat")
    static final class DynamicalMatrix implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0") Path file;
        @Option(names = "--atoms", required = true) int atoms;
        @Option(names = "--mass", required = true) double mass;

        @Override
        public Integer call() throws Exception {
            double[] masses = new double[atoms];
            Arrays.fill(masses, mass);
            Hessian h = DynamicalMatrixReader.read(file, masses, DynamicalMatrixReader.Style.REGULAR);
            spec.commandLine().getOut().println(h.dimension() + "×" + h.dimension() + " Hessian");
            return ExitCodes.OK;
        }
    }

    @Command(name = "descriptordos")
    static final class DescriptorDos implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0") Path file;

        @Override
        public Integer call() throws Exception {
            PhaseSummary p = DescriptorDosReader.read(file);
            spec.commandLine().getOut().println(p.cells().size() + " cells");
            return ExitCodes.OK;
        }
    }
}
