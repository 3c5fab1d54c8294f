package org.scoredos.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;

/**
 * A matrix in a Parquet file, one row per record: the row is every floating-point value of the
 * record in schema order — one DOUBLE/FLOAT column per component (as pandas or Spark write a
 * wide table), or a list column holding the whole vector. Integer and string columns (an index,
 * a member id) are not part of the row. Any Parquet writer's pages are read (v1 or v2,
 * optional or required; uncompressed, Snappy, GZIP or ZSTD); a null is refused naming its row
 * and column.
 */
public final class ParquetMatrix {
    private ParquetMatrix() {}

    /** The rows of {@code file}. */
    public static double[][] read(Path file) throws IOException {
        String name = file.toString();
        byte[] bytes = InputFiles.readAll(file);
        List<double[]> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(ParquetBytes.input(bytes),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            ColumnIOFactory factory = new ColumnIOFactory();
            PageReadStore group;
            while ((group = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = factory.getColumnIO(schema).getRecordReader(group, new GroupRecordConverter(schema));
                for (long r = 0; r < group.getRowCount(); r++) {
                    List<Double> values = new ArrayList<>();
                    collect(name, rows.size() + 1, records.read(), values);
                    double[] row = new double[values.size()];
                    for (int i = 0; i < row.length; i++) row[i] = values.get(i);
                    rows.add(row);
                }
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw BadInputException.at(name, 0, null, "not a readable Parquet file: " + m.replaceAll("\\s+", " "));
        }
        return rows.toArray(new double[0][]);
    }

    /** The floating-point leaves of {@code g} in schema order. */
    private static void collect(String file, int row, Group g, List<Double> out) {
        GroupType type = g.getType();
        for (int f = 0; f < type.getFieldCount(); f++) {
            Type field = type.getType(f);
            int n = g.getFieldRepetitionCount(f);
            if (field.isPrimitive()) {
                PrimitiveTypeName p = field.asPrimitiveType().getPrimitiveTypeName();
                if (p != PrimitiveTypeName.DOUBLE && p != PrimitiveTypeName.FLOAT) continue;
                if (n == 0 && field.getRepetition() != Type.Repetition.REPEATED) {
                    throw BadInputException.at(file, 0, "row " + row + ", column " + field.getName(), "null (every component of θ needs a value)");
                }
                for (int i = 0; i < n; i++) out.add(p == PrimitiveTypeName.DOUBLE ? g.getDouble(f, i) : (double) g.getFloat(f, i));
            } else {
                if (n == 0 && field.getRepetition() == Type.Repetition.OPTIONAL) {
                    throw BadInputException.at(file, 0, "row " + row + ", column " + field.getName(), "null (every component of θ needs a value)");
                }
                for (int i = 0; i < n; i++) collect(file, row, g.getGroup(f, i), out);
            }
        }
    }
}
