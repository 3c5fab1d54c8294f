package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class LatticesTest {

    @Test
    void atomCountsAndVolumesOfReplicatedCells() {
        double a = 3.1856;
        check(Lattices.bcc(a, 2, 3, 4), 2 * 24, 24 * a * a * a);
        check(Lattices.fcc(a, 2, 3, 4), 4 * 24, 24 * a * a * a);
        check(Lattices.diamond(a, 1, 1, 2), 8 * 2, 2 * a * a * a);
        check(Lattices.a15(a, 2, 2, 2), 8 * 8, 8 * a * a * a);
        double c = 5.1;
        check(Lattices.hcp(a, c, 2, 2, 3), 2 * 12, 12 * a * a * Math.sqrt(3) / 2 * c);
    }

    @Test
    void positionsSitOnTheBasisOfEachCopy() {
        Structure s = Lattices.bcc(2.0, 2, 1, 1);
        // copy (1,0,0), second basis atom (½,½,½): (3, 1, 1)
        assertEquals(3.0, s.x(3));
        assertEquals(1.0, s.y(3));
        assertEquals(1, s.type(3));
        Structure h = Lattices.hcp(2.0, 3.0, 1, 1, 1);
        assertEquals(1.0, h.x(1), 1e-12); // ⅓a + ⅓b = (a/2, a√3/6, c/2)
        assertEquals(2.0 * Math.sqrt(3) / 6, h.y(1), 1e-12);
        assertEquals(1.5, h.z(1), 1e-12);
    }

    @Test
    void refusesNonPositiveParameters() {
        assertThrows(BadInputException.class, () -> Lattices.bcc(0, 1, 1, 1));
        assertThrows(BadInputException.class, () -> Lattices.fcc(3, 0, 1, 1));
        assertThrows(BadInputException.class, () -> Lattices.hcp(3, -1, 1, 1, 1));
        assertThrows(BadInputException.class, () -> Lattices.a15(Double.NaN, 1, 1, 1));
    }

    private static void check(Structure s, int atoms, double volume) {
        assertEquals(atoms, s.size());
        assertEquals(volume, s.cell().volume(), 1e-9 * volume);
        assertEquals(1, s.typeCount());
        assertEquals(Double.NaN, s.massOfType(1));
    }
}
