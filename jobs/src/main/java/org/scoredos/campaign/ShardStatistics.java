package org.scoredos.campaign;

import java.io.Serializable;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.RotatedHistogram;

/**
 * What a committed shard keeps: its moments and its histogram counts in the cell's frame,
 * stamped with the campaign identity so that a foreign file is recognised.
 */
public record ShardStatistics(
        String identity, int cell, int index, int start, int end,
        long count, double[] mean, double[][] comoment, long[][] counts) implements Serializable {

    public Shard shard() {
        return new Shard(cell, index, start, end);
    }

    public DescriptorMoments moments() {
        return DescriptorMoments.of(count, mean, comoment);
    }

    public RotatedHistogram histogram() {
        return RotatedHistogram.of(counts);
    }

    /** Moments of the shard's descriptors (none when every sample was rejected), folded in sample order. */
    public static DescriptorMoments moments(double[][] descriptors, int components) {
        DescriptorMoments m = new DescriptorMoments(components);
        for (double[] x : descriptors) {
            for (double v : x) if (!Double.isFinite(v)) throw new IllegalStateException("non-finite descriptor " + v);
            m.add(x);
        }
        return m;
    }

    static ShardStatistics of(String identity, Shard shard, double[][] descriptors, CellFrame frame) {
        DescriptorMoments m = moments(descriptors, frame.components());
        RotatedHistogram h = new RotatedHistogram(frame.components(), frame.bins());
        for (double[] x : descriptors) h.add(frame, x);
        return new ShardStatistics(identity, shard.cell(), shard.index(), shard.start(), shard.end(),
                m.count(), m.mean(), m.comoment(), h.counts());
    }
}
