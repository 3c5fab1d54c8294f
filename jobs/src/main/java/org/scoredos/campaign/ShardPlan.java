package org.scoredos.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shards of a campaign: every cell's samples 0..n−1 cut into contiguous ranges of
 * {@code samplesPerShard}. Boundaries depend on the shard size only, so a larger sample count
 * keeps every full shard and adds new ones; a short last shard is replaced by a longer one.
 */
public final class ShardPlan implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<CampaignCell> cells;
    private final int samples;
    private final int samplesPerShard;

    public ShardPlan(List<CampaignCell> cells, int samples, int samplesPerShard) {
        if (cells.isEmpty()) throw new IllegalArgumentException("no cells");
        if (samples < 1 || samplesPerShard < 1) throw new IllegalArgumentException("counts must be positive");
        this.cells = List.copyOf(cells);
        this.samples = samples;
        this.samplesPerShard = samplesPerShard;
    }

    /** Cells strain-major, τ ascending within a strain. */
    public static ShardPlan of(CampaignConfig config) {
        List<CampaignCell> cells = new ArrayList<>();
        for (int p = 0; p < config.strains().size(); p++) {
            for (double tau : config.tau().values()) cells.add(new CampaignCell(cells.size(), p, config.strains().get(p), tau));
        }
        return new ShardPlan(cells, config.samples(), config.samplesPerShard());
    }

    public List<CampaignCell> cells() {
        return cells;
    }

    public int samplesPerCell() {
        return samples;
    }

    public int shardsPerCell() {
        return (samples + samplesPerShard - 1) / samplesPerShard;
    }

    /** The shards of one cell in index order. */
    public List<Shard> shardsOf(int cell) {
        List<Shard> s = new ArrayList<>(shardsPerCell());
        for (int i = 0; i < shardsPerCell(); i++) {
            s.add(new Shard(cell, i, i * samplesPerShard, Math.min((i + 1) * samplesPerShard, samples)));
        }
        return s;
    }

    /** Every shard, in merge order. */
    public List<Shard> shards() {
        List<Shard> s = new ArrayList<>();
        for (CampaignCell c : cells) s.addAll(shardsOf(c.index()));
        return s;
    }

    /** The shards not yet committed (a shard counts as committed only with exactly its range), in merge order. */
    public List<Shard> missing(Collection<Shard> committed) {
        Set<Shard> done = new HashSet<>(committed);
        return shards().stream().filter(s -> !done.contains(s)).toList();
    }
}
