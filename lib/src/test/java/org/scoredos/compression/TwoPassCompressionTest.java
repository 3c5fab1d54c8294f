package org.scoredos.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.score.PolynomialBasis;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.summary.RotatedHistogram;

class TwoPassCompressionTest {
    private static final int D = 3;

    /** Correlated Gaussian descriptors: the PCA frame has something to rotate. */
    private static double[][] samples(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][D];
        for (double[] row : x) {
            double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian();
            row[0] = 1 + 0.1 * a;
            row[1] = 2 + 0.05 * a + 0.02 * b;
            row[2] = -1 + 0.01 * c;
        }
        return x;
    }

    /** The whole stage on a cell split into {@code parts} partitions, merged in partition order. */
    private static CellSummary compress(TwoPassCompression stage, double[][] all, int parts) {
        List<double[][]> partitions = new ArrayList<>();
        int size = (all.length + parts - 1) / parts;
        for (int p = 0; p * size < all.length; p++) partitions.add(Arrays.copyOfRange(all, p * size, Math.min(all.length, (p + 1) * size)));
        DescriptorMoments merged = stage.merge(partitions.stream().map(stage::moments).toList());
        CellFrame frame = stage.frame("cell", merged);
        RotatedHistogram h = new RotatedHistogram(D, frame.bins());
        for (double[][] p : partitions) h.merge(stage.histogram(p, frame));
        return stage.cell(1.0, 0.5, merged, frame, h);
    }

    @Test
    void partitioningChangesNoCountAndMomentsOnlyAtRoundOff() {
        TwoPassCompression stage = new TwoPassCompression(CompressionSettings.of(20, 1.0, null, null), D);
        double[][] all = samples(2000, 7);
        CellSummary one = compress(stage, all, 1), many = compress(stage, all, 13);
        assertEquals(2000, one.samples());
        assertEquals(one.samples(), many.samples());
        for (int k = 0; k < D; k++) {
            assertEquals(one.mean()[k], many.mean()[k], 1e-14);
            long total = Arrays.stream(many.counts()[k]).sum();
            assertTrue(total >= 0.97 * 2000 && total <= 2000, "the clipped tails only: " + total);
        }
        // the frame is fixed from the merged moments, and the sample covariance is the two-pass one
        double mean = Arrays.stream(all).mapToDouble(x -> x[2]).average().orElseThrow();
        double var = Arrays.stream(all).mapToDouble(x -> (x[2] - mean) * (x[2] - mean)).sum() / 1999;
        assertEquals(var, many.covariance()[2][2], 1e-12 * var);
        // the same merge order gives the same bits, whichever order the parts arrived in
        List<DescriptorMoments> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) parts.add(stage.moments(Arrays.copyOfRange(all, 500 * p, 500 * p + 500)));
        record Part(int index, DescriptorMoments moments) {}
        List<Part> arrived = List.of(new Part(2, parts.get(2)), new Part(0, parts.get(0)), new Part(3, parts.get(3)), new Part(1, parts.get(1)));
        assertEquals(stage.merge(parts), stage.mergeByIndex(arrived, Part::index, Part::moments));
    }

    @Test
    void fitsEveryCellInLabelOrderWithTheSettingsBasis() {
        TwoPassCompression stage = new TwoPassCompression(CompressionSettings.of(30, null, "monomial", 3), D);
        CellSummary hot = compress(stage, samples(3000, 1), 3), cold = compress(stage, samples(3000, 2), 2);
        hot = new CellSummary(2000, Double.NaN, hot.samples(), hot.mean(), hot.covariance(), hot.eigenvalues(), hot.rotation(),
                hot.binEdges(), hot.counts(), null);
        cold = new CellSummary(300, Double.NaN, cold.samples(), cold.mean(), cold.covariance(), cold.eigenvalues(), cold.rotation(),
                cold.binEdges(), cold.counts(), null);
        ReferenceConstants ref = new ReferenceConstants(16, 183.84, 250, new double[D], Double.NaN, 0, 45, 0.19, 0,
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[48]);
        List<String> warnings = new ArrayList<>();
        PhaseSummary phase = stage.fit("md", ref, List.of(hot, cold), Conditioning.TEMPERATURE, null, warnings::add);
        assertEquals(List.of(300.0, 2000.0), phase.cells().stream().map(CellSummary::tau).toList());
        assertEquals("monomial", phase.cells().get(0).scores().basis());
        assertEquals(3, phase.cells().get(1).scores().order());
        assertEquals(Conditioning.TEMPERATURE, phase.conditioning());
    }

    @Test
    void refusesACellOfOneSampleAndWarnsWhenTheSamplesCannotSpanTheDescriptor() {
        TwoPassCompression stage = new TwoPassCompression(CompressionSettings.defaults(), D);
        BadInputException e = assertThrows(BadInputException.class, () -> stage.frame("temperature 300 K", stage.moments(samples(1, 3))));
        assertEquals("temperature 300 K: 1 sample; a cell needs at least two", e.getMessage());
        assertNull(stage.rankWarning("4 samples per cell", 4, "samples"));
        assertEquals("warning: 3 samples per cell do not span the 3 descriptor components: the covariance is rank-deficient "
                + "(use more than 3 samples)", stage.rankWarning("3 samples per cell", 3, "samples"));
    }

    @Test
    void settingsAreDeclaredOnceWithTheirChecks() {
        CompressionSettings d = CompressionSettings.defaults();
        assertEquals(new CompressionSettings(99, 0.5, PolynomialBasis.Kind.CHEBYSHEV, 4), d);
        assertEquals(d, CompressionSettings.of(null, null, null, null));
        assertEquals("bins: between 2 and 10000, got 1",
                assertThrows(BadInputException.class, () -> CompressionSettings.of(1, null, null, null)).getMessage());
        assertEquals("clipPercentile: in (0, 50) percent per side, got 50.0",
                assertThrows(BadInputException.class, () -> CompressionSettings.of(null, 50.0, null, null)).getMessage());
        assertEquals("order: the hermite basis needs an order between 3 and 12, got 2",
                assertThrows(BadInputException.class, () -> CompressionSettings.of(null, null, "Hermite", 2)).getMessage());
        assertNull(CompressionSettings.orderError(PolynomialBasis.Kind.MONOMIAL, 2));
        assertEquals("basis: unknown polynomial basis 'fourier' (chebyshev, hermite or monomial)",
                assertThrows(BadInputException.class, () -> CompressionSettings.of(null, null, "fourier", null)).getMessage());
    }
}
