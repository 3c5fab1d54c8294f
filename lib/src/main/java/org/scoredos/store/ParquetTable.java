package org.scoredos.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A flat result table (required INT32, DOUBLE and BOOLEAN columns of equal length) encoded as
 * one Parquet file in memory, ZSTD-compressed, with key-value metadata (units, convention):
 * the per-member results of a command, written with {@code OutputFiles} like any result.
 */
public final class ParquetTable {
    /** Result tables can be large (10⁵–10⁷ rows): a fast level, not the store's 9. */
    private static final ZstdCodec CODEC = new ZstdCodec(3);

    private final Map<String, Object> columns = new LinkedHashMap<>();
    private int rows = -1;

    /** An INT32 column. */
    public ParquetTable ints(String name, int[] values) {
        return add(name, values, values.length);
    }

    /** A DOUBLE column. */
    public ParquetTable doubles(String name, double[] values) {
        return add(name, values, values.length);
    }

    /** A BOOLEAN column. */
    public ParquetTable booleans(String name, boolean[] values) {
        return add(name, values, values.length);
    }

    private ParquetTable add(String name, Object values, int length) {
        if (rows >= 0 && length != rows) throw new IllegalArgumentException("column " + name + ": " + length + " rows, the table has " + rows);
        if (columns.put(name, values) != null) throw new IllegalArgumentException("column " + name + " given twice");
        rows = length;
        return this;
    }

    /** The file's bytes. */
    public byte[] encode(Map<String, String> metadata) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            PrimitiveTypeName type = c.getValue() instanceof int[] ? PrimitiveTypeName.INT32
                    : c.getValue() instanceof double[] ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.BOOLEAN;
            builder.addField(Types.primitive(type, Type.Repetition.REQUIRED).named(c.getKey()));
        }
        MessageType schema = builder.named("results");
        List<Group> out = new ArrayList<>(Math.max(rows, 0));
        Object[] values = columns.values().toArray();
        for (int r = 0; r < rows; r++) {
            Group g = new SimpleGroup(schema);
            for (int f = 0; f < values.length; f++) {
                if (values[f] instanceof int[] v) g.add(f, v[r]);
                else if (values[f] instanceof double[] v) g.add(f, v[r]);
                else g.add(f, ((boolean[]) values[f])[r]);
            }
            out.add(g);
        }
        return ParquetBytes.write(schema, out, metadata, CODEC);
    }
}
