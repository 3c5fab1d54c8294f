package org.scoredos.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.CellSummary;

class FitGuardTest {

    /** One cell at τ = 0.75, one component, counts over bins spanning [−1, 1]. */
    private static CellSummary cell(long[] counts) {
        int bins = counts.length;
        double[] edges = new double[bins + 1];
        for (int j = 0; j <= bins; j++) edges[j] = -1 + 2.0 * j / bins;
        return new CellSummary(0.75, 0, 1000, new double[] {0}, new double[][] {{1}}, new double[] {1},
                new double[][] {{1}}, new double[][] {edges}, new long[][] {counts}, null);
    }

    private static long[] gaussian(int bins, double sd, long samples) {
        long[] counts = new long[bins];
        for (int j = 0; j < bins; j++) {
            double x = -1 + (2.0 * j + 1) / bins;
            counts[j] = Math.round(samples * (2.0 / bins) * Math.exp(-x * x / (2 * sd * sd)) / Math.sqrt(2 * Math.PI * sd * sd));
        }
        return counts;
    }

    @Test
    void conditionNumberOfASymmetricMatrix() {
        // unit diagonal, off-diagonal r: eigenvalues 1 ± r
        double r = 0.998;
        assertEquals((1 + r) / (1 - r), new FitGuard(2).condition(new double[][] {{1, r}, {r, 1}}), 1e-9);
        // the scale of a basis function does not count
        assertEquals((1 + r) / (1 - r), new FitGuard(2).condition(new double[][] {{1e6, 1e3 * r}, {1e3 * r, 1}}), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, new FitGuard(2).condition(new double[][] {{1, 1}, {1, 1}}));
    }

    @Test
    void aHistogramWithTooFewOccupiedBinsForTheOrderIsRefused() {
        long[] counts = new long[40];
        for (int j = 18; j < 23; j++) counts[j] = 200; // 5 occupied bins
        ScoreMatcher order5 = new ScoreMatcher(PolynomialBasis.of("chebyshev", 5)); // four basis functions
        BadInputException e = assertThrows(BadInputException.class, () -> order5.fit(cell(counts), 16));
        assertEquals("cell at tau 0.7500, component 0: histogram too sparse for the chebyshev basis of order 5: "
                + "5 occupied bins, at least 6 needed (add samples, or lower the order)", e.getMessage());
        // order 4: three basis functions, five bins will do
        assertEquals(3, new ScoreMatcher(PolynomialBasis.of("chebyshev", 4)).fit(cell(counts), 16).coefficients()[0].length);
    }

    @Test
    void aCampaignGetsWarningsAndKeepsTheFit() {
        long[] counts = new long[40];
        for (int j = 18; j < 23; j++) counts[j] = 200;
        java.util.List<String> warnings = new java.util.ArrayList<>();
        ScoreMatcher lenient = new ScoreMatcher(PolynomialBasis.of("chebyshev", 5), warnings::add);
        assertEquals(4, lenient.fit(cell(counts), 16).coefficients()[0].length);
        assertEquals(java.util.List.of("warning: cell at tau 0.7500, component 0: histogram too sparse for the chebyshev basis "
                + "of order 5: 5 occupied bins, at least 6 needed (add samples, or lower the order); its score model is unreliable"),
                warnings);
    }

    @Test
    void anIllConditionedFitIsRefused() {
        // the shifted Hermite family at order 12 is nearly collinear: condition number about 2e15
        long[] counts = gaussian(99, 0.4, 4096);
        ScoreMatcher hermite = new ScoreMatcher(PolynomialBasis.of("hermite", 12));
        BadInputException e = assertThrows(BadInputException.class, () -> hermite.fit(cell(counts), 16));
        assertTrue(e.getMessage().startsWith("cell at tau 0.7500, component 0: the score fit is ill-conditioned (condition number "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("above 1e+13) for the hermite basis of order 12 (lower the order)"), e.getMessage());
    }

    @Test
    void wellSampledHistogramsPassAtEveryOrder() {
        // 99 bins (the reference's), 4096 samples: chebyshev and monomial at every order, hermite up to 8
        long[] counts = gaussian(99, 0.4, 4096);
        for (String basis : new String[] {"chebyshev", "hermite", "monomial"}) {
            for (int order = 3; order <= (basis.equals("hermite") ? 8 : 12); order++) {
                ScoreMatcher fit = new ScoreMatcher(PolynomialBasis.of(basis, order));
                assertEquals(fit.basis().size(), fit.fit(cell(counts), 54).coefficients()[0].length, basis + " " + order);
            }
        }
    }
}
