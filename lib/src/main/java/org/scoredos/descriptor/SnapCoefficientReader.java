package org.scoredos.descriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scoredos.io.BadInputException;

/**
 * Reads SNAP coefficients in either of two forms, checked against the parameters:
 * <ul>
 *   <li>a LAMMPS {@code .snapcoeff} file: a line "nelements ncoeff", then per element a line
 *       "name radius weight" followed by ncoeff lines of one number each (β0, then β); ncoeff
 *       must be 1 + the descriptor count of the parameters (with the quadratic terms when
 *       {@code quadraticflag 1}, and a bispectrum block per element triple when {@code chemflag 1});</li>
 *   <li>a plain whitespace-separated list of numbers: d numbers are β with β0 = 0, d + 1 numbers
 *       are β0 then β (d = descriptor count). The single element gets radius 0.5 and weight 1,
 *       so rcut = rcutfac.</li>
 * </ul>
 * {@code #} starts a comment in both.
 */
public final class SnapCoefficientReader {
    /** Radius and weight of the element of a plain coefficient list. */
    public static final double PLAIN_RADIUS = 0.5;
    public static final double PLAIN_WEIGHT = 1.0;

    /**
     * Magnitudes beyond any published model, refused so that a typo (1e308) is bad input and
     * never an Infinity energy or NaN forces: |β| ≤ 1e100, |weight| ≤ 1e6 (bispectra grow as
     * weight³), radius ≤ 1000 Å.
     */
    static final double MAX_COEFFICIENT = 1e100, MAX_WEIGHT = 1e6, MAX_RADIUS = 1e3;

    private SnapCoefficientReader() {}

    public static SnapCoefficients read(Path file, SnapParameters params) throws IOException {
        return parse(file.toString(), SnapParameterReader.lines(file), params);
    }

    public static SnapCoefficients parse(String source, List<String> lines, SnapParameters params) {
        return parse(source, lines, new Shape() {
            @Override
            public int descriptors(int elements) {
                return params.descriptorCount(elements);
            }

            @Override
            public String describe(int elements) {
                return "twojmax " + params.twojmax() + (params.quadratic() ? " with quadraticflag 1" : "")
                        + (params.chem() ? " with chemflag 1 and " + elements + " elements" : "");
            }
        });
    }

    /** Parses coefficients for a descriptor of {@code descriptors} components per element, whatever the element count. */
    public static SnapCoefficients parse(String source, List<String> lines, int descriptors, String descriptor) {
        return parse(source, lines, new Shape() {
            @Override
            public int descriptors(int elements) {
                return descriptors;
            }

            @Override
            public String describe(int elements) {
                return descriptor;
            }
        });
    }

    /** The descriptor the coefficients must fit: its component count and how messages name it, per element count. */
    private interface Shape {
        int descriptors(int elements);

        String describe(int elements);
    }

    private static SnapCoefficients parse(String source, List<String> lines, Shape shape) {
        List<Line> content = content(lines);
        if (content.isEmpty()) throw BadInputException.at(source, 0, null, "no coefficients in the file");
        return looksLikeSnapcoeff(content) ? snapcoeff(source, content, shape) : plain(source, content, shape);
    }

    /** Whether the lines are a plain list of numbers rather than a .snapcoeff file (which names its elements). */
    public static boolean isPlainList(List<String> lines) {
        List<Line> content = content(lines);
        return content.isEmpty() || !looksLikeSnapcoeff(content);
    }

