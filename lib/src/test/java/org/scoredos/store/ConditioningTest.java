package org.scoredos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.PhaseSummary;

/** The manifest says what labels the cells; stores written before it existed are isosurface stores. */
class ConditioningTest {
    @TempDir
    Path tmp;

    @Test
    void conditioningRoundTripsAndDefaultsToIsosurface() throws Exception {
        PhaseSummary iso = StoreFixtures.firstCells(StoreFixtures.bcc(), 2);
        PhaseSummary md = new PhaseSummary("md", iso.reference(), iso.cells(), Conditioning.TEMPERATURE);
        PhaseSummary nve = new PhaseSummary("nve", iso.reference(), iso.cells(), Conditioning.ENERGY);
        SummaryStore.write(iso, tmp.resolve("iso"));
        SummaryStore.write(md, tmp.resolve("md"));
        SummaryStore.write(nve, tmp.resolve("nve"));
        assertEquals(Conditioning.ENERGY, SummaryStore.read(tmp.resolve("nve")).conditioning());
        assertTrue(Files.readString(tmp.resolve("nve/manifest.json")).contains("\"conditioning\" : \"energy\""));
        assertEquals(Conditioning.ISOSURFACE, SummaryStore.read(tmp.resolve("iso")).conditioning());
        assertEquals(Conditioning.TEMPERATURE, SummaryStore.read(tmp.resolve("md")).conditioning());
        assertEquals(Conditioning.TEMPERATURE, SummaryStore.manifest(tmp.resolve("md")).conditioning());

        Path manifest = tmp.resolve("iso/manifest.json");
        String json = Files.readString(manifest);
        assertTrue(json.contains("\"conditioning\" : \"isosurface\""), json);
        Files.writeString(manifest, json.replace("  \"conditioning\" : \"isosurface\",\n", ""));
        assertEquals(Conditioning.ISOSURFACE, SummaryStore.read(tmp.resolve("iso")).conditioning());

        Files.writeString(manifest, json.replace("\"isosurface\"", "\"pressure\""));
        BadInputException e = assertThrows(BadInputException.class, () -> SummaryStore.read(tmp.resolve("iso")));
        assertTrue(e.getMessage().contains("manifest.json: conditioning: expected \"isosurface\", \"temperature\" or \"energy\", got \"pressure\""),
                e.getMessage());
    }
}
