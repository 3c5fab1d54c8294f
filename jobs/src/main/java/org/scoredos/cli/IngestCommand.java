package org.scoredos.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.ingest.IngestJob;
import org.scoredos.ingest.IngestLauncher;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scoredos ingest}: descriptors and summaries of existing MD snapshots, on Spark. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Reads existing MD trajectories (LAMMPS text dumps .dump/.lammpstrj, extended XYZ .xyz/.extxyz, "
                    + "either gzipped as NAME.gz; local paths or Hadoop URIs, globs), one Spark task per file, and writes "
                    + "one summary store whose cells are the temperatures the frames were run at (temperature "
                    + "conditioning): moments, PCA frame, histograms and score models per temperature, as a campaign "
                    + "does per isosurface. estimate, transition and finetune read such a store with the MD estimator. "
                    + "Each frame is bounded, not the file: at most SCOREDOS_MAX_ATOMS atoms (default 200000) and 4096 "
                    + "characters of text per atom, so a gzip bomb is one line, exit 2. Progress goes to stderr."
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--snapshots", required = true, paramLabel = "GLOB",
            description = "trajectory files: a path, glob or Hadoop URI (repeatable)")
    List<String> snapshots;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Labels labels;

    static final class Labels {
        @Option(names = "--temperature", paramLabel = "K", description = "the temperature of every file, K")
        Double temperature;

        @Option(names = "--temperatures-file", paramLabel = "MAP.tsv",
                description = "per-file temperatures: lines 'NAME TEMPERATURE', NAME a file name or a trailing part of its path")
        Path temperaturesFile;
    }

    @Option(names = "--params", required = true, paramLabel = "FILE.snapparam", description = "SNAP descriptor parameters")
    Path params;

    @Option(names = "--coeff", paramLabel = "FILE.snapcoeff",
            description = "element radii and weights (default: one element, radius 0.5, weight 1)")
    Path coeff;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "the static lattice (same atoms): D_0, V_0 and the reference cell (default: the first frame's cell, D_0 unknown)")
    Path reference;

    @Option(names = "--mass", paramLabel = "AMU", description = "atomic mass (default: from the files; LAMMPS dumps carry none)")
    Double mass;

    @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "the summary store to write (new or empty)")
    String out;

    @Option(names = "--name", paramLabel = "NAME", description = "phase name (default: the output's name)")
    String name;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Spark partitions for the files (default: one per file)")
    int partitions;

    @Option(names = "--bins", defaultValue = "" + CompressionSettings.DEFAULT_BINS, paramLabel = "N",
            description = "histogram bins per component (default ${DEFAULT-VALUE})")
    int bins;

    @Option(names = "--clip-percentile", defaultValue = "" + CompressionSettings.DEFAULT_CLIP_PERCENTILE, paramLabel = "P",
            description = "histogram edges clipped at P %% per side (default ${DEFAULT-VALUE})")
    double clipPercentile;

    @Option(names = "--basis", defaultValue = CompressionSettings.DEFAULT_BASIS, paramLabel = "BASIS",
            description = "score basis: chebyshev, hermite or monomial (default ${DEFAULT-VALUE})")
    String basis;

    @Option(names = "--order", defaultValue = "" + CompressionSettings.DEFAULT_ORDER, paramLabel = "N",
            description = "score polynomial order (default ${DEFAULT-VALUE})")
    int order;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        if (partitions < 0) throw new BadInputException("--partitions must not be negative, got " + partitions);
        CompressionSettings chosen;
        try {
            chosen = new CompressionSettings(bins, clipPercentile, PolynomialBasis.Kind.named(basis), order);
        } catch (BadInputException e) { // "bins: …", "clipPercentile: …": the option's name
            throw new BadInputException("--" + e.getMessage().replaceFirst("^clipPercentile", "clip-percentile"));
        }
        IngestLauncher.Options options = new IngestLauncher.Options(snapshots, labels.temperature, labels.temperaturesFile,
                params, coeff, reference, mass, out, name, master, partitions,
                chosen, Duration.ofSeconds(5));
        IngestLauncher.Outcome outcome = IngestLauncher.run(options, spec.commandLine().getErr());
        Renderers.print(result(outcome), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The store written: its phase, where, from how many files, and the frames per temperature. */
    static Result result(IngestLauncher.Outcome o) {
        Result result = new Result("ingest");
        result.fields().put("phase", o.name()).put("output", o.output()).put("conditioning", "temperature")
                .put("files", null, "trajectory files read", o.files());
        ResultTable cells = new ResultTable("cells")
                .column(Column.of("temperature", "K", "the temperature the frames were run at (one cell of the store)").shown("temperature", "%.2f"))
                .column(Column.of("files", null, "trajectory files at this temperature").shown("files", "%d"))
                .column(Column.of("frames", null, "frames summarised at this temperature").shown("frames", "%d"));
        for (IngestJob.CellCount c : o.cells()) cells.row(c.temperature(), c.files(), c.frames());
        return result.table(cells).heading(String.format(Locale.ROOT, "phase %s (temperature-conditioned) written to %s from %d files",
                o.name(), o.output(), o.files()));
    }
}
