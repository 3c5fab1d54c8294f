package org.scoredos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
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
                    + "S should follow the log density where the counts are large.",
            "",
            "Two tables: components (one row per cell and component: τ, α, samples, variance) and bins (one row per "
                    + "histogram bin: x, count, ln(p)/N, S, δS; in JSON an array of row objects, group them by cell and component)."
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
    record ComponentView(int component, double eigenvalue, double[] binCentres, long[] counts, double[] logDensity,
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
        Renderers.print(result(phase, views), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * Two tables: {@code components} (one row per cell and component asked for) and {@code bins}
     * (one row per histogram bin of each, for plots: group by cell and component). The rotated
     * descriptor component x is dimensionless; ln(p)/N and S(x) are per atom, in k_B.
     */
    private Result result(PhaseSummary phase, List<CellView> views) {
        Result result = new Result("summaries").withoutConvention();
        result.fields().put("store", summaries.toString()).put("phase", phase.name())
                .put("atoms", null, "atoms in the phase's reference cell", phase.reference().atoms())
                .put("cellCount", null, "cells (isosurfaces) in the store", phase.cells().size());
        result.heading(String.format(Locale.ROOT, "phase %s (%d atoms), %d cells", phase.name(), phase.reference().atoms(), phase.cells().size()));
        Column cell = Column.of("cell", null, "cell index from 0").shown("cell", "%d");
        Column tau = Column.of("tau", null, "the cell's isosurface label τ = H_e/U_0 (dimensionless)").shown("tau", "%.4f");
        Column component = Column.of("component", null, "rotated component index from 0, in decreasing variance").shown("k", "%d");
        ResultTable components = new ResultTable("components").column(cell).column(tau)
                .column(Column.of("alpha", null, "the cell's conditioning variable α = ln(2H_e/ω̄)").shown("α", "%.5f"))
                .column(Column.of("samples", null, "samples in the cell").shown("samples", "%d")).column(component)
                .column(Column.of("eigenvalue", null, "variance of the rotated component (dimensionless)").shown("variance", "%.6e"));
        ResultTable bins = new ResultTable("bins").column(cell).column(tau).column(component)
                .column(Column.of("x", null, "bin centre: the rotated descriptor component (dimensionless)").shown("x", "%.6e"))
                .column(Column.of("count", null, "samples in the bin").shown("count", "%d"))
                .column(Column.of("logDensity", "k_B/atom", "empirical log density ln(p)/N, shifted to a maximum of 0 (null in an empty bin)")
                        .shown("ln(p)/N", "%.4e"))
                .column(Column.of("entropy", "k_B/atom", "the fitted score-matched entropy S(x), shifted like the log density").shown("S", "%.4e"))
                .column(Column.of("entropyError", "k_B/atom", "standard error δS of S(x) from the coefficient covariance").shown("δS", "%.4e"));
        for (CellView c : views) {
            for (ComponentView v : c.components()) {
                components.row(c.cell(), c.tau(), c.alpha(), c.samples(), v.component(), v.eigenvalue());
                for (int b = 0; b < v.counts().length; b++) {
                    bins.row(c.cell(), c.tau(), v.component(), v.binCentres()[b], v.counts()[b], v.logDensity()[b], v.entropy()[b], v.entropyError()[b]);
                }
            }
        }
        return result.table(components).table(bins);
    }

    /**
     * Component k of a cell: ln(p)/N from the counts (NaN in empty bins) and S(x) = c·φ(u) − shift
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
        double[] logDensity = new double[bins];
        double[] phi = new double[basis.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < bins; b++) {
            x[b] = 0.5 * (edges[b] + edges[b + 1]);
            logDensity[b] = counts[b] == 0 ? Double.NaN : Math.log(counts[b] / (total * (edges[b + 1] - edges[b]))) / atoms;
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
        for (int b = 0; b < bins; b++) logDensity[b] -= max; // NaN stays NaN
        return new ComponentView(k, c.eigenvalues()[k], x, counts.clone(), logDensity, s, ds);
    }
}
