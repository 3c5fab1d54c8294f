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
        // the second strain's cells draw the first strain's streams at the same τ
        assertEquals(new CampaignCell(2, 1, 0.01, 0.5, 0), plan.cells().get(2));
        assertEquals(new CampaignCell(3, 1, 0.01, 1.0, 1), plan.cells().get(3));
        assertEquals(16, plan.shardsPerCell());
    }

    @Test
    void aGrownGridKeepsEveryCellsIdAndNumbersTheNewOnesAfterTheHighest() {
        CampaignConfig c = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]",
                "tau: [0.25, 0.5, 0.75, 1.0, 2.0]") + "strains: [0.0, 0.01]\n", "c.yaml");
        List<CampaignManifest.CellCount> existing = List.of(new CampaignManifest.CellCount(0, 0.0, 0.5, 256),
                new CampaignManifest.CellCount(1, 0.0, 1.0, 256), new CampaignManifest.CellCount(2, 0.01, 0.5, 256),
                new CampaignManifest.CellCount(3, 0.01, 1.0, 256));
        ShardPlan plan = ShardPlan.of(c, existing);
        // strain-major, τ ascending; the committed cells keep 0..3, the new ones get 4.. in that order
        assertEquals(List.of(4, 0, 5, 1, 6, 7, 2, 8, 3, 9), plan.cells().stream().map(CampaignCell::index).toList());
        assertEquals(new CampaignCell(2, 1, 0.01, 0.5, 0), plan.cell(2));
        assertEquals(new CampaignCell(8, 1, 0.01, 0.75, 5), plan.cellAt(1, 0.75));
        // a resumed or topped-up output rebuilds the same streams from its manifest
        assertEquals(plan.cells(), ShardPlan.of(c, plan.cells().stream()
                .map(cc -> new CampaignManifest.CellCount(cc.index(), cc.strain(), cc.tau(), 256)).toList()).cells());
        assertEquals(List.of(new Shard(9, 0, 0, 16)), plan.shardsOf(9).subList(0, 1));

        // the same τ rebuilt from other numbers (0.1 + 0.2 ≠ 0.3 in binary) is the same cell
        CampaignConfig rebuilt = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]",
                "tau: {from: 0.1, to: 0.3, count: 3}"), "c.yaml");
        assertEquals(0, ShardPlan.of(rebuilt, List.of(new CampaignManifest.CellCount(0, 0.0, 0.1 + 0.2, 16))).cellAt(0, 0.1 + 0.2).index());

        // strains added below and above: new ids after the highest; every τ keeps its stream (its lowest id)
        CampaignConfig more = CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]",
                "tau: [0.25, 0.5, 0.75, 1.0, 2.0]") + "strains: [-0.01, 0.0, 0.01, 0.02]\n", "c.yaml");
        ShardPlan added = ShardPlan.of(more, plan.cells().stream()
                .map(cc -> new CampaignManifest.CellCount(cc.index(), cc.strain(), cc.tau(), 256)).toList());
        assertEquals(List.of(10, 11, 12, 13, 14, 4, 0, 5, 1, 6, 7, 2, 8, 3, 9, 15, 16, 17, 18, 19),
                added.cells().stream().map(CampaignCell::index).toList());
        assertEquals(List.of(4, 0, 5, 1, 6), added.cells().stream().filter(cc -> cc.strain() == -0.01).map(CampaignCell::stream).toList());
        for (CampaignCell cc : plan.cells()) assertEquals(cc.stream(), added.cell(cc.index()).stream(), "cell " + cc.index());
        assertEquals(new CampaignCell(18, 3, 0.02, 1.0, 1), added.cellAt(3, 1.0));
        ConfigError gone = org.junit.jupiter.api.Assertions.assertThrows(ConfigError.class, () -> ShardPlan.of(
                CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL + "strains: [0.0, 0.02]\n", "c.yaml"), existing));
        assertEquals("strains", gone.field);

        ConfigError changed = org.junit.jupiter.api.Assertions.assertThrows(ConfigError.class, () -> ShardPlan.of(
                CampaignConfigReader.parse(CampaignConfigReaderTest.MINIMAL.replace("tau: [0.5, 1.0]", "tau: [0.5, 1.1]"), "c.yaml"),
                existing.subList(0, 2)));
        assertEquals("tau", changed.field);
        assertTrue(changed.reason.startsWith("the output's cell 1 (strain 0.0, τ = 1.0) is not in this grid"), changed.reason);
    }
}
