package org.scoredos.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * manifest.json at the root of a campaign's output: which campaign this is (its identity, a
 * hash of the config without the sample count and of the files it names), the code that wrote
 * it, and how many samples each cell's summary holds.
 */
public record CampaignManifest(
        String format,
        int formatVersion,
        String name,
        String identity,
        String codeVersion,
        long seed,
        int samplesPerShard,
        int samplesPerCell,
        JsonNode config,
        List<CellCount> cells) {

    public static final String FORMAT = "scoredos-campaign";
    public static final int VERSION = 1;

    /** Samples committed to the summary of one cell. */
    public record CellCount(int cell, double strain, double tau, long samples) {}

    /** The manifest of a campaign that has committed nothing yet. */
    public static CampaignManifest initial(CampaignConfig config, String identity) {
        List<CellCount> cells = ShardPlan.of(config).cells().stream()
                .map(c -> new CellCount(c.index(), c.strain(), c.tau(), 0)).toList();
        return new CampaignManifest(FORMAT, VERSION, config.name(), identity, currentCodeVersion(), config.seed(),
                config.samplesPerShard(), 0, new ObjectMapper().valueToTree(config), cells);
    }

    static String currentCodeVersion() {
        return org.scoredos.ScoreDosVersion.get();
    }

    public CampaignManifest withCounts(int newSamplesPerCell, List<CellCount> newCells, JsonNode newConfig) {
        return new CampaignManifest(format, formatVersion, name, identity, currentCodeVersion(), seed, samplesPerShard,
                newSamplesPerCell, newConfig, newCells);
    }
}
