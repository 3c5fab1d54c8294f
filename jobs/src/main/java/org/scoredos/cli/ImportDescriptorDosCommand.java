package org.scoredos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Record;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.score.ScoreMatcher;
import org.scoredos.store.StoreManifest;
import org.scoredos.store.SummaryStore;
import org.scoredos.structure.Elements;
import org.scoredos.summary.DescriptorDosReader;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.StoreModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoredos import-descriptordos}: a DescriptorDOS compressed campaign (its pickle
 * exported to JSON, see jobs/docs/guide.md) → a summary store, with score models fitted.
 */
@Command(
        name = "import-descriptordos",
        mixinStandardHelpOptions = true,
        description = {
            "Converts a DescriptorDOS compressed campaign, exported from its pickle to JSON (optionally gzip), "
                    + "into a summary store: reference constants, per-cell moments, rotations, histograms, "
                    + "and score models fitted in the given basis."
        })
public final class ImportDescriptorDosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.json[.gz]", description = "the exported campaign")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the store directory to create")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "phase name (default: the file name without .json[.gz])")
    String name;

    @Option(names = "--basis", defaultValue = CompressionSettings.DEFAULT_BASIS, paramLabel = "BASIS",
            description = "score-matching basis: chebyshev, hermite or monomial (default ${DEFAULT-VALUE})")
    String basis;

    @Option(names = "--order", defaultValue = "" + CompressionSettings.DEFAULT_ORDER, paramLabel = "P", description = "polynomial order p (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--params", paramLabel = "FILE",
            description = "the SNAP .snapparam the campaign's descriptors were computed with: recorded in the store, so "
                    + "that estimators refuse a θ of another element or descriptor (default: the model is recorded as unknown)")
    Path params;

    @Option(names = "--element", paramLabel = "SYMBOL[:RADIUS:WEIGHT]",
            description = "with --params: the element and its SNAP radius and weight (default: the element of the campaign's "
                    + "mass, radius 0.5, weight 1, as DescriptorDOS describes)")
    String element;

    @Option(names = "--force", description = "replace an existing store at --out (atomically)")
    boolean force;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        if (name != null && name.isBlank()) throw new BadInputException("--name must not be blank");
        PolynomialBasis scoreBasis = PolynomialBasis.of(basis, order);
        if (element != null && params == null) throw new BadInputException("--element: give --params too (the descriptor definition)");
        SnapParameters descriptor = params == null ? null : SnapParameterReader.read(params);
        SummaryStore.checkTarget(out, force); // refuse --out before reading and fitting
        PrintWriter err = spec.commandLine().getErr();
        String sha256 = sha256(input);
        PhaseSummary phase = DescriptorDosReader.read(input);
        if (name != null) phase = new PhaseSummary(name, phase.reference(), phase.cells());
        if (descriptor != null) phase = withModel(phase, descriptor);
        err.printf(Locale.ROOT, "import-descriptordos: %s: %d cells, fitting %s order %d score models%n",
                input, phase.cells().size(), scoreBasis.name(), scoreBasis.order());
        err.flush();
        try {
            phase = new ScoreMatcher(scoreBasis).fit(phase);
        } catch (BadInputException e) {
            throw new BadInputException(input + ": " + e.getMessage(), e);
        }
        String source = "descriptordos:sha256:" + sha256;
        StoreManifest m = force ? SummaryStore.writeReplacing(phase, out, source) : SummaryStore.write(phase, out, source);
        Renderers.print(result(m, out), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private PhaseSummary withModel(PhaseSummary phase, SnapParameters descriptor) {
        double mass = phase.reference().mass();
        StoreModel.Species species = StoreModel.Species.ofMass(mass, SnapCoefficientReader.PLAIN_RADIUS, SnapCoefficientReader.PLAIN_WEIGHT);
        if (element != null) {
            String[] f = element.split(":", -1);
            if (Double.isNaN(Elements.mass(f[0])) || (f.length != 1 && f.length != 3)) {
                throw new BadInputException("--element: expected SYMBOL or SYMBOL:RADIUS:WEIGHT with a chemical symbol, got '" + element + "'");
            }
            try {
                species = f.length == 1 ? new StoreModel.Species(f[0], mass, species.radius(), species.weight())
                        : new StoreModel.Species(f[0], mass, Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            } catch (NumberFormatException e) {
                throw new BadInputException("--element: radius and weight must be numbers, got '" + element + "'");
            }
        }
        if (descriptor.descriptorCount() != phase.reference().components()) {
            throw new BadInputException("--params: " + params + " defines " + descriptor.descriptorCount() + " descriptor components, "
                    + input + " holds " + phase.reference().components());
        }
        return phase.withModel(new StoreModel(List.of(species), descriptor));
    }

    /** The store written, as its manifest records it; the text rendering lists the same values, one per line. */
    static Result result(StoreManifest m, Path dir) {
        Result result = new Result("import-descriptordos");
        result.fields().put("phase", m.phase())
                .put("cells", null, "cells (isosurfaces) in the store", m.cells())
                .put("components", null, "descriptor components", m.components())
                .put("bins", null, "histogram bins per component", m.bins())
                .put("atoms", null, "atoms of the sampled cell", m.atoms())
                .put("basis", null, "score-model basis", m.scores().basis())
                .put("order", null, "score polynomial order p", m.scores().order())
                .put("bytes", "bytes", "size of the store's files", m.totalBytes())
                .put("path", dir.toAbsolutePath().normalize().toString())
                .put("source", null, "provenance: the input file's SHA-256", m.source())
                .put("model", null, "the species and descriptor hash recorded (unknown without --params)",
                        m.model() == null ? "unknown" : m.model().symbols() + " " + m.model().hash());
        for (Record.Entry e : result.fields().entries()) {
            result.heading(String.format(Locale.ROOT, "%-11s%s%s", e.name(), e.value(), e.unit() == null ? "" : " " + e.unit()));
        }
        return result;
    }

    /** The provenance recorded in the manifest: the exact input file. */
    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(InputFiles.open(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
