package org.scoredos.estimate;

import org.scoredos.io.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scoredos.io.InputFiles;
import org.scoredos.io.BadInputException;

/**
 * The parameter vector θ of a linear potential, read from a single-element LAMMPS
 * {@code .snapcoeff} file (header "nelements ncoeff", an element line "name radius weight",
 * then β0 and the d coefficients; β0, a per-atom constant, is kept aside and is not part of θ)
 * or from a plain whitespace-separated list of the d numbers. {@code #} starts a comment.
 * Tuned coefficients are written back as a {@code .snapcoeff} with the input's comments,
 * element line and β0.
 *
 * @param comments    the input's leading comment lines (without the newline)
 * @param element     the element line ("X 0.5 1.0" for a plain list)
 * @param beta0       the constant coefficient (0 for a plain list)
 * @param theta       θ, d values
 * @param plain       whether the file was a plain list (no element information)
 */
public record CoefficientFile(List<String> comments, String element, double beta0, double[] theta, boolean plain) {

    /** Reads θ of {@code components} values from {@code file}. */
    public static CoefficientFile read(Path file, int components) throws IOException {
        // Bytes that are not UTF-8 become U+FFFD, so the parser names the line instead of an I/O error.
        List<String> lines = InputFiles.lines(file);
        String source = file.toString();
        List<String> comments = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean leading = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            if (leading && line.trim().startsWith("#")) comments.add(line);
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) continue;
            leading = false;
            for (String w : text.split("\\s+")) {
                words.add(w);
                positions.add(new int[] {n + 1});
            }
        }
        if (words.isEmpty()) throw BadInputException.at(source, 0, "coefficients", "no numbers in the file");
        int firstText = -1;
        for (int i = 0; i < words.size(); i++) {
            if (!isNumber(words.get(i))) {
                firstText = i;
                break;
            }
        }
        if (firstText < 0) {
            double[] theta = numbers(source, words, positions, 0, words.size());
            check(source, theta.length, components, "a plain list holds θ without β0");
            return new CoefficientFile(comments, "X 0.5 1.0", 0.0, theta, true);
        }
        // .snapcoeff: nelements ncoeff, then name radius weight, then ncoeff numbers
        if (firstText != 2) {
            throw BadInputException.at(source, positions.get(firstText)[0], "coefficients",
                    "'" + words.get(firstText) + "' is not a number (expected a plain list or a .snapcoeff file)");
        }
        int line = positions.get(0)[0];
        int nelements = integer(source, line, words.get(0), "nelements");
        int ncoeff = integer(source, line, words.get(1), "ncoeff");
        if (nelements != 1) {
            throw BadInputException.at(source, line, "nelements", "the estimation needs a single-element potential, got " + nelements);
        }
        if (words.size() < 5) throw BadInputException.at(source, line, "element", "expected 'name radius weight' after the header");
        numbers(source, words, positions, 3, 5);
        String element = words.get(2) + " " + words.get(3) + " " + words.get(4);
        double[] beta = numbers(source, words, positions, 5, words.size());
        if (beta.length != ncoeff) {
            throw BadInputException.at(source, line, "ncoeff", "the header announces " + ncoeff + " coefficients, the file holds " + beta.length);
        }
        check(source, ncoeff - 1, components, "β0 is dropped");
        double[] theta = new double[ncoeff - 1];
        System.arraycopy(beta, 1, theta, 0, theta.length);
        return new CoefficientFile(comments, element, beta[0], theta, false);
    }

    /** Writes {@code tuned} (d values) as a .snapcoeff with this file's header and β0, atomically. */
    public void writeSnapcoeff(Path out, double[] tuned, String note) throws IOException {
        if (tuned.length != theta.length) throw new IllegalArgumentException("θ has " + tuned.length + " values, expected " + theta.length);
        StringBuilder sb = new StringBuilder();
        for (String c : comments) sb.append(c).append('\n');
        if (note != null) sb.append("# ").append(note).append('\n');
        sb.append("1 ").append(tuned.length + 1).append('\n');
        sb.append(element).append('\n');
        sb.append(format(beta0)).append('\n');
        for (double v : tuned) sb.append(format(v)).append('\n');
        OutputFiles.writeString(out, sb);
    }

    /** Shortest representation that reads back to the same double. */
    private static String format(double v) {
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static void check(String source, int got, int components, String how) {
        if (got != components) {
            throw BadInputException.at(source, 0, "coefficients", "expected " + components + " values of θ ("
                    + how + "), got " + got);
        }
    }

    private static double[] numbers(String source, List<String> words, List<int[]> positions, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            String w = words.get(i);
            if (!isNumber(w)) throw BadInputException.at(source, positions.get(i)[0], "coefficients", "'" + w + "' is not a number");
            out[i - from] = Double.parseDouble(w);
            if (!Double.isFinite(out[i - from])) throw BadInputException.at(source, positions.get(i)[0], "coefficients", "'" + w + "' is not finite");
        }
        return out;
    }

    private static int integer(String source, int line, String word, String field) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw BadInputException.at(source, line, field, "expected a whole number, got '" + word + "'");
        }
    }

    private static boolean isNumber(String w) {
        try {
            Double.parseDouble(w);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
