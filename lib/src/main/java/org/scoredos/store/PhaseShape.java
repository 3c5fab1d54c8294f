package org.scoredos.store;

import java.util.Objects;

import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ScoreTable;

/**
 * The dimensions a store records in its manifest, checked on the way in: every cell must
 * have the phase's d components and the same number of bins, and either every cell or none
 * has score models, all of one basis, order and coefficient count. A phase that breaks this
 * is a programming error upstream, not bad user input.
 */
record PhaseShape(int components, int bins, StoreManifest.Scores scores) {

    static PhaseShape of(PhaseSummary phase) {
        if (phase.cells().isEmpty()) throw new IllegalArgumentException("phase " + phase.name() + " has no cells");
        if (phase.name() == null || phase.name().isBlank()) throw new IllegalArgumentException("the phase needs a name");
        int d = phase.reference().components();
        int atoms = phase.reference().atoms();
        require(phase.reference().cell().length == 3, "reference cell must be 3×3");
        for (double[] row : phase.reference().cell()) require(row.length == 3, "reference cell must be 3×3");
        require(phase.reference().positions().length == 3 * atoms, "reference positions must hold 3N values");
        int bins = phase.cells().get(0).bins();
        StoreManifest.Scores scores = scoresOf(phase.cells().get(0).scores(), d);
        for (int a = 0; a < phase.cells().size(); a++) {
            CellSummary c = phase.cells().get(a);
            String where = "cell " + a + ": ";
            require(c.mean().length == d && c.eigenvalues().length == d, where + "mean and eigenvalues need " + d + " values");
            square(c.covariance(), d, where + "covariance");
            square(c.rotation(), d, where + "rotation");
            require(c.binEdges().length == d && c.counts().length == d, where + "edges and counts need " + d + " rows");
            for (int k = 0; k < d; k++) {
                require(c.counts()[k].length == bins, where + "every component needs " + bins + " bins");
                require(c.binEdges()[k].length == bins + 1, where + "every component needs " + (bins + 1) + " edges");
            }
            StoreManifest.Scores s = scoresOf(c.scores(), d);
            require(Objects.equals(s, scores), where + "every cell or none needs score models, all of one basis, order and size");
        }
        return new PhaseShape(d, bins, scores);
    }

    private static StoreManifest.Scores scoresOf(ScoreTable s, int d) {
        if (s == null) return null;
        require(s.centre().length == d && s.scale().length == d && s.shift().length == d
                && s.coefficients().length == d && s.covariance().length == d, "score tables need " + d + " components");
        int m = s.coefficients()[0].length;
        for (int k = 0; k < d; k++) {
            require(s.coefficients()[k].length == m, "score tables need " + m + " coefficients per component");
            square(s.covariance()[k], m, "score covariance");
        }
        require(s.basis() != null, "score tables need a basis name");
        return new StoreManifest.Scores(s.basis(), s.order(), m);
    }

    private static void square(double[][] m, int n, String what) {
        require(m.length == n, what + " must be " + n + "×" + n);
        for (double[] row : m) require(row.length == n, what + " must be " + n + "×" + n);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
