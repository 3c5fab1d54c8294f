package org.scoredos.cli.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.cli.OutputFormat;
import org.scoredos.units.FreeEnergyConvention;

/** The three renderers of one result: units everywhere, CSV holding every JSON value, numbers read back exactly. */
class RenderersTest {
    /** Doubles whose shortest decimal form is long or awkward: each must read back bit for bit. */
    private static final double[] AWKWARD = {0.1 + 0.2, -8.123456789012345, 1e-300, 4.9e-324, 1234567.0000000002, -0.0};

    private static Result sample() {
        Result r = new Result("transition");
        r.fields().put("phases", null, "names", new String[] {"fcc", "bcc"}).put("phase", "fcc, \"bcc\"").put("latticeEnergy", "eV/atom", "θ·D_0", AWKWARD[1]);
        Record tc = r.fields().record("tc");
        tc.put("temperature", "K", "T_c", 1950.1146254).put("error", "K", "δT_c", Double.NaN).put("extrapolated", null, null, true)
                .put("bracket", "K", "grid temperatures around T_c", new double[] {1900, 1966.6666666666667});
        tc.record("histogram").put("counts", null, "members per bin", new int[] {2, 0, 5});
        ResultTable t = new ResultTable("table").column(Column.of("temperature", "K", "temperature").shown("T", "%.2f"))
                .column(Column.of("deltaF", "eV/atom", "ΔF").shown("ΔF", "%.9f"))
                .column(Column.of("deltaFError", "eV/atom", "error bar of ΔF").plusMinus("δΔF", "%.6f"))
                .column(Column.of("quantiles", "eV/atom", "quantiles").shownEach(List.of("q5", "q95"), "%.3f"))
                .column(Column.of("freeEnergy", "eV/atom", "F of the first phase").in("first").shown("F(fcc)", "%.9f"))
                .column(Column.of("solved", null, "α* inside").in("first").shown("solved", null))
                .column(Column.of("gradient", "eV/atom per unit θ", "∂F/∂θ").shown("gradient", "%.3g"))
                .column(Column.of("note", null, "a string").notInText());
        for (int i = 0; i < AWKWARD.length; i++) {
            t.row(500.0 + i, AWKWARD[i], i == 2 ? Double.NaN : 1e-3 * (i + 1), new double[] {-1.0 * i, 2.0 * i}, AWKWARD[(i + 1) % AWKWARD.length], i % 2 == 0,
                    new double[] {AWKWARD[i], i}, i == 3 ? "a, \"quoted\" note" : "plain");
        }
        return r.table(t).heading("ΔF = G(fcc) − G(bcc)").summary("T_c = 1950.11 K");
    }

    private static String render(OutputFormat format) {
        StringWriter s = new StringWriter();
        Renderers.print(sample(), format, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void jsonCarriesUnitsDescriptionsAndExactNumbers() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(OutputFormat.JSON));
        assertEquals("transition", root.get("command").asText());
        assertFalse(root.get("version").asText().isEmpty());
        assertEquals(FreeEnergyConvention.MODES, root.get("convention").get("modes").asText());
        JsonNode units = root.get("units");
        assertEquals("eV/atom", units.get("latticeEnergy").asText());
        assertEquals("K", units.get("tc.temperature").asText());
        assertEquals("K", units.get("temperature").asText());
        assertEquals("eV/atom", units.get("first.freeEnergy").asText());
        assertFalse(units.has("first.solved"), "a flag has no unit");
        assertEquals("∂F/∂θ", root.get("descriptions").get("gradient").asText());
        assertTrue(root.get("tc").get("error").isNull(), "NaN is null in JSON");
        JsonNode rows = root.get("table");
        assertEquals(AWKWARD.length, rows.size());
        for (int i = 0; i < AWKWARD.length; i++) {
            assertEquals(Double.doubleToLongBits(AWKWARD[i]), Double.doubleToLongBits(rows.get(i).get("deltaF").asDouble()));
            assertEquals(AWKWARD[(i + 1) % AWKWARD.length], rows.get(i).get("first").get("freeEnergy").asDouble(), 0.0);
            assertEquals(i % 2 == 0, rows.get(i).get("first").get("solved").asBoolean());
            assertEquals(2, rows.get(i).get("gradient").size());
        }
        assertTrue(rows.get(2).get("deltaFError").isNull());
    }

    @Test
    void csvHoldsEveryJsonValueWithUnitsAndReadsBackExactly() throws Exception {
        String csv = render(OutputFormat.CSV);
        assertEquals(FreeEnergyConvention.csvComment(), csv.lines().findFirst().orElseThrow());
        CsvRead read = CsvRead.of(csv);
        read.assertHolds(new ObjectMapper().readTree(render(OutputFormat.JSON)));
        CsvRead.Table t = read.tables.get("table");
        assertEquals(List.of("temperature", "deltaF", "deltaFError", "quantiles0", "quantiles1", "firstFreeEnergy", "firstSolved", "gradient0", "gradient1", "note"), t.names);
        assertEquals("K", t.units.get(0));
        assertEquals("eV/atom per unit θ", t.units.get(7));
        assertEquals("2 0 5", read.metadata.get("tc.histogram.counts"));
        assertEquals("fcc bcc", read.metadata.get("phases"));
        for (int i = 0; i < AWKWARD.length; i++) {
            assertEquals(Double.doubleToLongBits(AWKWARD[i]), Double.doubleToLongBits(t.number(i, "deltaF")), "row " + i);
            assertEquals(Double.doubleToLongBits(AWKWARD[i]), Double.doubleToLongBits(t.number(i, "gradient0")), "row " + i);
        }
        assertEquals("a, \"quoted\" note", t.cell(3, "note"), "quoted cells keep commas and quotes");
        assertEquals("fcc, \"bcc\"", read.metadata.get("phase"));
        assertEquals("1900.0 1966.6666666666667", read.metadata.get("tc.bracket"));
        assertEquals("true", read.metadata.get("tc.extrapolated"));
        assertTrue(csv.contains("# column deltaF [eV/atom]: ΔF"), csv);
    }