    private static List<Line> content(List<String> lines) {
        List<Line> content = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String text = SnapParameterReader.stripComment(lines.get(n)).trim();
            if (!text.isEmpty()) content.add(new Line(n + 1, text.split("\\s+")));
        }
        return content;
    }

    private record Line(int number, String[] words) {}

    /** A header of two whole numbers followed by an element line that starts with a name. */
    private static boolean looksLikeSnapcoeff(List<Line> content) {
        Line head = content.get(0);
        return head.words.length == 2 && isInteger(head.words[0]) && isInteger(head.words[1])
                && content.size() > 1 && !isNumber(content.get(1).words[0]);
    }

    private static SnapCoefficients snapcoeff(String source, List<Line> content, Shape shape) {
        Line head = content.get(0);
        int nelements = Integer.parseInt(head.words[0]);
        int ncoeff = Integer.parseInt(head.words[1]);
        if (nelements < 1) throw BadInputException.at(source, head.number, "nelements", "must be at least 1, got " + nelements);
        int expected = 1 + shape.descriptors(nelements);
        if (ncoeff != expected) {
            throw BadInputException.at(source, head.number, "ncoeff", ncoeff + " coefficients per element, but "
                    + shape.describe(nelements) + " needs " + expected + " (β0 and " + shape.descriptors(nelements) + " β)");
        }
        List<SnapElement> elements = new ArrayList<>();
        int k = 1;
        for (int e = 0; e < nelements; e++) {
            if (k >= content.size()) {
                throw BadInputException.at(source, 0, null, "file ends before element " + (e + 1) + " of " + nelements);
            }
            Line el = content.get(k++);
            if (el.words.length != 3) {
                throw BadInputException.at(source, el.number, "element", "expected 'name radius weight', got '"
                        + String.join(" ", el.words) + "'");
            }
            double radius = number(source, el, 1, "radius");
            if (!(radius > 0 && radius <= MAX_RADIUS)) {
                throw BadInputException.at(source, el.number, "radius", "must be in (0, " + MAX_RADIUS + "] Å, got " + radius);
            }
            double weight = number(source, el, 2, "weight");
            if (!(Math.abs(weight) <= MAX_WEIGHT)) {
                throw BadInputException.at(source, el.number, "weight", "|weight| must be at most " + MAX_WEIGHT + ", got " + weight);
            }
            double[] beta = new double[ncoeff];
            for (int c = 0; c < ncoeff; c++) {
                if (k >= content.size()) {
                    throw BadInputException.at(source, 0, null, "file ends after " + c + " of the " + ncoeff
                            + " coefficients of element " + el.words[0]);
                }
                Line line = content.get(k++);
                if (line.words.length != 1) {
                    throw BadInputException.at(source, line.number, "coefficient", "expected one number per line, got '"
                            + String.join(" ", line.words) + "'");
                }
                beta[c] = coefficient(source, line, 0);
            }
            elements.add(new SnapElement(el.words[0], radius, weight, beta));
        }
        if (k < content.size()) {
            Line extra = content.get(k);
            throw BadInputException.at(source, extra.number, null, "unexpected content after the " + nelements
                    + " element block(s): '" + String.join(" ", extra.words) + "'");
        }
        return new SnapCoefficients(source, elements);
    }

    private static SnapCoefficients plain(String source, List<Line> content, Shape shape) {
        int d = shape.descriptors(1);
        List<Double> values = new ArrayList<>();
        for (Line line : content) {
            for (int w = 0; w < line.words.length; w++) values.add(coefficient(source, line, w));
        }
        double[] beta = new double[d + 1];
        if (values.size() == d) {
            for (int c = 0; c < d; c++) beta[c + 1] = values.get(c);
        } else if (values.size() == d + 1) {
            for (int c = 0; c <= d; c++) beta[c] = values.get(c);
        } else {
            throw BadInputException.at(source, 0, "coefficients", values.size() + " numbers, but " + shape.describe(1) + " needs "
                    + d + " (β) or " + (d + 1) + " (β0 then β)");
        }
        return new SnapCoefficients(source, List.of(new SnapElement(SnapElement.UNNAMED, PLAIN_RADIUS, PLAIN_WEIGHT, beta)));
    }

    private static double coefficient(String source, Line line, int word) {
        double v = number(source, line, word, "coefficient");
        if (!(Math.abs(v) <= MAX_COEFFICIENT)) {
            throw BadInputException.at(source, line.number, "coefficient", "|β| must be at most " + MAX_COEFFICIENT + ", got " + v);
        }
        return v;
    }

    private static double number(String source, Line line, int word, String field) {
        String w = line.words[word];
        try {
            double x = Double.parseDouble(w);
            if (Double.isFinite(x)) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BadInputException.at(source, line.number, field, "'" + w + "' is not a finite number");
    }

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
