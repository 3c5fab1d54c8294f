package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

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

    @Test
    void importsTheIronBccCampaignIntoAReadableStoreWithScores() throws IOException {
        Path dir = tmp.resolve("bcc");
        CommandRun ran = run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--format", "json");
        assertEquals(0, ran.code(), ran.err());
        JsonNode o = new ObjectMapper().readTree(ran.out());
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
        CommandRun ran = run("import-descriptordos", "--input", BCC, "--out", dir.toString());
        assertEquals(0, ran.code());
        assertTrue(ran.out().contains("phase      fe_bcc_444"), ran.out());
        CommandRun ran2 = run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--basis", "monomial", "--order", "4");
        assertEquals(2, ran2.code());
        assertTrue(ran2.err().contains("already exists"), ran2.err());
        CommandRun ran3 = run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--basis", "monomial",
                "--order", "4", "--name", "bcc", "--force");
        assertEquals(0, ran3.code(), ran3.err());
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
        CommandRun ran = run("import-descriptordos", "--input", BCC, "--out", dir.toString(), "--force");
        assertEquals(2, ran.code());
        assertEquals(dir.toAbsolutePath().normalize() + ": exists and is not a summary store (no manifest.json); not replacing it",
                ran.err().strip().replaceFirst("^scoredos import-descriptordos: ", ""));
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
    }

    @Test
    void badInputFileIsExitTwoWithOneLineAndNoStore() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[{\"N\": 128, \"mass\": 55.85}]");
        Path dir = tmp.resolve("out");
        CommandRun ran = run("import-descriptordos", "--input", bad.toString(), "--out", dir.toString());
        assertEquals(2, ran.code());
        String[] lines = ran.err().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("scoredos import-descriptordos: " + bad), ran.err());
        assertEquals(1, ran.err().lines().filter(l -> l.contains(bad.toString())).count(), ran.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void missingInputAndBadBasisAreBadInput() {
        assertEquals(2, run("import-descriptordos", "--input", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o").toString()).code());
        CommandRun ran2 = run("import-descriptordos", "--input", BCC, "--out", tmp.resolve("o").toString(), "--basis", "fourier");
        assertEquals(2, ran2.code());
        assertTrue(ran2.err().contains("fourier"), ran2.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
