package org.scoredos.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scoredos.estimate.FreeEnergy;
import org.scoredos.estimate.IsosurfaceEstimator;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.PhaseSummary;

/**
 * Which temperatures a campaign's summaries cover for its own reference potential θ_ref: the
 * smooth-mode estimator's α* must lie inside the sampled α range ("solved"); on the edge, F is
 * only a bound and the grid needs cells beyond that edge. With requested temperatures, those are
 * checked; with a τ grid, the harmonic temperatures of its ends (1000 K·τ) are scanned and the
 * solved span reported.
 */
public final class TemperatureCoverage {
    /** Temperatures evaluated over a span, both ends included (25 K apart over 500–2500 K). */
    static final int POINTS = 81;

    /**
     * One phase's coverage.
     *
     * @param phase      the phase summary's name
     * @param requested  true when {@code from}–{@code to} are the config's temperatures, false for
     *                   the span scanned for a τ grid
     * @param from       lowest temperature evaluated, K
     * @param to         highest temperature evaluated, K
     * @param solvedFrom lowest temperature with α* solved, K (null if none)
     * @param solvedTo   highest temperature with α* solved, K (null if none)
     * @param unsolved   the evaluated temperatures where α* sits on the edge of the grid, K
     */
    public record PhaseCoverage(String phase, boolean requested, double from, double to, Double solvedFrom, Double solvedTo,
            List<Double> unsolved) {

        /** "500–2500 K all solved" or "unsolved at 2100–2500 K (9 of 81 temperatures)". */
        public String describe() {
            String span = String.format(Locale.ROOT, "%s %.0f–%.0f K", requested ? "requested" : "scanned", from, to);
            if (unsolved.isEmpty()) return span + ": α* solved at every temperature";
            if (solvedFrom == null) return span + ": α* unsolved at every temperature (the grid does not cover them)";
            String solved = String.format(Locale.ROOT, "solved %.0f–%.0f K", solvedFrom, solvedTo);
            return span + ": " + solved + "; unsolved (α* on the grid's edge) at " + ranges(unsolved, (to - from) / (POINTS - 1));
        }
    }

    private TemperatureCoverage() {}

    /**
     * @param span {from, to} K to check, or null to scan the harmonic temperatures of the grid's ends
     * @return null for summaries the isosurface estimator cannot read (energy-conditioned ones)
     */
    public static PhaseCoverage of(PhaseSummary phase, double[] thetaRef, double[] span) {
        if (phase.conditioning() == Conditioning.ENERGY) return null;
        boolean requested = span != null;
        double from, to;
        if (requested) {
            from = span[0];
            to = span[1];
        } else {
            from = TauGridRule.KELVIN_PER_TAU * phase.cells().get(0).tau();
            to = TauGridRule.KELVIN_PER_TAU * phase.cells().get(phase.cells().size() - 1).tau();
        }
        int n = to > from ? POINTS : 1;
        double[] ts = new double[n];
        for (int i = 0; i < n; i++) ts[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        FreeEnergy[] results = IsosurfaceEstimator.of(phase, IsosurfaceEstimator.Mode.SMOOTH).estimate(thetaRef, ts, false);
        List<Double> unsolved = new ArrayList<>();
        Double lo = null, hi = null;
        for (FreeEnergy f : results) {
            if (f.solved()) {
                if (lo == null) lo = f.temperature();
                hi = f.temperature();
            } else {
                unsolved.add(f.temperature());
            }
        }
        return new PhaseCoverage(phase.name(), requested, from, to, lo, hi, unsolved);
    }

    /** "500–650 K, 2300–2500 K": runs of temperatures {@code step} apart. */
    static String ranges(List<Double> ts, double step) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= ts.size(); i++) {
            if (i == ts.size() || ts.get(i) - ts.get(i - 1) > 1.5 * step) {
                double a = ts.get(start), b = ts.get(i - 1);
                out.add(a == b ? String.format(Locale.ROOT, "%.0f K", a) : String.format(Locale.ROOT, "%.0f–%.0f K", a, b));
                start = i;
            }
        }
        return String.join(", ", out);
    }
}
