package org.scoredos.campaign;

import java.io.Serializable;
import org.scoredos.compression.TwoPassCompression;
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

    /** The shard's moments and histogram in its cell's frame: both passes of {@code compression} on its descriptors. */
    static ShardStatistics of(String identity, Shard shard, double[][] descriptors, CellFrame frame, TwoPassCompression compression) {
        DescriptorMoments m = compression.moments(descriptors);
        RotatedHistogram h = compression.histogram(descriptors, frame);
        return new ShardStatistics(identity, shard.cell(), shard.index(), shard.start(), shard.end(),
                m.count(), m.mean(), m.comoment(), h.counts());
    }
}
