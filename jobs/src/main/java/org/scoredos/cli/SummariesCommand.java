package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoredos summaries}: what a summary store holds, per cell and rotated component — the
 * histogram of the component and the fitted score-matched entropy beside it, for plots.
 */
@Command(
        name = "summaries",
        mixinStandardHelpOptions = true,
        description = {
            "Prints, for cells and rotated components of a summary store, the histogram (bin centres and counts), "
                    + "the empirical log density per atom ln(p)/N shifted to a maximum of 0, and the fitted "
                    + "score-matched entropy S(x) with its standard error δS from the coefficient covariance: "
                    + "S should follow the log density where the counts are large."
        })
public final class SummariesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--summaries", required = true, paramLabel = "DIR", description = "a summary store (a campaign's summaries/PHASE, or import-descriptordos output)")
    Path summaries;

    @Option(names = "--cell", split = ",", paramLabel = "K", description = "cells to print, by index from 0 (default: all)")
    List<Integer> cells;

    @Option(names = "--components", split = ",", defaultValue = "0,1,2", paramLabel = "K",
            description = "rotated components, by index from 0 in decreasing variance (default ${DEFAULT-VALUE})")
    List<Integer> components;

    @Mixin
    FormatOption output;

    /** One component of one cell, bin by bin. */
    record ComponentView(int component, double eigenvalue, double[] binCentres, long[] counts, Double[] logDensity,
            double[] entropy, double[] entropyError) {}

    /** One cell and the components asked for. */
    record CellView(int cell, double tau, double alpha, long samples, List<ComponentView> components) {}

    @Override
    public Integer call() throws Exception {
        PhaseSummary phase = SummaryStore.read(summaries);
        List<Integer> which = cells;
        if (which == null) {
            which = new ArrayList<>();
            for (int i = 0; i < phase.cells().size(); i++) which.add(i);
        }
        List<CellView> views = new ArrayList<>();
        for (int k : which) {
            if (k < 0 || k >= phase.cells().size()) {
                throw new BadInputException("--cell: " + k + " is not a cell of " + summaries + " (it has " + phase.cells().size() + ")");
            }
            CellSummary c = phase.cells().get(k);
            List<ComponentView> comps = new ArrayList<>();
            for (int j : components) {
                if (j < 0 || j >= c.components()) {
                    throw new BadInputException("--components: " + j + " is not a component (cells have " + c.components() + ")");
                }
                comps.add(view(c, j, phase.reference().atoms()));
            }
            views.add(new CellView(k, c.tau(), c.alpha(), c.samples(), comps));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case JSON -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("phase", phase.name());
                json.put("atoms", phase.reference().atoms());
                json.put("cells", views);
                JsonOutput.print(out, json);
            }
            case CSV -> {
                out.println("cell,tau,component,x,count,logDensity,entropy,entropyError");
                rows(out, views, "%d,%s,%d,%s,%d,%s,%s,%s%n", true);
            }
            case TEXT -> {
                out.printf(Locale.ROOT, "phase %s (%d atoms), %d cells%n", phase.name(), phase.reference().atoms(), phase.cells().size());
                out.printf(Locale.ROOT, "%5s %9s %4s %14s %9s %11s %11s %11s%n", "cell", "tau", "k", "x", "count", "ln(p)/N", "S", "dS");
                rows(out, views, "%5d %9s %4d %14s %9d %11s %11s %11s%n", false);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void rows(PrintWriter out, List<CellView> views, String pattern, boolean csv) {
        for (CellView c : views) {
            for (ComponentView v : c.components()) {
                for (int b = 0; b < v.counts().length; b++) {
                    Double ln = v.logDensity()[b];
                    String logDensity = ln == null ? (csv ? "" : "-") : csv ? ln.toString() : String.format(Locale.ROOT, "%.4e", ln);
                    out.printf(Locale.ROOT, pattern, c.cell(), num(c.tau(), csv, "%.4f"), v.component(),
                            num(v.binCentres()[b], csv, "%.6e"), v.counts()[b], logDensity,
                            num(v.entropy()[b], csv, "%.4e"), num(v.entropyError()[b], csv, "%.4e"));
                }
            }
        }
    }

    /** Full precision in CSV, rounded in text. */
    private static String num(double v, boolean csv, String text) {
        return csv ? Double.toString(v) : String.format(Locale.ROOT, text, v);
    }

    /**
     * Component k of a cell: ln(p)/N from the counts (null in empty bins) and S(x) = c·φ(u) − shift
     * with δS² = |φ(u)ᵀ Σ_c φ(u)|, u = (x − centre)/scale (ScoreTable), as IsosurfaceEstimator has it.
     */
    static ComponentView view(CellSummary c, int k, int atoms) {
        ScoreTable t = c.scores();
        if (t == null) throw new BadInputException("the store holds no score models; refit them with import-descriptordos or estimate --basis");
        PolynomialBasis basis = PolynomialBasis.of(t.basis(), t.order());
        double[] edges = c.binEdges()[k];
        long[] counts = c.counts()[k];
        int bins = counts.length;
        long total = 0;
        for (long n : counts) total += n;
        double[] x = new double[bins], s = new double[bins], ds = new double[bins];
        Double[] logDensity = new Double[bins];
        double[] phi = new double[basis.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            x[b] = 0.5 * (edges[b] + edges[b + 1]);
            logDensity[b] = counts[b] == 0 ? null : Math.log(counts[b] / (total * (edges[b + 1] - edges[b]))) / atoms;
            if (counts[b] > 0) max = Math.max(max, logDensity[b]);
            basis.evaluate((x[b] - t.centre()[k]) / t.scale()[k], phi, null, null);
            double value = -t.shift()[k], variance = 0;
            for (int i = 0; i < phi.length; i++) {
                value += t.coefficients()[k][i] * phi[i];
                for (int j = 0; j < phi.length; j++) variance += phi[i] * t.covariance()[k][i][j] * phi[j];
            }
            s[b] = value;
            ds[b] = Math.sqrt(Math.abs(variance)); // as the estimator does: Σ_c is not always positive definite
        }
        for (int b = 0; b < bins; b++) if (logDensity[b] != null) logDensity[b] -= max;
        return new ComponentView(k, c.eigenvalues()[k], x, counts.clone(), logDensity, s, ds);
    }
}
