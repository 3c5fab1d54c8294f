package org.scoredos.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

class NeighborListTest {
    private static final double A_W = 3.1856;
    private static final double TOL = 1e-9;

    @Test
    void smallBccCellNeedsSeveralImages() {
        // 2×2×2 W: 6.37 Å box, 4.7 Å cutoff reaches past half the box.
        Structure w = Lattices.bcc(A_W, 2, 2, 2);
        NeighborList nl = NeighborList.build(w, 4.7);
        for (int i = 0; i < w.size(); i++) {
            assertEquals(26, nl.count(i));
            assertEquals(8, shell(nl, i, A_W * Math.sqrt(3) / 2));
            assertEquals(6, shell(nl, i, A_W));
            assertEquals(12, shell(nl, i, A_W * Math.sqrt(2)));
        }
    }

    @Test
    void singleAtomCubicCellCountsItsOwnImages() {
        // Simple cubic with one atom: 6 at a, 12 at a√2, 8 at a√3, 6 at 2a, all images of itself.
        Structure sc = new Structure(Cell.orthogonal(2, 2, 2), new double[3], new int[] {1}, new double[] {1});
        NeighborList nl = NeighborList.build(sc, 4.01);
        assertEquals(6, shell(nl, 0, 2));
        assertEquals(12, shell(nl, 0, 2 * Math.sqrt(2)));
        assertEquals(8, shell(nl, 0, 2 * Math.sqrt(3)));
        assertEquals(6, shell(nl, 0, 4));
        assertEquals(6 + 12 + 8 + 6, nl.count(0)); // the next shell, 24 at a√5, lies beyond
    }

