package org.scoredos.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapElement;
import org.scoredos.io.BadInputException;
import org.scoredos.io.InputFiles;
import org.scoredos.io.OutputFiles;
import org.scoredos.model.FixedTermSettings;
import org.scoredos.model.QuadraticBlock;

/**
 * The parameter vector θ of a single-element linear potential, read by the one SNAP coefficient
 * reader ({@link SnapCoefficientReader}: a LAMMPS {@code .snapcoeff} file, or a plain list of d
 * numbers θ or d + 1 numbers β0 then θ). β0, a per-atom constant, is kept aside and is not part
 * of θ. Tuned coefficients are written back as a {@code .snapcoeff} with the input's comments,
 * element line and β0.
 *
 * @param comments    the input's leading comment lines (without the newline)
 * @param element     the element line ("X 0.5 1.0" for a plain list)
 * @param beta0       the constant coefficient (0 for a plain list of d numbers)
 * @param theta       θ, d values
 * @param plain       whether the file was a plain list (no element information)
 * @param fixedTerms  the fixed terms of the model θ belongs to (a LAMMPS model file's ZBL, a qSNAP
 *                    products block), empty for none
 */
public record CoefficientFile(List<String> comments, String element, double beta0, double[] theta, boolean plain,
        List<FixedTermSettings> fixedTerms) {

    /** θ of a model without fixed terms. */
    public CoefficientFile(List<String> comments, String element, double beta0, double[] theta, boolean plain) {
        this(comments, element, beta0, theta, plain, List.of());
    }

    /** Reads θ of {@code components} values from {@code file}. */
    public static CoefficientFile read(Path file, int components) throws IOException {
        List<String> lines = InputFiles.lines(file);
        SnapCoefficients c = SnapCoefficientReader.parse(file.toString(), lines, components, "a descriptor of " + components + " components");
        if (c.elements().size() != 1) {
            throw BadInputException.at(file.toString(), 0, "nelements", "the estimation needs a single-element potential, got "
                    + c.elements().size());
        }
        List<String> comments = new ArrayList<>();
        for (String line : lines) { // the comment lines before the first content
            String text = line.trim();
            if (text.startsWith("#")) comments.add(line);
            else if (!text.isEmpty()) break;
        }
        CoefficientFile block = of(c.element(1));
        return new CoefficientFile(comments, block.element, block.beta0, block.theta, SnapCoefficientReader.isPlainList(lines));
    }

    /** θ of a model's element (a .snapcoeff block, no comments), without fixed terms. */
    public static CoefficientFile of(SnapElement e) {
        return of(e, List.of());
    }

    /** θ of a single-element model's element, with the model's fixed terms. */
    public static CoefficientFile of(SnapElement e, List<FixedTermSettings> fixedTerms) {
        return new CoefficientFile(List.of(), e.name() + " " + format(e.radius()) + " " + format(e.weight()), e.constant(), e.linear(),
                false, fixedTerms);
    }

    /**
     * Writes {@code tuned} (d values) as a .snapcoeff with this file's header and β0, atomically.
     * A quadratic model whose products block is a fixed term gets its products back after the
     * tuned linear β, so the file is the whole qSNAP model again (for its quadraticflag 1 .snapparam).
     */
    public void writeSnapcoeff(Path out, double[] tuned, String note) throws IOException {
        if (tuned.length != theta.length) throw new IllegalArgumentException("θ has " + tuned.length + " values, expected " + theta.length);
        double[] products = products();
        StringBuilder sb = new StringBuilder();
        for (String c : comments) sb.append(c).append('\n');
        if (note != null) sb.append("# ").append(note).append('\n');
        sb.append("1 ").append(tuned.length + products.length + 1).append('\n');
        sb.append(element).append('\n');
        sb.append(format(beta0)).append('\n');
        for (double v : tuned) sb.append(format(v)).append('\n');
        for (double v : products) sb.append(format(v)).append('\n');
        OutputFiles.writeString(out, sb);
    }

    /** The products block's coefficients of the single element (none without a quadratic fixed term). */
    private double[] products() {
        for (FixedTermSettings t : fixedTerms) if (t instanceof QuadraticBlock q) return q.products()[0];
        return new double[0];
    }

    /** Shortest representation that reads back to the same double. */
    private static String format(double v) {
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
