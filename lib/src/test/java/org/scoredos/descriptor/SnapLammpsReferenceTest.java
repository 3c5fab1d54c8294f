package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/** The numbers LAMMPS computes: the tungsten example energy and the iron D_0 vectors. */
class SnapLammpsReferenceTest {

    static SnapParameters wParams() throws IOException {
        return SnapParameterReader.parse("D.snapparam", lines("/w-snap/D.snapparam"));
    }

    static SnapCoefficients wCoefficients(SnapParameters p) throws IOException {
        return SnapCoefficientReader.parse("X_W.snapcoeff", lines("/w-snap/X_W.snapcoeff"), p);
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = SnapLammpsReferenceTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void tungstenBccEnergyIsLammps() throws IOException {
        SnapParameters p = wParams();
        LinearSnapPotential w = LinearSnapPotential.of(p, wCoefficients(p));
        Structure bcc = TestStructures.resource("/w-snap/W-bcc.dat");
        assertEquals(128, bcc.size());
        assertEquals(-544.12179, w.energy(bcc), 1e-5);
        // the same from θ alone, and as N θ·D
        SnapBispectrum b = SnapBispectrum.singleElement(p, 0.5, 1.0);
        double[] theta = wCoefficients(p).element(1).linear();
        assertEquals(w.energy(bcc), LinearSnapPotential.singleElement(b, 0.0, theta).energy(bcc), 1e-9);
        double[] d = b.average(bcc);
        double e = 0;
        for (int k = 0; k < d.length; k++) e += theta[k] * d[k];
        assertEquals(-544.12179, bcc.size() * e, 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe_bcc_444.json.gz", "fe_fcc_333.json.gz"})
    void ironStaticLatticeDescriptorIsLammps(String file) throws IOException {
        JsonNode cellRecord;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/descriptordos-fe/" + file))) {
            cellRecord = new ObjectMapper().readTree(in).get(0);
        }
        double strain = cellRecord.get("Strain").asDouble();
        double[][] h = new double[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) h[a][b] = cellRecord.get("C_0").get(a).get(b).asDouble();
        JsonNode x0 = cellRecord.get("x_0");
        double[] pos = new double[x0.size()];
        for (int k = 0; k < pos.length; k++) pos[k] = x0.get(k).asDouble() * (1 + strain);
        int n = cellRecord.get("N").asInt();
        assertEquals(3 * n, pos.length);
        int[] types = new int[n];
        java.util.Arrays.fill(types, 1);
        Structure lattice = new Structure(new Cell(h, null), pos, types, new double[] {55.85});
        SnapParameters p = new SnapParameters(4.7, 0.99363, 8, 0.0, true, false, true, false);
        double[] d = SnapBispectrum.singleElement(p, 0.5, 1.0).average(lattice);
        JsonNode d0 = cellRecord.get("D_0");
        assertEquals(55, d0.size());
        assertEquals(55, d.length);
        for (int k = 0; k < 55; k++) assertEquals(d0.get(k).asDouble(), d[k], 1e-10, "component " + k);
    }
}
