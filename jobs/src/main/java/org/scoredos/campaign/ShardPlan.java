package org.scoredos.campaign;

import java.util.ArrayList;
import java.util.Arrays;
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
     * samples are a function of the seed, its stream and the index), and the config's new τ values
     * and new strains get new ids after the highest one, strain-major and τ ascending. A cell's
     * stream is the lowest id at its τ: the first strain's cell of a fresh output, which neither a
     * new strain (above, below or between) nor a new τ changes, so every strain at a τ keeps
     * drawing the same numbers across top-ups (common random numbers). Every existing cell must
     * still be in the grid, at the same τ (to 1e-9 relative: a grid rebuilt from the same
     * numbers); a τ that changed makes another campaign and is refused.
     *
     * @throws ConfigError naming {@code strains} when an existing cell's strain is not in the config, else the grid's key
     *                     when an existing cell is not in the grid
     */
    public static ShardPlan of(CampaignConfig config, List<CampaignManifest.CellCount> existing) {
        if (config.strains().size() > 1 && !existing.isEmpty() && existing.stream().mapToDouble(c -> c.strain()).distinct().count() == 1) {
            throw new ConfigError("strains", "the output sampled one strain, its summary named without it: "
                    + "several strains are another campaign (choose another output)");
        }
        List<CampaignCell> cells = new ArrayList<>();
        List<CampaignManifest.CellCount> unmatched = new ArrayList<>(existing);
        int next = existing.stream().mapToInt(c -> c.cell() + 1).max().orElse(0);
        List<Double> taus = config.tau().values();
        int strains = config.strains().size();
        int[][] ids = new int[strains][taus.size()];
        double[][] cellTau = new double[strains][taus.size()];
        int[] streams = new int[taus.size()]; // per τ, the lowest id there: the first cell ever made at that τ
        Arrays.fill(streams, Integer.MAX_VALUE);
        for (int p = 0; p < strains; p++) {
            double strain = config.strains().get(p);
            for (int j = 0; j < taus.size(); j++) {
                double tau = taus.get(j);
                CampaignManifest.CellCount old = unmatched.stream()
                        .filter(c -> c.strain() == strain && sameTau(c.tau(), tau)).findFirst().orElse(null);
                if (old != null) unmatched.remove(old);
                ids[p][j] = old != null ? old.cell() : next++;
                cellTau[p][j] = old != null ? old.tau() : tau;
                streams[j] = Math.min(streams[j], ids[p][j]);
            }
        }
        for (int p = 0; p < strains; p++) {
            for (int j = 0; j < taus.size(); j++) {
                cells.add(new CampaignCell(ids[p][j], p, config.strains().get(p), cellTau[p][j], streams[j]));
            }
        }
        if (!unmatched.isEmpty()) {
            CampaignManifest.CellCount c = unmatched.get(0);
            if (!config.strains().contains(c.strain())) {
                throw new ConfigError("strains", String.format(Locale.ROOT, "the output's strain %s is not in this list: "
                        + "strains may be added, but a sampled one cannot change or go (that is another campaign: choose another output)",
                        c.strain()));
            }
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
