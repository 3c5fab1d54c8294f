package org.scoredos.cli.result;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with everything the JSON has. Above the table, {@code #} lines (CSV readers skip them:
 * pandas {@code comment='#'}): the convention (if the result has one), then {@code # key [unit]: value} for the command,
 * version and every field (a nested record's fields by dotted path, a vector space-separated),
 * then {@code # column name [unit]: description} (a matrix table: its name, unit and description once). Each table follows after
 * {@code # table: NAME}, headed {@code name [unit]} (a vector column spans {@code name0 …}; one
 * whose vectors differ in length, a list such as the unsolved temperatures, is one space-separated cell),
 * several tables separated by a blank line. Numbers as {@link Double#toString} (the shortest
 * text that reads back to the same double; NaN where unknown).
 */
final class CsvRenderer implements Renderer {
    @Override
    public void render(Result result, PrintWriter out) {
        if (result.conventionLine() != null) out.println(result.conventionLine());
        out.println("# command: " + result.command());
        out.println("# version: " + result.version());
        fields(out, result.fields(), "");
        for (ResultTable t : result.tables()) {
            if (t.matrix() != null) out.println("# column " + heading(t.name(), t.columns().get(0).unit()) + ": " + t.matrix());
            for (Column c : t.columns()) {
                if (c.description() != null) out.println("# column " + heading(c.flatName(), c.unit()) + ": " + c.description());
            }
        }
        boolean first = true;
        for (ResultTable t : result.tables()) {
            if (!first) out.println();
            first = false;
            table(out, t);
        }
    }

    private static void fields(PrintWriter out, Record r, String prefix) {
        for (Record.Entry e : r.entries()) {
            if (e.value() instanceof Record nested) fields(out, nested, prefix + e.name() + ".");
            else out.println("# " + heading(prefix + e.name(), e.unit()) + ": " + plain(e.value()));
        }
    }

    private static void table(PrintWriter out, ResultTable t) {
        out.println("# table: " + t.name());
        List<String> head = new ArrayList<>();
        List<Column> columns = t.columns();
        boolean[] spread = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            spread[c] = spread(t, c);
            if (spread[c]) {
                for (int i = 0; i < t.width(c); i++) head.add(cell(heading(col.flatName() + i, col.unit())));
            } else {
                head.add(cell(heading(col.flatName(), col.unit())));
            }
        }
        out.println(String.join(",", head));
        for (Object[] r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.length; c++) {
                if (spread[c] && r[c] instanceof double[] v) for (double x : v) cells.add(Double.toString(x));
                else if (spread[c] && r[c] == null) for (int i = 0; i < t.width(c); i++) cells.add("");
                else cells.add(cell(plain(r[c])));
            }
            out.println(String.join(",", cells));
        }
    }

    /** A vector column spread over one CSV column per element: every vector of one length, not empty. */
    private static boolean spread(ResultTable t, int c) {
        int width = -1;
        for (Object[] r : t.rows()) {
            if (!(r[c] instanceof double[] v)) continue;
            if (v.length == 0 || width >= 0 && v.length != width) return false;
            width = v.length;
        }
        return width > 0;
    }

    private static String heading(String name, String unit) {
        return unit == null ? name : name + " [" + unit + "]";
    }

    /** A value as text: numbers in their shortest exact form, a vector space-separated, null empty. */
    static String plain(Object v) {
        if (v == null) return "";
        if (v instanceof double[] a) {
            StringBuilder s = new StringBuilder();
            for (double x : a) s.append(s.length() == 0 ? "" : " ").append(x);
            return s.toString();
        }
        if (v instanceof String[] a) return String.join(" ", a);
        if (v instanceof int[] a) {
            StringBuilder s = new StringBuilder();
            for (int x : a) s.append(s.length() == 0 ? "" : " ").append(x);
            return s.toString();
        }
        return v.toString();
    }

    /** Quoted when it holds a comma, quote or line break (RFC 4180). */
    private static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
