package org.scoredos.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.scoredos.io.BadInputException;

/**
 * A flat Parquet file (top-level primitive columns, required or repeated) decoded page by
 * page straight into primitive arrays, without per-value objects or record assembly: that is
 * what makes a phase load in milliseconds. Accessors check names, types and repetition, and name the file
 * and column in their errors.
 */
final class ParquetColumns {
    private final String file;
    private final int rows;
    private final Map<String, Column> columns;
    private final Map<String, String> metadata;

    private ParquetColumns(String file, int rows, Map<String, Column> columns, Map<String, String> metadata) {
        this.file = file;
        this.rows = rows;
        this.columns = columns;
        this.metadata = metadata;
    }

    /** Decodes a whole file; anything Parquet cannot read is reported as bad input naming it. */
    static ParquetColumns read(String file, byte[] bytes) {
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetBytes.input(bytes), ParquetBytes.readOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            long total = reader.getRecordCount();
            if (total > Integer.MAX_VALUE) throw new BadInputException(file + ": too many rows (" + total + ")");
            Map<String, Builder> builders = new HashMap<>();
            for (ColumnDescriptor c : schema.getColumns()) {
                if (c.getPath().length == 1) builders.put(c.getPath()[0], new Builder(c));
            }
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                for (Builder b : builders.values()) b.readPages(rowGroup.getPageReader(b.descriptor));
            }
            Map<String, Column> columns = new HashMap<>();
            for (Map.Entry<String, Builder> e : builders.entrySet()) {
                Column col = e.getValue().build();
                if (col.rows() != total) {
                    throw new BadInputException(file + ": column " + e.getKey() + ": " + col.rows() + " rows, the file says " + total);
                }
                columns.put(e.getKey(), col);
            }
            return new ParquetColumns(file, (int) total, columns, reader.getFooter().getFileMetaData().getKeyValueMetaData());
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": not a readable Parquet file (corrupted?): " + oneLine(e), e);
        }
    }

    int rows() {
        return rows;
    }

    String file() {
        return file;
    }

    /** A key of the file's key-value metadata, or null. */
    String metadata(String key) {
        return metadata == null ? null : metadata.get(key);
    }

    double[] doubles(String name) {
        Column c = column(name, PrimitiveTypeName.DOUBLE, false);
        return c.doubles;
    }

    long[] longs(String name) {
        return column(name, PrimitiveTypeName.INT64, false).longs;
    }

    int[] ints(String name) {
        Column c = column(name, PrimitiveTypeName.INT32, false);
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) out[r] = (int) c.longs[r];
        return out;
    }

    String[] strings(String name) {
        return column(name, PrimitiveTypeName.BINARY, false).strings;
    }

    /** The values of a repeated double column in row {@code row}. */
    double[] doubleList(String name, int row) {
        Column c = column(name, PrimitiveTypeName.DOUBLE, true);
        return Arrays.copyOfRange(c.doubles, c.start[row], c.start[row + 1]);
    }

    long[] longList(String name, int row) {
        Column c = column(name, PrimitiveTypeName.INT64, true);
        return Arrays.copyOfRange(c.longs, c.start[row], c.start[row + 1]);
    }

    private Column column(String name, PrimitiveTypeName type, boolean repeated) {
        Column c = columns.get(name);
        if (c == null) throw new BadInputException(file + ": column " + name + ": missing");
        if (c.type != type || c.repeated != repeated) {
            throw new BadInputException(file + ": column " + name + ": expected " + (repeated ? "repeated " : "") + type
                    + ", found " + (c.repeated ? "repeated " : "") + c.type);
        }
        return c;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /** One decoded column: values flat, rows delimited by {@code start} (rows + 1 offsets). */
    private record Column(PrimitiveTypeName type, boolean repeated, int[] start, double[] doubles, long[] longs, String[] strings) {
        int rows() {
            return start.length - 1;
        }
    }

    private static final class Builder {
        final ColumnDescriptor descriptor;
        final PrimitiveTypeName type;
        final boolean repeated;
        int[] start = new int[16];
        int rows;
        double[] doubles = new double[0];
        long[] longs = new long[0];
        String[] strings = new String[0];
        int size;

        Builder(ColumnDescriptor descriptor) {
            this.descriptor = descriptor;
            this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
            this.repeated = descriptor.getPrimitiveType().getRepetition() == Type.Repetition.REPEATED;
        }

        /**
         * Decodes the column's pages directly (levels, then values), which is several times
         * faster than Parquet's record-assembly column readers. Stores write v2 data pages only.
         */
        void readPages(PageReader pages) throws IOException {
            int maxRepetition = descriptor.getMaxRepetitionLevel();
            int maxDefinition = descriptor.getMaxDefinitionLevel();
            DataPage page;
            while ((page = pages.readPage()) != null) {
                if (!(page instanceof DataPageV2 v2)) throw new IOException("column " + name() + ": not a v2 data page");
                int n = v2.getValueCount();
                RunLengthBitPackingHybridDecoder repetition = levels(v2.getRepetitionLevels(), maxRepetition);
                RunLengthBitPackingHybridDecoder definition = levels(v2.getDefinitionLevels(), maxDefinition);
                ValuesReader values = v2.getDataEncoding().getValuesReader(descriptor, ValuesType.VALUES);
                values.initFromPage(n - v2.getNullCount(), v2.getData().toInputStream());
                for (int i = 0; i < n; i++) {
                    if (repetition == null || repetition.readInt() == 0) startRow();
                    if (definition == null || definition.readInt() == maxDefinition) append(values);
                }
            }
        }

        private String name() {
            return String.join(".", descriptor.getPath());
        }

        private static RunLengthBitPackingHybridDecoder levels(BytesInput bytes, int max) throws IOException {
            return max == 0 ? null : new RunLengthBitPackingHybridDecoder(BytesUtils.getWidthFromMaxInt(max), bytes.toInputStream());
        }

        private void startRow() {
            if (rows + 1 >= start.length) start = Arrays.copyOf(start, 2 * start.length);
            start[rows++] = size;
        }

        private void append(ValuesReader reader) {
            switch (type) {
                case DOUBLE -> {
                    if (size == doubles.length) doubles = Arrays.copyOf(doubles, Math.max(64, 2 * size));
                    doubles[size] = reader.readDouble();
                }
                case INT64, INT32 -> {
                    if (size == longs.length) longs = Arrays.copyOf(longs, Math.max(64, 2 * size));
                    longs[size] = type == PrimitiveTypeName.INT64 ? reader.readLong() : reader.readInteger();
                }
                case BINARY -> {
                    if (size == strings.length) strings = Arrays.copyOf(strings, Math.max(16, 2 * size));
                    strings[size] = new String(reader.readBytes().getBytes(), StandardCharsets.UTF_8);
                }
                default -> throw new BadInputException("column " + descriptor + ": unsupported type " + type);
            }
            size++;
        }

        Column build() {
            int[] offsets = Arrays.copyOf(start, rows + 1);
            offsets[rows] = size;
            return new Column(type, repeated, offsets, Arrays.copyOf(doubles, type == PrimitiveTypeName.DOUBLE ? size : 0),
                    Arrays.copyOf(longs, type == PrimitiveTypeName.DOUBLE || type == PrimitiveTypeName.BINARY ? 0 : size),
                    Arrays.copyOf(strings, type == PrimitiveTypeName.BINARY ? size : 0));
        }
    }
}
