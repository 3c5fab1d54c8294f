package org.scoredos.cli.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the CSV scheme {@link CsvRenderer} writes, as a reader would (independent of the
 * renderer's code): the {@code # key [unit]: value} metadata, and each {@code # table:} block's
 * headings (names and units split) and cells (quoted cells unquoted).
 */
public final class CsvRead {
    public final Map<String, String> metadata = new LinkedHashMap<>(), metadataUnits = new LinkedHashMap<>();
    public final Map<String, Table> tables = new LinkedHashMap<>();

    public static final class Table {
        public final List<String> names = new ArrayList<>(), units = new ArrayList<>();
        public final List<List<String>> rows = new ArrayList<>();

        public String cell(int row, String name) {
            int c = names.indexOf(name);
            if (c < 0) throw new AssertionError("no column " + name + " in " + names);
            return rows.get(row).get(c);
        }

        public double number(int row, String name) {
            return Double.parseDouble(cell(row, name));
        }
    }

    public static CsvRead of(String csv) {
        CsvRead r = new CsvRead();
        Table current = null;
        for (String line : csv.split("\n", -1)) {
            if (line.isEmpty()) continue;
            if (line.startsWith("# table: ")) {
                current = new Table();
                r.tables.put(line.substring("# table: ".length()), current);
            } else if (line.startsWith("# column ") || line.startsWith("# convention:")) {
                continue;
            } else if (line.startsWith("# ")) {
                int colon = line.indexOf(": ");
                String key = line.substring(2, colon);
                String[] nu = nameAndUnit(key);
                r.metadata.put(nu[0], line.substring(colon + 2));
                if (nu[1] != null) r.metadataUnits.put(nu[0], nu[1]);
            } else if (current.names.isEmpty()) {
                for (String h : cells(line)) {
                    String[] nu = nameAndUnit(h);
                    current.names.add(nu[0]);
                    current.units.add(nu[1]);
                }
            } else {
                List<String> cells = cells(line);
                if (cells.size() != current.names.size()) throw new AssertionError(cells.size() + " cells under " + current.names.size() + " headings: " + line);
                current.rows.add(cells);
            }
        }
        return r;
    }

    private static String[] nameAndUnit(String heading) {
        int open = heading.indexOf(" [");
        return open < 0 ? new String[] {heading, null} : new String[] {heading.substring(0, open), heading.substring(open + 2, heading.length() - 1)};
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /**
     * Every value the JSON rendering of a result holds is in this CSV, exactly: root fields
     * (nested records by dotted path, vectors space-separated) as metadata, each array of row
     * objects as the table of that name (a nested group as {@code groupName}, a vector as
     * {@code name0 …}), each array of row arrays as the table of that name; JSON null is CSV NaN or empty. The units object's entries are the CSV units.
     */
    public void assertHolds(JsonNode json) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("convention") || k.equals("units") || k.equals("descriptions")) continue;
            JsonNode v = e.getValue();
            if (v.isArray() && (tables.containsKey(k) || v.size() > 0 && v.get(0).isObject())) table(k, v, json.get("units"));
            else if (v.isArray() && v.size() > 0 && v.get(0).isArray()) matrix(k, v, json.get("units"));
            else field(k, v, json.get("units"));
        }
    }

    private void field(String path, JsonNode v, JsonNode units) {
        if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                field(path + "." + e.getKey(), e.getValue(), units);
            }
            return;
        }
        assertTrue(metadata.containsKey(path), "CSV metadata lacks " + path + ": " + metadata.keySet());
        String csv = metadata.get(path);
        if (v.isArray()) {
            String[] parts = csv.split(" ");
            assertEquals(v.size(), parts.length, path);
            for (int i = 0; i < parts.length; i++) same(path, v.get(i), parts[i]);
        } else {
            same(path, v, csv);
        }
        if (units.has(path)) assertEquals(units.get(path).asText(), metadataUnits.get(path), "unit of " + path);
    }

    private void table(String name, JsonNode rows, JsonNode units) {
        Table t = tables.get(name);
        assertTrue(t != null, "CSV lacks table " + name + ": " + tables.keySet());
        assertEquals(rows.size(), t.rows.size(), "rows of " + name);
        for (int r = 0; r < rows.size(); r++) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rows.get(r).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> g = v.fields(); g.hasNext();) {
                        Map.Entry<String, JsonNode> sub = g.next();
                        String flat = e.getKey() + Character.toUpperCase(sub.getKey().charAt(0)) + sub.getKey().substring(1);
                        same(flat, sub.getValue(), t.cell(r, flat));
                        unit(t, flat, units.get(e.getKey() + "." + sub.getKey()));
                    }
                } else if (v.isArray() && t.names.contains(e.getKey())) { // a list: one space-separated cell
                    String cell = t.cell(r, e.getKey());
                    String[] parts = cell.isEmpty() ? new String[0] : cell.split(" ");
                    assertEquals(v.size(), parts.length, e.getKey());
                    for (int i = 0; i < v.size(); i++) same(e.getKey(), v.get(i), parts[i]);
                    unit(t, e.getKey(), units.get(e.getKey()));
                } else if (v.isArray()) {
                    for (int i = 0; i < v.size(); i++) same(e.getKey() + i, v.get(i), t.cell(r, e.getKey() + i));
                } else {
                    same(e.getKey(), v, t.cell(r, e.getKey()));
                    unit(t, e.getKey(), units.get(e.getKey()));
                }
            }
        }
    }

    /** A matrix: the table of that name, row for row and value for value, every column in the matrix's unit. */
    private void matrix(String name, JsonNode rows, JsonNode units) {
        Table t = tables.get(name);
        assertTrue(t != null, "CSV lacks table " + name + ": " + tables.keySet());
        assertEquals(rows.size(), t.rows.size(), "rows of " + name);
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(rows.get(r).size(), t.rows.get(r).size(), name + " row " + r);
            for (int c = 0; c < t.names.size(); c++) same(name + "[" + r + "][" + c + "]", rows.get(r).get(c), t.rows.get(r).get(c));
        }
        for (String u : t.units) assertEquals(units.has(name) ? units.get(name).asText() : null, u, "unit of " + name);
    }

    private static void unit(Table t, String name, JsonNode unit) {
        assertEquals(unit == null ? null : unit.asText(), t.units.get(t.names.indexOf(name)), "unit of " + name);
    }

    private static void same(String what, JsonNode json, String csv) {
        if (json.isNull()) assertTrue(csv.isEmpty() || csv.equals("NaN") || csv.contains("Infinity"), what + ": null in JSON, " + csv + " in CSV");
        else if (json.isNumber()) assertEquals(json.asDouble(), Double.parseDouble(csv), 0.0, what);
        else assertEquals(json.asText(), csv, what);
    }
}
