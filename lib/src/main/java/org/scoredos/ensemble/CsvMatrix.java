package org.scoredos.ensemble;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;

/**
 * A text matrix, one θ per line, values separated by commas or whitespace; {@code #} starts a
 * comment, and a first line that is not numbers is a header (column names) and is skipped.
 */
public final class CsvMatrix {
    private CsvMatrix() {}

    /** The numeric rows of a text matrix and the line each came from. */
    public record Rows(double[][] rows, int[] lines) {
        /** Rows named by their line in the file. */
        public ThetaMatrix.RowLabel label() {
            return r -> "line " + lines[r];
        }
    }

    /** The rows in {@code file}. */
    public static Rows read(Path file) throws IOException {
        String name = file.toString();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = InputFiles.text(file)) {
            String line;
            int n = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                n++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (text.isEmpty()) continue;
                String[] words = text.split("\\s*,\\s*|\\s+");
                double[] row = new double[words.length];
                for (int i = 0; i < words.length; i++) {
                    try {
                        row[i] = Double.parseDouble(words[i]);
                    } catch (NumberFormatException e) {
                        if (first) {
                            row = null; // a header line of column names
                            break;
                        }
                        throw BadInputException.at(name, n, "column " + (i + 1), "'" + words[i] + "' is not a number");
                    }
                }
                first = false;
                if (row != null) {
                    rows.add(row);
                    lines.add(n);
                }
            }
        }
        return new Rows(rows.toArray(new double[0][]), lines.stream().mapToInt(Integer::intValue).toArray());
    }
}
