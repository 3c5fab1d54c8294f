package org.scoredos.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RotatedHistogramTest {

    @Test
    void shardHistogramsAddUpToTheOnePassHistogram() {
        double[][] x = DescriptorMomentsTest.samples(400, 4, 21);
        DescriptorMoments m = new DescriptorMoments(4);
        for (double[] s : x) m.add(s);
        CellFrame f = CellFrame.of(m, 20, 0.5);
        RotatedHistogram whole = new RotatedHistogram(4, 20);
        for (double[] s : x) whole.add(f, s);
        RotatedHistogram merged = new RotatedHistogram(4, 20);
        for (int start = 0; start < 400; start += 64) {
            RotatedHistogram shard = new RotatedHistogram(4, 20);
            for (int s = start; s < Math.min(400, start + 64); s++) shard.add(f, x[s]);
            merged.merge(shard);
        }
        assertEquals(whole, merged);
    }

    @Test
    void clippingKeepsAboutNinetyNinePercentOfGaussianSamples() {
        double[][] x = DescriptorMomentsTest.samples(20000, 3, 22);
        DescriptorMoments m = new DescriptorMoments(3);
        for (double[] s : x) m.add(s);
        CellFrame f = CellFrame.of(m, 99, 0.5);
        RotatedHistogram h = new RotatedHistogram(3, 99);
        for (double[] s : x) h.add(f, s);
        for (long[] component : h.counts()) {
            long kept = 0;
            for (long c : component) kept += c;
            assertEquals(0.99, kept / 20000.0, 0.003);
        }
    }

    @Test
    void binsIncludeLowerEdgesAndTheLastUpperEdge() {
        double[] e = {-1.0, -0.5, 0.0, 0.5, 1.0};
        assertEquals(0, RotatedHistogram.bin(e, -1.0));
        assertEquals(1, RotatedHistogram.bin(e, -0.5));
        assertEquals(2, RotatedHistogram.bin(e, 0.0));
        assertEquals(3, RotatedHistogram.bin(e, 1.0));
        assertEquals(-1, RotatedHistogram.bin(e, 1.0000001));
        assertEquals(-1, RotatedHistogram.bin(e, -1.0000001));
        assertEquals(-1, RotatedHistogram.bin(e, Double.NaN));
        double[] fine = new double[101];
        for (int b = 0; b <= 100; b++) fine[b] = -0.3 + 0.6 * b / 100; // edges that are not exact binary fractions
        for (int b = 0; b < 100; b++) assertEquals(b, RotatedHistogram.bin(fine, fine[b]));
    }
}
