package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;

/** Bit-for-bit equality of two phase summaries (Arrays.equals on doubles compares their bits). */
final class SummaryComparison {
    private SummaryComparison() {}

    static void assertBitIdentical(PhaseSummary expected, PhaseSummary actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.cells().size(), actual.cells().size());
        for (int i = 0; i < expected.cells().size(); i++) {
            CellSummary e = expected.cells().get(i), a = actual.cells().get(i);
            String at = "cell " + i;
            assertEquals(e.samples(), a.samples(), at);
            assertEquals(Double.doubleToLongBits(e.tau()), Double.doubleToLongBits(a.tau()), at);
            assertArrayEquals(e.mean(), a.mean(), 0.0, at + " mean");
            assertArrayEquals(e.covariance(), a.covariance(), at + " covariance");
            assertArrayEquals(e.eigenvalues(), a.eigenvalues(), 0.0, at + " eigenvalues");
            assertArrayEquals(e.rotation(), a.rotation(), at + " rotation");
            assertArrayEquals(e.binEdges(), a.binEdges(), at + " bin edges");
            assertArrayEquals(e.counts(), a.counts(), at + " counts");
            assertArrayEquals(e.scores().coefficients(), a.scores().coefficients(), at + " score coefficients");
            assertArrayEquals(e.scores().shift(), a.scores().shift(), 0.0, at + " score shifts");
        }
    }
}
