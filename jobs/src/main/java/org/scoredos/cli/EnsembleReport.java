package org.scoredos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Record;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.ensemble.EnsembleStatistics;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.IsosurfaceEstimator;

/** What {@code ensemble} prints: the per-temperature statistics and the T_c distribution, as a result. */
final class EnsembleReport {
    private final String[] phases;
    private final IsosurfaceEstimator.Mode mode;
    private final ErrorModel errorModel;
    private final String source;
    private final int members;
    private final double[] levels;
    private final EnsembleStatistics.AtTemperature[] rows;
    private final EnsembleStatistics.TcDistribution tc;

    EnsembleReport(String[] phases, IsosurfaceEstimator.Mode mode, ErrorModel errorModel, String source,
            int members, double[] levels, EnsembleStatistics.AtTemperature[] rows, EnsembleStatistics.TcDistribution tc) {
        this.phases = phases;
        this.mode = mode;
        this.errorModel = errorModel;
        this.source = source;
        this.members = members;
        this.levels = levels;
        this.rows = rows;
        this.tc = tc;
    }

    private String quantity() {
        return phases.length == 2 ? "ΔF = G(" + phases[0] + ") − G(" + phases[1] + ")" : "F(" + phases[0] + ") relative to each member's θ·D_0";
    }

    /** The T_c distribution in one line. */
    String tcLine() {
        if (tc.withTransition() == 0) {
            return String.format(Locale.ROOT, "T_c: none of the %d members has a transition in range (ΔF keeps one sign)", tc.members());
        }
        StringBuilder q = new StringBuilder();
        for (int k = 0; k < levels.length; k++) {
            q.append(k == 0 ? "" : ", ").append(label(levels[k])).append(String.format(Locale.ROOT, " %.1f", tc.quantiles()[k]));
        }
        return String.format(Locale.ROOT, "T_c: %d of %d members have a transition in range; %d of them (%.2f %%) extrapolated; "
                + "mean %.1f K, std %.1f K; quantiles (K) %s; the members' mean δT_c %.1f K", tc.withTransition(), tc.members(),
                tc.extrapolated(), 100 * tc.extrapolatedFraction(), tc.mean(), tc.std(), q, tc.meanError());
    }

    /** The per-temperature statistics over the members and, for two phases, the T_c distribution. */
    Result result() {
        Result result = new Result("ensemble");
        String quantityUnit = "eV/atom";
        result.fields().put("members", null, "ensemble members (θ vectors)", members).put("source", source)
                .put("phases", null, "the phases, first − second for ΔF", phases)
                .put("quantity", phases.length == 2 ? "deltaF" : "freeEnergy").put("mode", lower(mode)).put("errorModel", lower(errorModel))
                .put("quantileLevels", null, "the levels of the quantile columns", levels);
        if (tc != null) {
            Record t = result.fields().record("tc");
            t.put("withTransition", null, "members with a transition in range", tc.withTransition())
                    .put("extrapolated", null, "members whose T_c is an extrapolation (α* at a sampled edge)", tc.extrapolated())
                    .put("extrapolatedFraction", null, "extrapolated / withTransition", tc.extrapolatedFraction())
                    .put("mean", "K", "mean T_c over the members with a transition", tc.mean())
                    .put("std", "K", "standard deviation of T_c", tc.std())
                    .put("quantiles", "K", "T_c at the quantile levels", tc.quantiles())
                    .put("meanError", "K", "the members' mean δT_c", tc.meanError());
            t.record("histogram").put("edges", "K", "bin edges", tc.edges()).put("counts", null, "members per bin", tc.counts())
                    .put("extrapolatedCounts", null, "extrapolated members per bin", tc.extrapolatedCounts());
        }
        List<String> quantileLabels = new ArrayList<>();
        for (double q : levels) quantileLabels.add("q" + label(q).replace(" %", ""));
        ResultTable table = new ResultTable("temperatures").column(Columns.temperature())
                .column(Column.of("mean", quantityUnit, "mean of " + quantity() + " over the members").shown("mean", "%.9f"))
                .column(Column.of("std", quantityUnit, "standard deviation over the members").shown("std", "%.6f"))
                .column(Column.of("quantiles", quantityUnit, "the members' quantiles at quantileLevels").shownEach(quantileLabels, "%.9f"))
                .column(Column.of("solvedFraction", null, "fraction of members with α* inside every phase's sampled range").shown("solved", "%.3f"))
                .column(Column.of("meanError", quantityUnit, "⟨δ⟩: the members' mean error bar").shown("⟨δ⟩", "%.6f"));
        for (EnsembleStatistics.AtTemperature r : rows) {
            table.row(r.temperature(), r.mean(), r.std(), r.quantiles(), r.solvedFraction(), r.meanError());
        }
        result.table(table).heading(String.format(Locale.ROOT, "ensemble of %d members (%s): %s, %s mode, %s error model", members, source,
                quantity(), lower(mode), lower(errorModel)))
                .heading("eV/atom over the members: mean, standard deviation and quantiles; solved: fraction of members with α* inside "
                        + "every phase's sampled range; ⟨δ⟩: the members' mean error bar");
        if (tc != null) result.summary(tcLine());
        return result;
    }

    private static String label(double level) {
        String s = String.format(Locale.ROOT, "%.4g", 100 * level);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " %";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
