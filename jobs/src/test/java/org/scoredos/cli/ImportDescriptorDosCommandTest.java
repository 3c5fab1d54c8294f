package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.store.StoreManifest;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.PhaseSummary;

class ImportDescriptorDosCommandTest {
    private static final String BCC = Path.of("..", "lib", "src", "test", "resources", "descriptordos-fe", "fe_bcc_444.json.gz").toString();

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void importsTheIronBccCampaignIntoAReadableStoreWithScores() throws IOException {
        Path dir = tmp.resolve("bcc");
        assertEquals(0, run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--format", "json"), err.toString());
        JsonNode o = new ObjectMapper().readTree(out.toString());
        assertEquals("fe_bcc_444", o.get("phase").asText());
        assertEquals(20, o.get("cells").asInt());
        assertEquals(55, o.get("components").asInt());
        assertEquals(99, o.get("bins").asInt());
        assertEquals("chebyshev", o.get("basis").asText());
        assertEquals(4, o.get("order").asInt(), "the score order every command defaults to, as campaigns do");
        assertTrue(o.get("bytes").asLong() > 100_000 && o.get("bytes").asLong() <= 1_000_000, o.toString());
        assertTrue(o.get("source").asText().matches("descriptordos:sha256:[0-9a-f]{64}"), o.toString());

        PhaseSummary phase = SummaryStore.read(dir);
        assertEquals(20, phase.cells().size());
        assertEquals(128, phase.reference().atoms());
        assertEquals(3, phase.cells().get(0).scores().coefficients()[0].length); // Chebyshev order P: P − 1 functions
        assertEquals(dir.toAbsolutePath().normalize().toString(), o.get("path").asText());
        assertEquals("bytes", o.get("units").get("bytes").asText());

        // the CSV holds every value of the JSON; the text lists them one per line
        StringWriter csv = new StringWriter(), text = new StringWriter();
        Result result = ImportDescriptorDosCommand.result(SummaryStore.manifest(dir), dir);
        Renderers.print(result, OutputFormat.CSV, new PrintWriter(csv));
        CsvRead.of(csv.toString()).assertHolds(o);
        Renderers.print(result, OutputFormat.TEXT, new PrintWriter(text));
        assertTrue(text.toString().contains("cells      20\n") && text.toString().contains("bytes      " + o.get("bytes").asLong() + " bytes\n"), text.toString());
    }

    @Test
    void refusesToOverwriteWithoutForceThenReplacesWithIt() throws IOException {
        Path dir = tmp.resolve("bcc");
        assertEquals(0, run("import-descriptordos", "--input", BCC, "--out", dir.toString()));
        assertTrue(out.toString().contains("phase      fe_bcc_444"), out.toString());
        assertEquals(2, run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--basis", "monomial", "--order", "4"));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals(0, run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--basis", "monomial",
                "--order", "4", "--name", "bcc", "--force"), err.toString());
        StoreManifest m = SummaryStore.manifest(dir);
        assertEquals(new StoreManifest.Scores("monomial", 4, 4), m.scores());
        assertEquals("bcc", m.phase());
        assertEquals(2, m.generation());
    }

    @Test
    void occupiedOutIsRefusedBeforeAnyFitting() throws IOException {
        Path dir = tmp.resolve("occupied");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "not a store");
        assertEquals(2, run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--force"));
        assertEquals(dir.toAbsolutePath().normalize() + ": exists and is not a summary store (no manifest.json); not replacing it",
                err.toString().strip().replaceFirst("^scoredos import-descriptordos: ", ""));
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
    }

    @Test
    void badInputFileIsExitTwoWithOneLineAndNoStore() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[{\"N\": 128, \"mass\": 55.85}]");
        Path dir = tmp.resolve("out");
        assertEquals(2, run("import-descriptordos", "--input", bad.toString(), "--out", dir.toString()));
        String[] lines = err.toString().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("scoredos import-descriptordos: " + bad), err.toString());
        assertEquals(1, err.toString().lines().filter(l -> l.contains(bad.toString())).count(), err.toString());
        assertFalse(Files.exists(dir));
    }

    @Test
    void missingInputAndBadBasisAreBadInput() {
        assertEquals(2, run("import-descriptordos", "--input", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o").toString()));
        assertEquals(2, run("import-descriptordos", "--input", BCC, "--out", tmp.resolve("o").toString(), "--basis", "fourier"));
        assertTrue(err.toString().contains("fourier"), err.toString());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
