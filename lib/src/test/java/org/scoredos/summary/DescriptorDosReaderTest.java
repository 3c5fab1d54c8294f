package org.scoredos.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;

class DescriptorDosReaderTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(DescriptorDosReaderTest.class.getResource("/descriptordos-fe/" + name).toURI());
    }

    @Test
    void readsTheBccIronCampaign() throws Exception {
        PhaseSummary phase = DescriptorDosReader.read(resource("fe_bcc_444.json.gz"));
        assertEquals("fe_bcc_444", phase.name());
        ReferenceConstants ref = phase.reference();
        assertEquals(128, ref.atoms());
        assertEquals(55, ref.components());
        assertEquals(381, ref.stableModes());
        assertEquals(55.85, ref.mass());
        assertEquals(1244.3246968826656, ref.volume());
        // alpha_shift is ln(ω̄ / 2U_0), as the reference writes it.
        assertEquals(3.823234628027203, ref.alphaShift(), 1e-13);
        assertEquals(20, phase.cells().size());
        for (int a = 1; a < 20; a++) assertTrue(phase.cells().get(a).tau() > phase.cells().get(a - 1).tau());
        CellSummary c0 = phase.cells().get(0);
        assertEquals(2560, c0.samples());
        assertEquals(99, c0.bins());
        assertEquals(Math.log(0.10000000000000005) - 3.823234628027203, c0.alpha(), 0);
        // the README: roughly 99 % of the samples are counted per component
        long counted = 0;
        for (long n : c0.counts()[0]) counted += n;
        assertTrue(counted > 0.98 * 2560 && counted <= 2560, "counted " + counted);
    }

    @Test
    void alphaGridMatchesTheReference() throws Exception {
        PhaseSummary phase = DescriptorDosReader.read(resource("fe_fcc_333.json.gz"));
        assertEquals(108, phase.reference().atoms());
        // α spans about −5.92 … −2.92 for fcc
        assertEquals(-5.92, phase.cells().get(0).alpha(), 0.01);
        assertEquals(-2.92, phase.cells().get(19).alpha(), 0.01);
    }

    @Test
    void plainJsonAndErrorsNameFileCellAndKey(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("tiny.json");
        Files.writeString(plain, "[{\"N\": 2}]");
        BadInputException e = assertThrows(BadInputException.class, () -> DescriptorDosReader.read(plain));
        assertEquals(plain + ": cell 0: mass: missing", e.getMessage());

        Path garbled = dir.resolve("garbled.json");
        Files.writeString(garbled, "[\n{\"N\": ");
        e = assertThrows(BadInputException.class, () -> DescriptorDosReader.read(garbled));
        assertTrue(e.getMessage().startsWith(garbled + ":"), e.getMessage());

        Path truncated = dir.resolve("truncated.json.gz");
        byte[] whole;
        try (var out = new java.io.ByteArrayOutputStream(); OutputStream gz = new GZIPOutputStream(out)) {
            gz.write("[{\"N\": 2, \"mass\": 1.0}]".repeat(50).getBytes());
            gz.close();
            whole = out.toByteArray();
        }
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(BadInputException.class, () -> DescriptorDosReader.read(truncated));
        assertTrue(e.getMessage().contains("truncated or corrupted gzip"), e.getMessage());

        Path notArray = dir.resolve("object.json");
        Files.writeString(notArray, "{}");
        e = assertThrows(BadInputException.class, () -> DescriptorDosReader.read(notArray));
        assertTrue(e.getMessage().contains("expected a non-empty JSON array"), e.getMessage());
    }
}
