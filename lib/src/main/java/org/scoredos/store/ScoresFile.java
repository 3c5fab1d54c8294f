package org.scoredos.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.scoredos.summary.ScoreTable;

/**
 * scores-G.parquet: one row per cell (same order as the cells file), the fitted score models
 * of its d components with M coefficients each: coefficients d·M (component-major), and the
 * M×M coefficient covariances, each as its upper triangle when every one of the cell is
 * exactly symmetric (d·M(M+1)/2 values), else in full (d·M²).
 */
final class ScoresFile {
    static final String ROLE = "scores";

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message scores {
              required binary basis (STRING);
              required int32 order;
              repeated double centre;
              repeated double scale;
              repeated double shift;
              repeated double coefficients;
              repeated double covariance;
            }""");

    private ScoresFile() {}

    static List<Group> rows(List<ScoreTable> tables) {
        SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
        List<Group> rows = new ArrayList<>(tables.size());
        for (ScoreTable s : tables) {
            int d = s.centre().length;
            int m = s.coefficients()[0].length;
            Group g = factory.newGroup().append("basis", s.basis()).append("order", s.order());
            for (double v : s.centre()) g.add("centre", v);
            for (double v : s.scale()) g.add("scale", v);
            for (double v : s.shift()) g.add("shift", v);
            for (double[] c : s.coefficients()) for (double v : c) g.add("coefficients", v);
            boolean symmetric = true;
            for (double[][] c : s.covariance()) symmetric &= Triangles.isSymmetric(c);
            double[] cov = new double[d * (symmetric ? Triangles.size(m) : m * m)];
            int at = 0;
            for (double[][] c : s.covariance()) at = symmetric ? Triangles.packUpper(c, cov, at) : Triangles.packFull(c, cov, at);
            for (double v : cov) g.add("covariance", v);
            rows.add(g);
        }
        return rows;
    }

    static List<ScoreTable> decode(ParquetColumns t, StoreManifest manifest) {
        Shapes shapes = new Shapes(t);
        shapes.rows(manifest.cells());
        int d = manifest.components();
        int m = manifest.scores().coefficients();
        String[] basis = t.strings("basis");
        int[] order = t.ints("order");
        List<ScoreTable> tables = new ArrayList<>(manifest.cells());
        for (int r = 0; r < manifest.cells(); r++) {
            if (!basis[r].equals(manifest.scores().basis())) throw shapes.mismatch(r, "basis", "\"" + basis[r] + "\", the manifest says \"" + manifest.scores().basis() + "\"");
            shapes.equal(r, "order", manifest.scores().order(), order[r]);
            double[] flat = shapes.list("coefficients", r, d * m);
            double[] cov = shapes.listOf("covariance", r, d * Triangles.size(m), d * m * m);
            boolean full = cov.length == d * m * m && m > 1;
            double[][] coefficients = Triangles.unpackFull(flat, 0, d, m);
            double[][][] covariance = new double[d][][];
            for (int k = 0; k < d; k++) {
                covariance[k] = full ? Triangles.unpackFull(cov, k * m * m, m, m) : Triangles.unpackUpper(cov, k * Triangles.size(m), m);
            }
            tables.add(new ScoreTable(basis[r], order[r], shapes.list("centre", r, d), shapes.list("scale", r, d),
                    coefficients, covariance, shapes.list("shift", r, d)));
        }
        return tables;
    }
}
