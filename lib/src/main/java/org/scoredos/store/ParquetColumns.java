package org.scoredos.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
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

    /** Whether the file has a column {@code name} (columns added later are absent from older files). */
    boolean has(String name) {
        return columns.containsKey(name);
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
        /** Values reserved up front at most (the count comes from the file: a damaged one must not exhaust memory). */
        private static final int MAX_RESERVE = 1 << 22;

        final ColumnDescriptor descriptor;
        final PrimitiveTypeName type;
        final boolean repeated;
        int[] start = new int[16];
        int rows;
        double[] doubles = new double[0];
        long[] longs = new long[0];
        String[] strings = new String[0];
        int size;

        Builder(ColumnDescriptor descriptor) throws IOException {
            this.descriptor = descriptor;
            this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
            this.repeated = descriptor.getPrimitiveType().getRepetition() == Type.Repetition.REPEATED;
            if (type != PrimitiveTypeName.DOUBLE && type != PrimitiveTypeName.INT64 && type != PrimitiveTypeName.INT32
                    && type != PrimitiveTypeName.BINARY) {
                throw new IOException("column " + name() + ": type " + type + " is not one summary stores use");
            }
        }

        /**
         * Decodes the column's pages directly: a page's values in one sweep into the arrays,
         * then its levels only to find where rows start. Several times faster than Parquet's
         * record-assembly column readers. Stores write v2 data pages only.
         */
        void readPages(PageReader pages) throws IOException {
            int maxRepetition = descriptor.getMaxRepetitionLevel();
            int maxDefinition = descriptor.getMaxDefinitionLevel();
            ensureCapacity(size + Math.min(MAX_RESERVE, Math.max(0, pages.getTotalValueCount())));
            DataPage page;
            while ((page = pages.readPage()) != null) {
                if (!(page instanceof DataPageV2 v2)) throw new IOException("column " + name() + ": not a v2 data page");
                int n = v2.getValueCount();
                int present = n - v2.getNullCount();
                ensureCapacity(size + present);
                decodeValues(v2, present);
                RunLengthBitPackingHybridDecoder repetition = levels(v2.getRepetitionLevels(), maxRepetition);
                RunLengthBitPackingHybridDecoder definition = levels(v2.getDefinitionLevels(), maxDefinition);
                int at = size;
                for (int i = 0; i < n; i++) {
                    if (repetition == null || repetition.readInt() == 0) startRow(at);
                    if (definition == null || definition.readInt() == maxDefinition) at++;
                }
                if (at != size + present) throw new IOException("column " + name() + ": levels and values disagree");
                size = at;
            }
        }

        private void decodeValues(DataPageV2 page, int count) throws IOException {
            if (type == PrimitiveTypeName.DOUBLE && page.getDataEncoding() == Encoding.BYTE_STREAM_SPLIT) {
                // byte b of value i sits at b·count + i: gather the 8 streams back into doubles
                byte[] data = page.getData().toByteArray();
                if (data.length != 8 * count) throw new IOException("column " + name() + ": BYTE_STREAM_SPLIT page of the wrong size");
                for (int i = 0; i < count; i++) {
                    long bits = 0;
                    for (int b = 7; b >= 0; b--) bits = (bits << 8) | (data[b * count + i] & 0xFFL);
                    doubles[size + i] = Double.longBitsToDouble(bits);
                }
                return;
            }
            ValuesReader values = page.getDataEncoding().getValuesReader(descriptor, ValuesType.VALUES);
            values.initFromPage(count, page.getData().toInputStream());
            switch (type) {
                case DOUBLE -> {
                    for (int i = 0; i < count; i++) doubles[size + i] = values.readDouble();
                }
                case INT64 -> {
                    for (int i = 0; i < count; i++) longs[size + i] = values.readLong();
                }
                case INT32 -> {
                    for (int i = 0; i < count; i++) longs[size + i] = values.readInteger();
                }
                default -> {
                    for (int i = 0; i < count; i++) strings[size + i] = new String(values.readBytes().getBytes(), StandardCharsets.UTF_8);
                }
            }
        }

        private void ensureCapacity(long capacity) throws IOException {
            if (capacity > Integer.MAX_VALUE - 8) throw new IOException("column " + name() + ": too many values");
            int c = (int) capacity;
            switch (type) {
                case DOUBLE -> doubles = doubles.length >= c ? doubles : Arrays.copyOf(doubles, Math.max(c, 2 * doubles.length));
                case BINARY -> strings = strings.length >= c ? strings : Arrays.copyOf(strings, Math.max(c, 2 * strings.length));
                default -> longs = longs.length >= c ? longs : Arrays.copyOf(longs, Math.max(c, 2 * longs.length));
            }
        }

        private String name() {
            return String.join(".", descriptor.getPath());
        }

        private static RunLengthBitPackingHybridDecoder levels(BytesInput bytes, int max) throws IOException {
            return max == 0 ? null : new RunLengthBitPackingHybridDecoder(BytesUtils.getWidthFromMaxInt(max), bytes.toInputStream());
        }

        private void startRow(int at) {
            if (rows + 1 >= start.length) start = Arrays.copyOf(start, 2 * start.length);
            start[rows++] = at;
        }

        Column build() {
            int[] offsets = Arrays.copyOf(start, rows + 1);
            offsets[rows] = size;
            return new Column(type, repeated, offsets, trimmed(doubles, size), trimmed(longs, size), Arrays.copyOf(strings, Math.min(size, strings.length)));
        }

        private static double[] trimmed(double[] a, int size) {
            return a.length <= size ? a : Arrays.copyOf(a, size);
        }

        private static long[] trimmed(long[] a, int size) {
            return a.length <= size ? a : Arrays.copyOf(a, size);
        }
    }
}
