package org.scoredos.store;

import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.scoredos.summary.ReferenceConstants;

/** reference-G.parquet: one row, the phase's reference constants (names as in {@link ReferenceConstants}). */
final class ReferenceFile {
    static final String ROLE = "reference";

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message reference {
              required int32 atoms;
              required double mass;
              required double volume;
              repeated double d0;
              required double omegaBar;
              required double meanLogNu;
              required int32 stableModes;
              required double u0;
              required double strain;
              repeated double cell;
              repeated double positions;
            }""");

    private ReferenceFile() {}

    static List<Group> rows(ReferenceConstants r) {
        Group g = new SimpleGroupFactory(SCHEMA).newGroup()
                .append("atoms", r.atoms())
                .append("mass", r.mass())
                .append("volume", r.volume());
        for (double v : r.d0()) g.add("d0", v);
        g.append("omegaBar", r.omegaBar())
                .append("meanLogNu", r.meanLogNu())
                .append("stableModes", r.stableModes())
                .append("u0", r.u0())
                .append("strain", r.strain());
        for (double[] row : r.cell()) for (double v : row) g.add("cell", v);
        for (double v : r.positions()) g.add("positions", v);
        return List.of(g);
    }

    static ReferenceConstants decode(ParquetColumns t, StoreManifest m) {
        Shapes shapes = new Shapes(t);
        shapes.rows(1);
        int atoms = t.ints("atoms")[0];
        shapes.equal(0, "atoms", m.atoms(), atoms);
        double[] d0 = shapes.list("d0", 0, m.components());
        double[] cell = shapes.list("cell", 0, 9);
        double[] positions = shapes.list("positions", 0, 3 * atoms);
        return new ReferenceConstants(atoms, t.doubles("mass")[0], t.doubles("volume")[0], d0,
                t.doubles("omegaBar")[0], t.doubles("meanLogNu")[0], t.ints("stableModes")[0],
                t.doubles("u0")[0], t.doubles("strain")[0], Triangles.unpackFull(cell, 0, 3, 3), positions);
    }
}
