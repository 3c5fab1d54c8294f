package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.scoredos.ensemble.CsvMatrix;
import org.scoredos.ensemble.NpyMatrix;
import org.scoredos.ensemble.ThetaMatrix;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.estimate.ModelCheck;
import org.scoredos.io.BadInputException;
import org.scoredos.store.ParquetMatrix;
import org.scoredos.estimate.StoredPhase;

/**
 * The members of {@code ensemble --thetas}: a directory of {@code .snapcoeff} files (each checked
 * against the stores' element like any --coeff), or a matrix with one θ per row — CSV or
 * whitespace text, Parquet, or NumPy {@code .npy} (no element to check: said once on stderr).
 */
final class EnsembleThetas {
    private EnsembleThetas() {}

    static ThetaMatrix read(Path path, PrintWriter err, StoredPhase... phases) throws IOException {
        int d = phases[0].components();
        if (Files.isDirectory(path)) return directory(path, d, err, phases);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        String where = "--thetas " + path;
        ThetaMatrix matrix;
        if (isText(name)) {
            CsvMatrix.Rows rows = CsvMatrix.read(path);
            matrix = new ThetaMatrix(where, rows.rows(), d, rows.label());
        } else {
            matrix = new ThetaMatrix(where, matrix(path, "--thetas"), d, ThetaMatrix.RowLabel.ROWS);
        }
        double[] first = new double[d];
        matrix.theta(0, first);
        warnOnce(err, phases, path, new CoefficientFile(List.of(), "X 0.5 1.0", 0, first, true));
        return matrix;
    }

    /** A matrix file's rows: text (.csv, .txt, .tsv, .dat), .parquet or .npy. */
    static double[][] matrix(Path path, String option) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) return NpyMatrix.read(path);
        if (name.endsWith(".parquet")) return ParquetMatrix.read(path);
        if (isText(name)) return CsvMatrix.read(path).rows();
        throw new BadInputException(option + " " + path + ": expected a .csv, .txt, .parquet or .npy matrix"
                + (option.equals("--thetas") ? " or a directory of .snapcoeff files" : ""));
    }

    private static boolean isText(String name) {
        return name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv") || name.endsWith(".dat");
    }

    private static ThetaMatrix directory(Path dir, int d, PrintWriter err, StoredPhase[] phases) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".snapcoeff")).sorted().toList();
        }
        if (files.isEmpty()) throw new BadInputException("--thetas " + dir + ": no .snapcoeff files in the directory");
        double[][] rows = new double[files.size()][];
        List<String> warnings = new ArrayList<>();
        for (int f = 0; f < rows.length; f++) {
            CoefficientFile file = CoefficientFile.read(files.get(f), d);
            for (StoredPhase p : phases) {
                String w = ModelCheck.check(p.model(), "phase " + p.name(), files.get(f), file);
                if (w != null) warnings.add(w);
            }
            rows[f] = file.theta();
        }
        Set<String> distinct = new LinkedHashSet<>(warnings);
        int shown = 0;
        for (String w : distinct) {
            if (shown++ < 2) err.println("warning: " + w);
        }
        if (distinct.size() > 2) err.println("warning: and " + (distinct.size() - 2) + " more such warnings for the other files");
        err.flush();
        return new ThetaMatrix("--thetas " + dir, rows, d, r -> files.get(r).getFileName().toString());
    }

    /** A matrix carries no element: the stores' usual one-line warning, once. */
    private static void warnOnce(PrintWriter err, StoredPhase[] phases, Path path, CoefficientFile first) {
        Set<String> warnings = new LinkedHashSet<>();
        for (StoredPhase p : phases) {
            String w = ModelCheck.check(p.model(), "phase " + p.name(), path, first);
            if (w != null) warnings.add(w.replace("a plain list of", "a matrix of θ with rows of"));
        }
        for (String w : warnings) err.println("warning: " + w);
        err.flush();
    }
}
