package org.scoredos.cli.result;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For a person: the convention line (if any), the result's heading lines, each table aligned with
 * "label (unit)" headings (an error bar as "± x" beside its value, a flag as yes/no, an unknown
 * number as "-", a vector on its own line under the row), then the summary lines.
 */
final class TextRenderer implements Renderer {
    @Override
    public void render(Result result, PrintWriter out) {
        if (result.textConventionLine() != null) out.println(result.textConventionLine());
        result.heading().forEach(out::println);
        boolean several = result.tables().size() > 1;
        for (ResultTable t : result.tables()) {
            if (several) out.println("[" + t.name() + "]");
            table(out, t);
        }
        result.summary().forEach(out::println);
    }

    private static void table(PrintWriter out, ResultTable t) {
        List<Column> columns = t.columns();
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column.Shown s = columns.get(c).text();
            if (s != null && (s.each() != null || !isVector(t, c))) shown.add(c);
        }
        List<String> header = new ArrayList<>(), units = new ArrayList<>();
        List<List<String>> body = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) body.add(new ArrayList<>());
        double scale = 1;
        for (int c : shown) {
            Column.Shown s = columns.get(c).text();
            if (s.plusMinus()) {
                int last = header.size() - 1;
                header.set(last, header.get(last) + " ± " + s.label());
                for (int r = 0; r < body.size(); r++) {
                    List<String> row = body.get(r);
                    row.set(last, row.get(last) + " ± " + format(t.rows().get(r)[c], scale, s.pattern()));
                }
                continue;
            }
            scale = s.scale();
            if (s.each() != null) {
                for (int k = 0; k < s.each().size(); k++) {
                    header.add(s.each().get(k));
                    units.add(s.unit());
                    for (int r = 0; r < body.size(); r++) {
                        double[] v = (double[]) t.rows().get(r)[c];
                        body.get(r).add(format(v == null ? null : v[k], scale, s.pattern()));
                    }
                }
                continue;
            }
            header.add(s.label());
            units.add(s.unit());
            for (int r = 0; r < body.size(); r++) body.get(r).add(format(t.rows().get(r)[c], scale, s.pattern()));
        }
        for (int c = 0; c < header.size(); c++) if (units.get(c) != null) header.set(c, header.get(c) + " (" + units.get(c) + ")");
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : body) width[c] = Math.max(width[c], row.get(c).length());
        }
        out.println(line(header, width));
        for (int r = 0; r < body.size(); r++) {
            out.println(line(body.get(r), width));
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).text() != null && columns.get(c).text().each() == null && t.rows().get(r)[c] instanceof double[] v) {
                    out.println("    " + columns.get(c).text().label() + ":" + vector(v, columns.get(c).text().pattern()));
                }
            }
        }
    }

    private static boolean isVector(ResultTable t, int c) {
        return t.rows().stream().anyMatch(r -> r[c] instanceof double[]);
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) s.append("  ");
            s.append(" ".repeat(width[c] - cells.get(c).length())).append(cells.get(c));
        }
        return s.toString();
    }

    private static String format(Object v, double scale, String pattern) {
        if (v == null) return "-";
        if (v instanceof Boolean b) return b ? "yes" : "no";
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (!Double.isFinite(x)) return "-";
            return pattern == null ? Double.toString(scale * x) : String.format(Locale.ROOT, pattern, scale * x);
        }
        if (v instanceof Number n && pattern != null) return String.format(Locale.ROOT, pattern, n);
        return v.toString();
    }

    private static String vector(double[] v, String pattern) {
        StringBuilder s = new StringBuilder();
        for (double x : v) s.append(' ').append(pattern == null ? Double.toString(x) : String.format(Locale.ROOT, pattern, x));
        return s.toString();
    }
}
