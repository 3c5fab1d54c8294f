package org.scoredos.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** The plan of a fresh output: cells numbered strain-major, τ ascending within a strain. */
    public static ShardPlan of(CampaignConfig config) {
        return of(config, List.of());
    }

    /**
     * The plan of an output that already holds {@code existing} cells: each keeps its id (its
     * samples are a function of the seed, the first strain's id at its τ and the index), and the config's new τ values
     * get new ids after the highest one, strain-major and τ ascending. Every existing cell must
     * still be in the grid, at the same τ (to 1e-9 relative: a grid rebuilt from the same
     * numbers); a τ that changed makes another campaign and is refused.
     *
     * @throws ConfigError naming the grid's key when an existing cell is not in the grid
     */
    public static ShardPlan of(CampaignConfig config, List<CampaignManifest.CellCount> existing) {
        List<CampaignCell> cells = new ArrayList<>();
        List<CampaignManifest.CellCount> unmatched = new ArrayList<>(existing);
        int next = existing.stream().mapToInt(c -> c.cell() + 1).max().orElse(0);
        List<Double> taus = config.tau().values();
        int[] streams = new int[taus.size()]; // the first strain's cell ids, per τ
        for (int p = 0; p < config.strains().size(); p++) {
            double strain = config.strains().get(p);
            for (int j = 0; j < taus.size(); j++) {
                double tau = taus.get(j);
                CampaignManifest.CellCount old = unmatched.stream()
                        .filter(c -> c.strain() == strain && sameTau(c.tau(), tau)).findFirst().orElse(null);
                if (old != null) unmatched.remove(old);
                int id = old != null ? old.cell() : next++;
                if (p == 0) streams[j] = id;
                cells.add(new CampaignCell(id, p, strain, old != null ? old.tau() : tau, streams[j]));
            }
        }
        if (!unmatched.isEmpty()) {
            CampaignManifest.CellCount c = unmatched.get(0);
            throw new ConfigError(config.temperatures() != null ? "temperatures" : "tau", String.format(Locale.ROOT,
                    "the output's cell %d (strain %s, τ = %s) is not in this grid: cells may be added below, above or "
                    + "between, but an existing τ cannot change or go (that is another campaign: choose another output)",
                    c.cell(), c.strain(), c.tau()));
        }
        return new ShardPlan(cells, config.samples(), config.samplesPerShard());
    }

    private static boolean sameTau(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Cells strain-major, τ ascending within a strain (ids in order of creation, not of τ). */
    public List<CampaignCell> cells() {
        return cells;
    }

    /** The cell of phase {@code phase} at {@code tau} (exactly a cell's τ). */
    public CampaignCell cellAt(int phase, double tau) {
        for (CampaignCell c : cells) if (c.phase() == phase && c.tau() == tau) return c;
        throw new IllegalArgumentException("no cell at τ " + tau + " of phase " + phase + " in this plan");
    }

    /** The cell with id {@code id}. */
    public CampaignCell cell(int id) {
        for (CampaignCell c : cells) if (c.index() == id) return c;
        throw new IllegalArgumentException("no cell " + id + " in this plan");
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
