package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.summary.CellFrame;

class RejectedSamplesTest {
    private static final String ID = "test-identity";

    @TempDir
    Path tmp;

    /** A store with cells 0 and 2 committed: cell 2's samples 3 and 11 rejected, none of cell 0's. */
    private CampaignStore store() throws Exception {
        CampaignConfig c = CampaignJobTest.config(16, 8, 5);
        CampaignStore store = CampaignStore.open(tmp.resolve("out").toString(), new Configuration(), CampaignManifest.initial(c, ID));
        GaussianDescriptors source = new GaussianDescriptors(5, 3);
        TwoPassCompression compression = new TwoPassCompression(CompressionSettings.of(10, 0.5, null, null), 3);
        for (int cell : new int[] {0, 2}) {
            CampaignCell cc = new CampaignCell(cell, 0, 0.0, 1.0);
            double[][] all = source.descriptors(cc, new Shard(cell, 0, 0, 16));
            CellFrame frame = compression.frame("cell " + cell, compression.moments(all));
            store.writeFrame(cell, frame);
            for (int i = 0; i < 2; i++) {
                Shard s = new Shard(cell, i, 8 * i, 8 * i + 8);
                double[][] kept = Arrays.copyOfRange(all, s.start(), s.end());
                if (cell == 2) kept = Arrays.stream(kept).filter(x -> x != all[3] && x != all[11]).toArray(double[][]::new);
                store.commit(ShardStatistics.of(ID, s, kept, frame, compression));
            }
        }
        return store;
    }

    @Test
    void rejectionsAreTheShardSizesLessTheCommittedCounts() throws Exception {
        CampaignStore store = store();
        assertEquals(Map.of(0, 0L, 2, 2L), RejectedSamples.perCell(store, ID, store.committedShards()));
        assertEquals(Map.of(2, 1L), RejectedSamples.perCell(store, ID, List.of(new Shard(2, 1, 8, 16))));
        assertThrows(BadInputException.class, () -> RejectedSamples.perCell(store, ID, List.of(new Shard(1, 0, 0, 8))),
                "a shard without a frame is corruption");
    }

    @Test
    void aPackedCellReadsAsItsShardFilesDid() throws Exception {
        CampaignStore store = store();
        List<Shard> shards = store.committedShards().stream().filter(s -> s.cell() == 2).toList();
        CellFrame frame = store.frames().get(2);
        List<ShardStatistics> loose = store.readCell(2, shards, ID, frame.components(), frame.bins());
        store.pack(2, ID, loose);
        Path out = tmp.resolve("out/shards");
        assertTrue(java.nio.file.Files.exists(out.resolve("cell-00002.json")));
        assertTrue(java.nio.file.Files.notExists(out.resolve("cell-00002")), "the shard files it replaces are removed");
        assertEquals(shards, store.committedShards().stream().filter(s -> s.cell() == 2).toList());
        List<ShardStatistics> packed = store.readCell(2, shards, ID, frame.components(), frame.bins());
        for (int i = 0; i < shards.size(); i++) {
            assertEquals(loose.get(i).count(), packed.get(i).count());
            assertTrue(Arrays.equals(loose.get(i).mean(), packed.get(i).mean()), "means bit for bit");
            assertTrue(Arrays.deepEquals(loose.get(i).comoment(), packed.get(i).comoment()), "comoments bit for bit");
            assertTrue(Arrays.deepEquals(loose.get(i).counts(), packed.get(i).counts()));
        }
        assertEquals(Map.of(0, 0L, 2, 2L), RejectedSamples.perCell(store, ID, store.committedShards()), "counts from the pack's index");
        store.pack(2, ID, packed); // nothing left to pack: a no-op
        // a run killed after the pack was renamed in but before the shard files went: both, read once
        store.commit(packed.get(0));
        assertEquals(4, store.committedShards().size());
        assertEquals(Map.of(0, 0L, 2, 2L), RejectedSamples.perCell(store, ID, store.committedShards()));
        BadInputException foreign = assertThrows(BadInputException.class,
                () -> RejectedSamples.perCell(store, "another-campaign", store.committedShards()));
        assertTrue(foreign.getMessage().contains("another campaign"), foreign.getMessage());
    }

    @Test
    void onlyCellsWithRejectionsAreReported() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err, true), "t", Duration.ofMinutes(1));
        RejectedSamples.report(List.of(new CampaignLauncher.CellStatus(0, 0.0, 0.5, 2, 16, 16, 0),
                new CampaignLauncher.CellStatus(2, 0.01, 2.0, 2, 16, 14, 2)), progress);
        assertEquals("campaign t: cell 2 (strain +0.0100, tau 2.0000): 2 of 16 samples rejected (atoms closer than 0.5 Å); "
                + "the summary holds the accepted ones only", err.toString().strip());
        assertTrue(err.toString().lines().count() == 1);
    }
}
