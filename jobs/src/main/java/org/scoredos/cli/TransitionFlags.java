package org.scoredos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.scoredos.estimate.PhaseTransition;

/** How `transition` and `finetune` state T_c with its error bar and its solved/extrapolated flag. */
final class TransitionFlags {
    private final String first, second;

    TransitionFlags(String first, String second) {
        this.first = first;
        this.second = second;
    }

    /** "T_c = 1950.11 ± 631.02 K, extrapolated (α* at the sampled edge for …)" or "…, solved (both phases at …)". */
    String tc(PhaseTransition.Table table) {
        PhaseTransition.Crossing c = table.tc();
        return String.format("T_c = %.2f ± %s K, %s", c.temperature(), number(c.error()),
                c.extrapolated() ? "extrapolated (" + bracketCause(table) + ")" : "solved (both phases at " + kelvin(c.below())
                        + " and " + kelvin(c.above()) + ")");
    }

    /** "T_c = 1950.11 ± 631.02 K (extrapolated)", or "no T_c in range" for none. */
    static String brief(PhaseTransition.Crossing c) {
        return c == null ? "no T_c in range" : String.format("T_c = %.2f ± %s K (%s)", c.temperature(), number(c.error()),
                c.extrapolated() ? "extrapolated" : "solved");
    }

    /** Why T_c is extrapolated: "α* at the sampled edge for fcc and bcc at 1900 K and 1966.67 K". */
    String bracketCause(PhaseTransition.Table table) {
        PhaseTransition.Crossing c = table.tc();
        List<String> a = new ArrayList<>(), b = new ArrayList<>();
        for (PhaseTransition.Difference row : table.rows()) {
            if (row.temperature() != c.below() && row.temperature() != c.above()) continue;
            if (!row.first().solved() && !a.contains(kelvin(row.temperature()))) a.add(kelvin(row.temperature()));
            if (!row.second().solved() && !b.contains(kelvin(row.temperature()))) b.add(kelvin(row.temperature()));
        }
        String at = "α* at the sampled edge for ";
        if (a.equals(b)) return at + first + " and " + second + " at " + String.join(" and ", a);
        List<String> parts = new ArrayList<>();
        if (!a.isEmpty()) parts.add(first + " at " + String.join(" and ", a));
        if (!b.isEmpty()) parts.add(second + " at " + String.join(" and ", b));
        return at + String.join(", ", parts);
    }

    /** Where each phase is unsolved on the grid ("both phases solved throughout" when nowhere). */
    String unsolvedRanges(PhaseTransition.Table table) {
        List<String> parts = new ArrayList<>();
        String a = runs(table, r -> !r.first().solved()), b = runs(table, r -> !r.second().solved());
        if (!a.isEmpty()) parts.add(first + " unsolved at " + a);
        if (!b.isEmpty()) parts.add(second + " unsolved at " + b);
        return parts.isEmpty() ? "both phases solved throughout" : String.join(", ", parts) + " (α* at the sampled edge: ΔF there is an extrapolation)";
    }

    /** The grid runs where both phases are solved, "500–1300 K, …", or "nowhere on the grid". */
    static String solvedSpans(PhaseTransition.Table table) {
        List<String> spans = new ArrayList<>();
        for (double[] s : table.solvedSpans()) spans.add(s[0] == s[1] ? kelvin(s[0]) : trim(s[0]) + "–" + kelvin(s[1]));
        return spans.isEmpty() ? "nowhere on the grid" : String.join(", ", spans);
    }

    private static String runs(PhaseTransition.Table table, Predicate<PhaseTransition.Difference> unsolved) {
        List<String> out = new ArrayList<>();
        PhaseTransition.Difference[] rows = table.rows();
        for (int n = 0; n < rows.length; n++) {
            if (!unsolved.test(rows[n])) continue;
            int m = n;
            while (m + 1 < rows.length && unsolved.test(rows[m + 1])) m++;
            out.add(n == m ? kelvin(rows[n].temperature()) : trim(rows[n].temperature()) + "–" + kelvin(rows[m].temperature()));
            n = m;
        }
        return String.join(", ", out);
    }

    static String number(double x) {
        return Double.isFinite(x) ? String.format("%.2f", x) : "?";
    }

    static String kelvin(double t) {
        return trim(t) + " K";
    }

    /** A grid temperature as the user gave it: 1900 rather than 1900.00, 1966.67 rather than 1966.6666666666667. */
    static String trim(double t) {
        String s = String.format("%.2f", t);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