    @Test
    void textIsATableWithUnitsInTheHeadings() {
        List<String> lines = render(OutputFormat.TEXT).lines().toList();
        assertEquals(FreeEnergyConvention.csvComment(), lines.get(0));
        assertEquals("ΔF = G(fcc) − G(bcc)", lines.get(1));
        String head = lines.get(2);
        assertTrue(head.contains("T (K)") && head.contains("ΔF ± δΔF (eV/atom)") && head.contains("q5 (eV/atom)  q95 (eV/atom)") && head.contains("F(fcc) (eV/atom)") && head.endsWith("solved"), head);
        assertFalse(head.contains("note"), "a column kept out of the text table");
        assertTrue(lines.get(3).contains("500.00") && lines.get(3).contains("0.300000000 ± 0.001000") && lines.get(3).endsWith("yes"), lines.get(3));
        assertTrue(lines.get(5).contains("-1.000") && lines.get(5).contains("2.000"), "a vector column shown element by element: " + lines.get(5));
        assertTrue(lines.get(4).strip().startsWith("gradient: 0.300 0"), lines.get(4));
        assertTrue(lines.get(7).contains("± -"), "an unknown error bar: " + lines.get(7));
        assertEquals("T_c = 1950.11 K", lines.get(lines.size() - 1));
        // the columns line up: every row as wide as the heading
        assertEquals(head.length(), lines.get(3).length());
    }

    /** An N×3 force matrix with a vector-valued variant: row arrays in JSON, a headed table in CSV and text, one unit. */
    private static Result matrix() {
        ResultTable forces = new ResultTable("forces").column(Column.of("fx", "eV/Å", null).shown("fx", "%.3f"))
                .column(Column.of("fy", "eV/Å", null).shown("fy", "%.3f")).column(Column.of("fz", "eV/Å", null).shown("fz", "%.3f"))
                .asMatrix("force on each atom, in file order: fx fy fz");
        forces.row(AWKWARD[0], AWKWARD[1], Double.NaN).row(1.0, -2.0, AWKWARD[3]);
        ResultTable spread = new ResultTable("perAtom").column(Column.of("B", null, null).shownEach(List.of("B1", "B2", "B3"), "%.2f"))
                .asMatrix("bispectrum of each atom");
        spread.row(new double[] {1, 2, 3}).row(new double[] {4, AWKWARD[4], 6});
        Result r = new Result("energy").withoutConvention().table(forces).table(spread);
        r.fields().put("energy", "eV", "total energy", -544.1217857);
        return r;
    }

    private static String render(Result r, OutputFormat format) {
        StringWriter s = new StringWriter();
        Renderers.print(r, format, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void aMatrixIsRowArraysInJsonAndATableInCsvAndText() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(matrix(), OutputFormat.JSON));
        JsonNode f = root.get("forces");
        assertEquals(2, f.size());
        assertEquals(3, f.get(0).size());
        assertEquals(Double.doubleToLongBits(AWKWARD[1]), Double.doubleToLongBits(f.get(0).get(1).asDouble()));
        assertTrue(f.get(0).get(2).isNull(), "NaN is null");
        assertEquals("eV/Å", root.get("units").get("forces").asText());
        assertFalse(root.get("units").has("fx"), "the matrix's unit is declared once, under its name");
        assertEquals("force on each atom, in file order: fx fy fz", root.get("descriptions").get("forces").asText());
        assertFalse(root.get("units").has("perAtom"), "a dimensionless matrix has no unit");
        assertEquals(AWKWARD[4], root.get("perAtom").get(1).get(1).asDouble(), 0.0);
        assertFalse(root.has("convention"), "an energy declares no free-energy convention");

        String csv = render(matrix(), OutputFormat.CSV);
        CsvRead read = CsvRead.of(csv);
        read.assertHolds(root);
        assertEquals(List.of("fx", "fy", "fz"), read.tables.get("forces").names);
        assertEquals(List.of("B0", "B1", "B2"), read.tables.get("perAtom").names);
        assertTrue(csv.contains("# column forces [eV/Å]: force on each atom"), csv);
        assertEquals("# command: energy", csv.lines().findFirst().orElseThrow(), "no convention line");

        List<String> text = render(matrix(), OutputFormat.TEXT).lines().toList();
        assertTrue(text.contains("[forces]") && text.contains("[perAtom]"), text.toString());
        assertTrue(text.get(text.indexOf("[forces]") + 1).contains("fx (eV/Å)"), text.toString());
        assertTrue(text.get(text.indexOf("[perAtom]") + 1).contains("B3"), text.toString());
    }

    @Test
    void aMatrixRefusesColumnsInTwoUnits() {
        ResultTable t = new ResultTable("mixed").column(Column.of("x", "Å", null)).column(Column.of("e", "eV", null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> t.asMatrix("mixed"));
    }
}
