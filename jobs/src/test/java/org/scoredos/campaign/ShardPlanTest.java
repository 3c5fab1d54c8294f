package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    private static final List<CampaignCell> CELLS = List.of(new CampaignCell(0, 0, 0.0, 0.5), new CampaignCell(1, 0, 0.0, 1.0));

    @Test
    void shardsCutEveryCellIntoContiguousRanges() {
        ShardPlan plan = new ShardPlan(CELLS, 40, 16);
        assertEquals(3, plan.shardsPerCell());
        assertEquals(List.of(new Shard(1, 0, 0, 16), new Shard(1, 1, 16, 32), new Shard(1, 2, 32, 40)), plan.shardsOf(1));
        assertEquals(6, plan.shards().size());
        assertEquals(new Shard(0, 0, 0, 16), plan.shards().get(0));
    }

    @Test
    void aLargerCountKeepsFullShardsAndReplacesAShortLastOne() {
        List<Shard> before = new ShardPlan(CELLS, 40, 16).shards();
        List<Shard> missing = new ShardPlan(CELLS, 64, 16).missing(before);
        assertEquals(List.of(new Shard(0, 2, 32, 48), new Shard(0, 3, 48, 64), new Shard(1, 2, 32, 48), new Shard(1, 3, 48, 64)), missing);
        assertTrue(new ShardPlan(CELLS, 32, 16).missing(before).isEmpty(), "fewer samples: a subset of what is committed");
    }

    @Test
    void planFromConfigIsStrainMajor() {
        CampaignConfig c = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL + "strains: [0.0, 0.01]\n", "c.yaml");
        ShardPlan plan = ShardPlan.of(c);
        assertEquals(4, plan.cells().size());
        assertEquals(new CampaignCell(2, 1, 0.01, 0.5), plan.cells().get(2));
        assertEquals(16, plan.shardsPerCell());
    }
}
