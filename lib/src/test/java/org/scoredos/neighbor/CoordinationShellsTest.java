package org.scoredos.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

class CoordinationShellsTest {

    private static void assertShells(Structure s, double[][] want) {
        CoordinationShells cs = CoordinationShells.of(s, want.length, 0.05);
        List<CoordinationShells.Shell> got = cs.shells();
        assertEquals(want.length, got.size());
        assertEquals(want[0][0], cs.nearestNeighborDistance(), 1e-9);
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k][0], got.get(k).distance(), 1e-9);
            assertEquals(want[k][1], got.get(k).count(), 1e-12);
        }
    }

    @Test
    void bccFccDiamondA15() {
        double a = 3.1856;
        assertShells(Lattices.bcc(a, 2, 2, 2), new double[][] {{a * Math.sqrt(3) / 2, 8}, {a, 6}, {a * Math.sqrt(2), 12}, {a * Math.sqrt(11) / 2, 24}});
        assertShells(Lattices.fcc(a, 3, 3, 3), new double[][] {{a / Math.sqrt(2), 12}, {a, 6}, {a * Math.sqrt(1.5), 24}, {a * Math.sqrt(2), 12}});
        assertShells(Lattices.diamond(a, 2, 2, 2), new double[][] {{a * Math.sqrt(3) / 4, 4}, {a / Math.sqrt(2), 12}, {a * Math.sqrt(11) / 4, 12}});
        // A15 per-atom averages over 2 body-centre and 6 chain sites: (6·2)/8, (2·12 + 6·4)/8, (6·8)/8.
        assertShells(Lattices.a15(5.0629, 1, 1, 1), new double[][] {{5.0629 / 2, 1.5}, {5.0629 * Math.sqrt(5) / 4, 6}, {5.0629 * Math.sqrt(6) / 4, 6}});
    }

    @Test
    void singleAtomCellsUseImagesOnly() {
        double a = 3.0;
        Structure sc = Lattices.bcc(a, 1, 1, 1);
        assertShells(sc, new double[][] {{a * Math.sqrt(3) / 2, 8}, {a, 6}, {a * Math.sqrt(2), 12}});
    }

    @Test
    void thermalNoiseWithinToleranceKeepsTheShells() {
        double a = 3.1856;
        Structure w = Lattices.bcc(a, 3, 3, 3);
        double[] p = w.positions();
        Random rng = new Random(11);
        for (int k = 0; k < p.length; k++) p[k] += 0.005 * rng.nextGaussian();
        CoordinationShells cs = CoordinationShells.of(w.withPositions(p), 3, 0.1);
        assertEquals(8, cs.shells().get(0).count(), 1e-12);
        assertEquals(6, cs.shells().get(1).count(), 1e-12);
        assertEquals(12, cs.shells().get(2).count(), 1e-12);
        assertEquals(a * Math.sqrt(3) / 2, cs.shells().get(0).distance(), 0.01);
    }
}
