package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scoredos.units.Units;

/** {@code scoredos pressure}: ⟨P⟩ of the TI engine's MD as JSON, its parts and its refusals. */
class MdPressureCommandTest {
    private static final String W_BCC = "../conf/structures/W-bcc.dat";
    private static final String COEFF = "../conf/potentials/w-snap/X_W.snapcoeff";
    private static final String PARAMS = "../conf/potentials/w-snap/D.snapparam";

    @Test
    void shortRunsOfStrainedTungstenAsJson() throws Exception {
        CommandRun r = run("pressure", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--mass", "183.84",
                "--temperatures", "500,1500", "--strain", "0.005", "--equilibration", "10", "--steps", "40", "--stride", "2",
                "--blocks", "4", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        int n = json.get("natoms").asInt();
        assertEquals(128, n);
        double v = json.get("volumePerAtom").asDouble() * n;
        assertEquals(Math.pow(12.742537224023346 * 1.005, 3), v, 1e-9);
        JsonNode rows = json.get("results");
        assertEquals(2, rows.size());
        for (JsonNode p : rows) {
            double t = p.get("temperature").asDouble();
            assertEquals((n - 1) * Units.KB * t / v * Units.GPA_PER_EV_PER_A3, p.get("kineticPressure").asDouble(), 1e-12);
            assertEquals(p.get("kineticPressure").asDouble() + p.get("virialPressure").asDouble(), p.get("pressure").asDouble(), 1e-12);
            double pStatic = p.get("staticPressure").asDouble();
            assertTrue(pStatic < -4 && pStatic > -7, "the expanded lattice is under tension: " + pStatic + " GPa");
            double pressure = p.get("pressure").asDouble();
            assertEquals(pressure + (pressure - pStatic) / (n - 1), p.get("pressure3N").asDouble(), 1e-12);
            assertTrue(pressure > pStatic, "heating raises the pressure at fixed volume");
            assertTrue(p.get("error").asDouble() > 0);
            assertEquals(50, p.get("steps").asInt());
        }
        assertTrue(json.get("units").get("pressure").asText().contains("GPa"));

        // the static pressure of the unstrained lattice is what `energy --stress` prints for it
        CommandRun still = run("pressure", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--mass", "183.84",
                "--temperatures", "300", "--equilibration", "0", "--steps", "4", "--stride", "1", "--blocks", "2", "--format", "json");
        CommandRun energy = run("energy", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--stress", "--format", "json");
        JsonNode tensor = new ObjectMapper().readTree(energy.out()).get("pressureTensor");
        double trace = (tensor.get(0).asDouble() + tensor.get(1).asDouble() + tensor.get(2).asDouble()) / 3;
        assertEquals(trace, new ObjectMapper().readTree(still.out()).get("results").get(0).get("staticPressure").asDouble(), 1e-12);
    }

    @Test
    void refusesRunsThatCannotFillTheirBlocksAndCellsWithoutAMass() {
        CommandRun blocks = run("pressure", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--mass", "183.84",
                "--temperatures", "300", "--steps", "10", "--stride", "10", "--blocks", "20");
        assertEquals(2, blocks.code());
        assertTrue(blocks.err().contains("fewer samples than the 20 blocks"), blocks.err());
        assertEquals("", blocks.out());

        CommandRun mass = run("pressure", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--temperatures", "300");
        assertEquals(2, mass.code());
        assertTrue(mass.err().contains("give --mass"), mass.err());
        assertEquals(1, mass.err().strip().lines().count(), mass.err());
    }

    @Test
    void unitsAndTheSameNumbersInEveryFormat() throws Exception {
        String[] args = {"pressure", "--structure", W_BCC, "--params", PARAMS, "--coeff", COEFF, "--mass", "183.84",
                "--temperatures", "800", "--equilibration", "4", "--steps", "16", "--stride", "2", "--blocks", "2", "--format", ""};
        JsonNode json = null;
        String csv = null, text = null;
        for (String format : new String[] {"json", "csv", "text"}) {
            args[args.length - 1] = format;
            CommandRun r = run(args);
            assertEquals(0, r.code(), r.err());
            if (format.equals("json")) json = new ObjectMapper().readTree(r.out());
            else if (format.equals("csv")) csv = r.out();
            else text = r.out();
        }
        assertEquals("pressure", json.get("command").asText());
        JsonNode units = json.get("units");
        for (String p : new String[] {"pressure", "error", "pressure3N", "error3N", "virialPressure", "kineticPressure", "staticPressure"}) {
            assertEquals("GPa", units.get(p).asText(), p);
        }
        assertEquals("Å^3", units.get("volumePerAtom").asText());
        assertEquals("ps", units.get("md.timestep").asText());
        // the seeded MD gives the same numbers on each run (only the wall time differs), so every format carries the JSON's
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("wallSeconds");
        org.scoredos.cli.result.CsvRead.of(csv).assertHolds(json);
        JsonNode row = json.get("results").get(0);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.5f", row.get("pressure3N").asDouble())), text);
    }
}
