package org.scoredos.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.MdAverages;

/**
 * cells-G.parquet: one row per isosurface cell, in increasing α. Matrices are row-major;
 * the covariance is kept as integer residuals against R diag(λ) Rᵀ ({@link EigenResidual}); the bin
 * edges are only first/last per component when {@link UniformEdges} reproduces them (else
 * the {@code edges} column holds all d·(bins+1)); counts are INT64 (delta-packed, so small).
 * Cells of MD snapshots also hold their typed MD averages ({@link MdAverages}), each an empty
 * list in other cells: {@code temperature} (K), {@code potentialEnergy} (⟨U⟩/N and its blocked
 * error, eV/atom, or none when unknown), {@code effectiveSamples}, {@code energyFromFiles} (0/1),
 * {@code energyMapped} (0/1: harmonically mapped averaging; absent in older stores: 0).
 * Stores written before these columns read with the temperature from {@code tau}, which still
 * holds every cell's label (T for MD cells).
 */
final class CellsFile {
    static final String ROLE = "cells";

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message cells {
              required double tau;
              required double alpha;
              required int64 samples;
              repeated double mean;
              repeated double eigenvalues;
              repeated double rotation;
              repeated int64 covarianceResidual;
              repeated double edgeFirst;
              repeated double edgeLast;
              repeated double edges;
              repeated int64 counts;
              repeated double temperature;
              repeated double potentialEnergy;
              repeated double effectiveSamples;
              repeated int64 energyFromFiles;
              repeated int64 energyMapped;
            }""");

    private CellsFile() {}

    static List<Group> rows(List<CellSummary> cells) {
        SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
        List<Group> rows = new ArrayList<>(cells.size());
        for (CellSummary c : cells) {
            int d = c.components();
            Group g = factory.newGroup()
                    .append("tau", c.tau())
                    .append("alpha", c.alpha())
                    .append("samples", c.samples());
            addAll(g, "mean", c.mean());
            addAll(g, "eigenvalues", c.eigenvalues());
            double[] rotation = new double[d * d];
            Triangles.packFull(c.rotation(), rotation, 0);
            addAll(g, "rotation", rotation);
            for (long r : EigenResidual.encode(c.covariance(), c.rotation(), c.eigenvalues())) g.add("covarianceResidual", r);
            boolean uniform = true;
            for (double[] e : c.binEdges()) {
                g.add("edgeFirst", e[0]);
                g.add("edgeLast", e[e.length - 1]);
                uniform &= UniformEdges.reproducible(e);
            }
            if (!uniform) for (double[] e : c.binEdges()) addAll(g, "edges", e);
            for (long[] row : c.counts()) for (long n : row) g.add("counts", n);
            MdAverages md = c.md();
            if (md != null) {
                g.add("temperature", md.temperature());
                if (md.hasEnergy()) {
                    g.add("potentialEnergy", md.energy());
                    g.add("potentialEnergy", md.energyError());
                }
                if (Double.isFinite(md.effectiveSamples())) g.add("effectiveSamples", md.effectiveSamples());
                g.add("energyFromFiles", md.fromFiles() ? 1L : 0L);
                g.add("energyMapped", md.mapped() ? 1L : 0L);
            }
            rows.add(g);
        }
        return rows;
    }

    /** The cells without score models (those live in the scores file). */
    static List<CellSummary> decode(ParquetColumns t, StoreManifest m) {
        Shapes shapes = new Shapes(t);
        shapes.rows(m.cells());
        int d = m.components();
        int bins = m.bins();
        double[] tau = t.doubles("tau");
        double[] alpha = t.doubles("alpha");
        long[] samples = t.longs("samples");
        List<CellSummary> cells = new ArrayList<>(m.cells());
        for (int r = 0; r < m.cells(); r++) {
            double[] mean = shapes.list("mean", r, d);
            double[] eigenvalues = shapes.list("eigenvalues", r, d);
            double[][] rotation = Triangles.unpackFull(shapes.list("rotation", r, d * d), 0, d, d);
            long[] residuals = shapes.longListOf("covarianceResidual", r, Triangles.size(d), d * d);
            double[][] covariance = EigenResidual.decode(residuals, rotation, eigenvalues);
            long[] flat = shapes.longList("counts", r, d * bins);
            double[][] edges = edges(shapes, r, d, bins);
            long[][] counts = new long[d][];
            for (int k = 0; k < d; k++) counts[k] = Arrays.copyOfRange(flat, k * bins, (k + 1) * bins);
            cells.add(new CellSummary(tau[r], alpha[r], samples[r], mean, covariance, eigenvalues, rotation, edges, counts, null,
                    md(t, shapes, r, tau[r], m)));
        }
        return cells;
    }

    /** A row's MD averages: the typed columns when the store has them, else (older stores) T from tau. */
    private static MdAverages md(ParquetColumns t, Shapes shapes, int r, double tau, StoreManifest m) {
        if (!t.has("temperature")) return m.conditioning() == Conditioning.TEMPERATURE ? MdAverages.temperatureOnly(tau) : null;
        double[] temperature = shapes.listOf("temperature", r, 0, 1);
        if (temperature.length == 0) return null;
        double[] energy = shapes.listOf("potentialEnergy", r, 0, 2);
        double[] effective = shapes.listOf("effectiveSamples", r, 0, 1);
        long[] fromFiles = shapes.longListOf("energyFromFiles", r, 0, 1);
        long[] mapped = t.has("energyMapped") ? shapes.longListOf("energyMapped", r, 0, 1) : new long[0];
        return new MdAverages(temperature[0], energy.length == 2 ? energy[0] : Double.NaN, energy.length == 2 ? energy[1] : Double.NaN,
                effective.length == 1 ? effective[0] : Double.NaN, fromFiles.length == 1 && fromFiles[0] == 1,
                mapped.length == 1 && mapped[0] == 1);
    }

    private static double[][] edges(Shapes shapes, int r, int d, int bins) {
        double[] first = shapes.list("edgeFirst", r, d);
        double[] last = shapes.list("edgeLast", r, d);
        double[] all = shapes.listOf("edges", r, 0, d * (bins + 1));
        double[][] edges = new double[d][];
        for (int k = 0; k < d; k++) {
            edges[k] = all.length == 0
                    ? UniformEdges.generate(first[k], last[k], bins + 1)
                    : Arrays.copyOfRange(all, k * (bins + 1), (k + 1) * (bins + 1));
        }
        return edges;
    }

    private static void addAll(Group g, String column, double[] values) {
        for (double v : values) g.add(column, v);
    }
}