    @Test
    void bccShells() {
        Structure s = Lattices.bcc(A_W, 4, 4, 4);
        NeighborList nl = NeighborList.build(s, A_W * 1.5);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(8, shell(nl, i, A_W * Math.sqrt(3) / 2));
            assertEquals(6, shell(nl, i, A_W));
            assertEquals(12, shell(nl, i, A_W * Math.sqrt(2)));
            assertEquals(26, nl.count(i));
        }
    }

    @Test
    void fccShells() {
        double a = 3.6;
        Structure s = Lattices.fcc(a, 3, 3, 3);
        NeighborList nl = NeighborList.build(s, a * 1.3);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(12, shell(nl, i, a / Math.sqrt(2)));
            assertEquals(6, shell(nl, i, a));
            assertEquals(24, shell(nl, i, a * Math.sqrt(1.5)));
            assertEquals(42, nl.count(i));
        }
    }

    @Test
    void a15ShellsBySite() {
        // 2a sites: 12 chain atoms at a√5/4. 6c chain sites: 2 at a/2 (along the chain),
        // 4 body-centre atoms at a√5/4 and 8 atoms of crossing chains at a√6/4.
        double a = 5.0629;
        Structure s = Lattices.a15(a, 2, 2, 2);
        NeighborList nl = NeighborList.build(s, 0.7 * a);
        for (int i = 0; i < s.size(); i++) {
            boolean body = i % 8 < 2;
            if (body) {
                assertEquals(12, shell(nl, i, a * Math.sqrt(5) / 4));
                assertEquals(12, nl.count(i));
            } else {
                assertEquals(2, shell(nl, i, a / 2));
                assertEquals(4, shell(nl, i, a * Math.sqrt(5) / 4));
                assertEquals(8, shell(nl, i, a * Math.sqrt(6) / 4));
                assertEquals(14, nl.count(i));
            }
        }
    }

    @Test
    void diamondAndHcpShells() {
        double a = 5.43;
        Structure d = Lattices.diamond(a, 2, 2, 2);
        NeighborList nd = NeighborList.build(d, a * 0.75);
        for (int i = 0; i < d.size(); i++) {
            assertEquals(4, shell(nd, i, a * Math.sqrt(3) / 4));
            assertEquals(12, shell(nd, i, a / Math.sqrt(2)));
            assertEquals(16, nd.count(i));
        }
        double ah = 3.2;
        Structure h = Lattices.hcp(ah, ah * Math.sqrt(8.0 / 3), 3, 3, 2);
        NeighborList nh = NeighborList.build(h, ah * 1.1);
        for (int i = 0; i < h.size(); i++) {
            assertEquals(12, shell(nh, i, ah));
            assertEquals(12, nh.count(i));
        }
    }

    @Test
    void primitiveTriclinicCellsGiveTheCubicShells() {
        double a = A_W;
        Cell bcc = new Cell(new double[][] {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}}, null);
        NeighborList nb = NeighborList.build(one(bcc), a * 1.5);
        assertEquals(8, shell(nb, 0, a * Math.sqrt(3) / 2));
        assertEquals(6, shell(nb, 0, a));
        assertEquals(12, shell(nb, 0, a * Math.sqrt(2)));
        assertEquals(26, nb.count(0));

        double f = 3.6;
        Cell fcc = new Cell(new double[][] {{0, f / 2, f / 2}, {f / 2, 0, f / 2}, {f / 2, f / 2, 0}}, new double[] {1, -2, 3});
        NeighborList nf = NeighborList.build(one(fcc), f * 1.3);
        assertEquals(12, shell(nf, 0, f / Math.sqrt(2)));
        assertEquals(6, shell(nf, 0, f));
        assertEquals(24, shell(nf, 0, f * Math.sqrt(1.5)));
        assertEquals(42, nf.count(0));
    }

    @Test
    void matchesBruteForcePairByPair() {
        Random rng = new Random(7);
        // Perturbed bcc, a skewed triclinic box with atoms scattered outside it, and a cell
        // smaller than the cutoff in one direction only.
        Structure bcc = jiggle(Lattices.bcc(A_W, 3, 3, 4), rng, 0.2, 0);
        Cell skew = new Cell(new double[][] {{9, 0, 0}, {3.5, 8, 0}, {-2.5, 1.5, 7}}, new double[] {-1, 2, 0.5});
        Structure tri = jiggle(random(skew, 40, rng), rng, 0.0, 3);
        Structure slab = random(new Cell(new double[][] {{12, 0, 0}, {0, 11, 0}, {0.7, 0, 2.1}}, null), 25, rng);
        for (Structure s : List.of(bcc, tri, slab)) {
            for (double rc : new double[] {2.2, 4.7, 6.5}) {
                NeighborList fast = NeighborList.build(s, rc);
                NeighborList ref = bruteForce(s, rc);
                assertEquals(ref.pairs(), fast.pairs());
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(ref.start(i), fast.start(i));
                    assertEquals(ref.count(i), fast.count(i));
                }
                for (int p = 0; p < ref.pairs(); p++) {
                    assertEquals(ref.neighbor(p), fast.neighbor(p));
                    assertEquals(ref.dx(p), fast.dx(p), 0.0);
                    assertEquals(ref.dy(p), fast.dy(p), 0.0);
                    assertEquals(ref.dz(p), fast.dz(p), 0.0);
                }
            }
        }
    }

    @Test
    void emptyStructureAndBadCutoff() {
        Structure none = new Structure(Cell.orthogonal(3, 3, 3), new double[0], new int[0], new double[] {1});
        assertEquals(0, NeighborList.build(none, 5).pairs());
        Structure w = Lattices.bcc(A_W, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> NeighborList.build(w, 0));
        assertThrows(IllegalArgumentException.class, () -> NeighborList.build(w, Double.NaN));
    }

    @Test
    void atomsFarOutsideTheBoxAreRefusedClearly() {
        Structure w = Lattices.bcc(A_W, 2, 2, 2);
        double[] p = w.positions();
        p[3] += 1000 * 2 * A_W;
        String msg = assertThrows(BadInputException.class, () -> NeighborList.build(w.withPositions(p), 4.7)).getMessage();
        assertEquals("atom 2 lies 1000 cells outside the box along lattice vector a (at most 256 are followed): wrap its coordinates", msg);
        p[3] -= 900 * 2 * A_W; // 100 cells out is an ordinary unwrapped trajectory
        assertEquals(26, NeighborList.build(w.withPositions(p), 4.7).count(1));
    }

    /** Neighbours of atom i at distance r (within 1e-9 Å). */
    static int shell(NeighborList nl, int i, double r) {
        int n = 0;
        for (int p = nl.start(i); p < nl.start(i) + nl.count(i); p++) {
            if (Math.abs(nl.distance(p) - r) < TOL) n++;
        }
        return n;
    }

    private static Structure one(Cell cell) {
        return new Structure(cell, cell.origin(), new int[] {1}, new double[] {183.84});
    }

    private static Structure random(Cell cell, int n, Random rng) {
        double[] pos = new double[3 * n];
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            cell.toCartesian(rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), c);
            System.arraycopy(c, 0, pos, 3 * i, 3);
        }
        int[] types = new int[n];
        java.util.Arrays.fill(types, 1);
        return new Structure(cell, pos, types, new double[] {1});
    }

    /** Random displacements of up to {@code amp} Å plus whole-cell shifts of up to {@code cells}. */
    private static Structure jiggle(Structure s, Random rng, double amp, int cells) {
        double[] pos = s.positions();
        for (int i = 0; i < s.size(); i++) {
            int[] k = {rng.nextInt(2 * cells + 1) - cells, rng.nextInt(2 * cells + 1) - cells, rng.nextInt(2 * cells + 1) - cells};
            for (int d = 0; d < 3; d++) {
                pos[3 * i + d] += amp * (2 * rng.nextDouble() - 1);
                for (int v = 0; v < 3; v++) pos[3 * i + d] += k[v] * s.cell().h(v, d);
            }
        }
        return s.withPositions(pos);
    }

    /** The O(N²·images) definition: every j and every image within reach, in (j, image) order. */
    static NeighborList bruteForce(Structure s, double cutoff) {
        Cell cell = s.cell();
        int n = s.size();
        // Unwrapped atoms may sit several cells away: widen the image range accordingly.
        int far = 0;
        double[] f = new double[3];
        for (int i = 0; i < n; i++) {
            cell.toFractional(s.x(i), s.y(i), s.z(i), f);
            for (double v : f) far = Math.max(far, (int) Math.ceil(Math.abs(v)) + 1);
        }
        int[] images = new int[3];
        for (int d = 0; d < 3; d++) images[d] = (int) Math.ceil(cutoff / cell.faceSpacing(d)) + 2 * far;
        NeighborList.Builder b = new NeighborList.Builder(n);
        for (int i = 0; i < n; i++) {
            b.beginAtom(i);
            for (int j = 0; j < n; j++) {
                double bx = s.x(j) - s.x(i), by = s.y(j) - s.y(i), bz = s.z(j) - s.z(i);
                for (int na = -images[0]; na <= images[0]; na++) {
                    for (int nb = -images[1]; nb <= images[1]; nb++) {
                        for (int nc = -images[2]; nc <= images[2]; nc++) {
                            double dx = bx + na * cell.h(0, 0) + nb * cell.h(1, 0) + nc * cell.h(2, 0);
                            double dy = by + na * cell.h(0, 1) + nb * cell.h(1, 1) + nc * cell.h(2, 1);
                            double dz = bz + na * cell.h(0, 2) + nb * cell.h(1, 2) + nc * cell.h(2, 2);
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 > 0 && r2 < cutoff * cutoff) b.add(j, dx, dy, dz);
                        }
                    }
                }
            }
        }
        return b.finish(cutoff);
    }

    @Test
    void cutoffsSpanningHundredsOfImagesAreBadInput() {
        // a = 0.001 Å: 4.7 Å spans 4700 cells (used to be an internal error after minutes).
        Structure tiny = Lattices.bcc(0.001, 1, 1, 1);
        org.scoredos.io.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.scoredos.io.BadInputException.class, () -> NeighborList.build(tiny, 4.7));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("periodic images along lattice vector a"), e.getMessage());
        // An element radius of 1000 on a real W cell: millions of neighbours per atom.
        Structure w = Lattices.bcc(A_W, 4, 4, 4);
        e = org.junit.jupiter.api.Assertions.assertThrows(org.scoredos.io.BadInputException.class, () -> NeighborList.build(w, 9400));
        // A strongly sheared cell: the face spacing across the tilt collapses.
        Structure sheared = new Structure(new org.scoredos.structure.Cell(
                new double[][] {{3.2, 0, 0}, {5000, 0.0005, 0}, {0, 0, 3.2}}, null), new double[] {0, 0, 0}, new int[] {1}, new double[] {183.84});
        org.junit.jupiter.api.Assertions.assertThrows(org.scoredos.io.BadInputException.class, () -> NeighborList.build(sheared, 4.7));
        // The limit leaves real cells alone: 1 atom of bcc W with a 12 Å cutoff.
        org.junit.jupiter.api.Assertions.assertTrue(NeighborList.build(Lattices.bcc(A_W, 1, 1, 1), 12).count(0) > 200);
    }
}
