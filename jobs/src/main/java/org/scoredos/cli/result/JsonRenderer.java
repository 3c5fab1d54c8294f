package org.scoredos.cli.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretty JSON: command, version, convention, the fields (nested records as objects), a
 * {@code units} and a {@code descriptions} object keyed by dotted path, then each table as an
 * array of row objects (grouped columns nested), a matrix table as an array of row arrays with
 * its unit and description under its name. JSON has no NaN: an unknown number is null.
 */
final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void render(Result result, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", result.command());
        root.put("version", result.version());
        if (result.convention() != null) root.put("convention", result.convention());
        Map<String, String> units = new LinkedHashMap<>(), descriptions = new LinkedHashMap<>();
        root.putAll(record(result.fields(), "", units, descriptions));
        for (ResultTable t : result.tables()) {
            for (Column c : t.columns()) {
                if (t.matrix() == null) declare(c.path(), c.unit(), c.description(), units, descriptions);
                else declare(t.name(), c.unit(), t.matrix(), units, descriptions);
            }
        }
        root.put("units", units);
        root.put("descriptions", descriptions);
        for (ResultTable t : result.tables()) root.put(t.name(), t.matrix() == null ? rows(t) : arrays(t));
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> record(Record r, String prefix, Map<String, String> units, Map<String, String> descriptions) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Record.Entry e : r.entries()) {
            String path = prefix + e.name();
            if (e.value() instanceof Record nested) {
                m.put(e.name(), record(nested, path + ".", units, descriptions));
            } else {
                m.put(e.name(), value(e.value()));
                declare(path, e.unit(), e.description(), units, descriptions);
            }
        }
        return m;
    }

    private static void declare(String path, String unit, String description, Map<String, String> units, Map<String, String> descriptions) {
        String before = unit == null ? null : units.put(path, unit);
        if (before != null && !before.equals(unit)) throw new IllegalStateException(path + ": two units");
        if (description != null) descriptions.putIfAbsent(path, description);
    }

    private static List<Map<String, Object>> rows(ResultTable t) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Column> columns = t.columns();
        for (Object[] r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                Map<String, Object> into = row;
                if (col.group() != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> g = (Map<String, Object>) row.computeIfAbsent(col.group(), k -> new LinkedHashMap<String, Object>());
                    into = g;
                }
                into.put(col.name(), value(r[c]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> arrays(ResultTable t) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] r : t.rows()) {
            List<Object> row = new ArrayList<>();
            for (Object v : r) {
                if (v instanceof double[] a) for (double x : a) row.add(value(x));
                else row.add(value(v));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(Object v) {
        if (v instanceof Double d) return Double.isFinite(d) ? d : null;
        if (v instanceof Float f) return Float.isFinite(f) ? f : null;
        if (v instanceof double[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (double x : a) out.add(Double.isFinite(x) ? x : null);
            return out;
        }
        return v;
    }
}
