package org.scoredos.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scoredos.ensemble.EnsembleStatistics;
import org.scoredos.estimate.ErrorModel;
import org.scoredos.estimate.IsosurfaceEstimator;

/** What {@code ensemble} prints: the per-temperature statistics and the T_c distribution, as text, JSON or CSV. */
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

    void text(PrintWriter out) {
        CommandSupport.conventionLine(out);
        out.printf(Locale.ROOT, "ensemble of %d members (%s): %s, %s mode, %s error model%n", members, source, quantity(),
                lower(mode), lower(errorModel));
        out.println("eV/atom over the members: mean, standard deviation and quantiles; solved: fraction of members with α* inside "
                + "every phase's sampled range; ⟨δ⟩: the members' mean error bar");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s %13s %10s", "T (K)", "mean", "std"));
        for (double q : levels) head.append(String.format(Locale.ROOT, " %13s", "q" + label(q)));
        head.append(String.format(Locale.ROOT, " %7s %9s", "solved", "⟨δ⟩"));
        out.println(head);
        for (EnsembleStatistics.AtTemperature r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10.2f %13.9f %10.6f", r.temperature(), r.mean(), r.std()));
            for (double q : r.quantiles()) line.append(String.format(Locale.ROOT, " %13.9f", q));
            line.append(String.format(Locale.ROOT, " %7.3f %9.6f", r.solvedFraction(), r.meanError()));
            out.println(line);
        }
        if (tc != null) out.println(tcLine());
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

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        CommandSupport.declareConvention(root);
        root.put("members", members);
        root.put("source", source);
        root.put("phases", List.of(phases));
        root.put("quantity", phases.length == 2 ? "deltaF" : "freeEnergy");
        root.put("mode", lower(mode));
        root.put("errorModel", lower(errorModel));
        root.put("quantileLevels", levels);
        List<Map<String, Object>> table = new ArrayList<>();
        for (EnsembleStatistics.AtTemperature r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", r.temperature());
            row.put("mean", r.mean());
            row.put("std", TransitionFlags.finite(r.std()));
            row.put("quantiles", r.quantiles());
            row.put("solvedFraction", r.solvedFraction());
            row.put("meanError", TransitionFlags.finite(r.meanError()));
            table.add(row);
        }
        root.put("temperatures", table);
        if (tc != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("withTransition", tc.withTransition());
            t.put("extrapolated", tc.extrapolated());
            t.put("extrapolatedFraction", TransitionFlags.finite(tc.extrapolatedFraction()));
            t.put("mean", TransitionFlags.finite(tc.mean()));
            t.put("std", TransitionFlags.finite(tc.std()));
            List<Object> q = new ArrayList<>();
            for (double v : tc.quantiles()) q.add(TransitionFlags.finite(v));
            t.put("quantiles", q);
            t.put("meanError", TransitionFlags.finite(tc.meanError()));
            Map<String, Object> histogram = new LinkedHashMap<>();
            histogram.put("edges", tc.edges());
            histogram.put("counts", tc.counts());
            histogram.put("extrapolatedCounts", tc.extrapolatedCounts());
            t.put("histogram", histogram);
            root.put("tc", t);
        }
        return root;
    }

    void csv(PrintWriter out) {
        CommandSupport.conventionLine(out);
        StringBuilder head = new StringBuilder("temperature,mean,std");
        for (double q : levels) head.append(",q").append(label(q).replace(" %", ""));
        out.println(head.append(",solvedFraction,meanError"));
        for (EnsembleStatistics.AtTemperature r : rows) {
            StringBuilder line = new StringBuilder(r.temperature() + "," + r.mean() + "," + r.std());
            for (double q : r.quantiles()) line.append(',').append(q);
            out.println(line.append(',').append(r.solvedFraction()).append(',').append(r.meanError()));
        }
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
