package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scoredos.cli.result.CsvRead;
import org.scoredos.units.Units;

/** {@code estimate --thermo}: S, E and C_V with units, error bars and flags, consistent with F in every format. */
class ThermoCommandTest {
    private static final Path IRON = Path.of("../lib/src/test/resources/descriptordos-fe").toAbsolutePath().normalize();

    private static String[] args(String... extra) {
        String[] base = {"estimate", "--summaries", IRON.resolve("fe_bcc_444.json.gz").toString(), "--coeff",
                IRON.resolve("X_Fe.snapcoeff").toString(), "--temperatures", "400,800", "--error-model", "reference"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void jsonCarriesUnitsAndTheSameFAsEstimate() throws Exception {
        CommandRun thermo = run(args("--thermo", "--format", "json"));
        assertEquals(0, thermo.code(), thermo.err());
        JsonNode t = new ObjectMapper().readTree(thermo.out());
        assertEquals("eV/(K atom)", t.get("units").get("heatCapacity").asText());
        assertTrue(t.get("descriptions").get("heatCapacity").asText().startsWith("C_V"), t.toString());
        assertTrue(t.has("convention"));
        CommandRun plain = run(args("--format", "json"));
        JsonNode f = new ObjectMapper().readTree(plain.out());
        for (int i = 0; i < 2; i++) {
            JsonNode row = t.get("results").get(i);
            assertEquals(f.get("results").get(i).get("freeEnergy").asDouble(), row.get("freeEnergy").asDouble(), 1e-15);
            assertTrue(row.get("solved").asBoolean());
            // a solid near the classical limit: C_V close to 3 k_B, E = F + TS
            assertEquals(3.0, row.get("heatCapacity").asDouble() / Units.KB, 0.4);
            double temperature = row.get("temperature").asDouble();
            assertEquals(row.get("freeEnergy").asDouble() + temperature * row.get("entropy").asDouble(), row.get("energy").asDouble(), 1e-12);
            assertTrue(row.get("entropyError").asDouble() >= 0);
        }
    }

    @Test
    void csvAndTextStateTheConventionAndRefuseAGradient() throws Exception {
        CommandRun csv = run(args("--thermo", "--format", "csv"));
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("# convention:"), csv.out());
        assertTrue(csv.out().contains("temperature [K],freeEnergy [eV/atom],freeEnergyError [eV/atom],entropy [eV/(K atom)],entropyError [eV/(K atom)],energy"),
                csv.out());
        CsvRead.of(csv.out()).assertHolds(new ObjectMapper().readTree(run(args("--thermo", "--format", "json")).out()));
        CommandRun text = run(args("--thermo"));
        assertTrue(text.out().contains("C_V ± δC_V (k_B/atom)"), text.out());
        CommandRun refused = run(args("--thermo", "--gradient"));
        assertEquals(2, refused.code());
        assertEquals(1, refused.err().lines().filter(l -> l.startsWith("scoredos estimate:")).count(), refused.err());
    }
}
