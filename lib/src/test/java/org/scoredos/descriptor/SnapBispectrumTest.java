package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/** Symmetries, component counts and ordering, bzero and input checks of the bispectrum. */
class SnapBispectrumTest {
    private static final SnapParameters W = new SnapParameters(4.7, 0.99363, 8, 0.0, true, false, true, false);

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 2", "2, 5", "3, 8", "4, 14", "6, 30", "8, 55", "10, 91"})
    void componentCountsFollowLammpsFormula(int twojmax, int count) {
        SnapParameters p = new SnapParameters(4.7, 0.99363, twojmax, 0.0, true, false, true, false);
        assertEquals(count, p.bispectrumCount());
        SnapBispectrum b = SnapBispectrum.singleElement(p, 0.5, 1);
        assertEquals(count, b.bispectrumCount());
        double[] dimer = dimer(b, 2.5);
        assertEquals(count, dimer.length);
        for (double v : dimer) assertTrue(Double.isFinite(v));
        SnapParameters q = new SnapParameters(4.7, 0.99363, twojmax, 0.0, true, true, true, false);
        assertEquals(count + count * (count + 1) / 2, q.descriptorCount());
    }

    @Test
    void componentsAreInLammpsOrder() {
        SnapBispectrum b = SnapBispectrum.singleElement(W, 0.5, 1);
        assertArrayEquals(new int[] {0, 0, 0}, b.triple(0));
        assertArrayEquals(new int[] {1, 0, 1}, b.triple(1));
        assertArrayEquals(new int[] {1, 1, 2}, b.triple(2));
        assertArrayEquals(new int[] {2, 0, 2}, b.triple(3));
        assertArrayEquals(new int[] {8, 8, 8}, b.triple(54));
    }

    @Test
    void quadraticComponentsFollowTheLinearOnesInLammpsOrder() throws IOException {
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.1, 4);
        SnapParameters linear = new SnapParameters(4.7, 0.99363, 4, 0.0, true, false, true, false);
        SnapParameters quadratic = new SnapParameters(4.7, 0.99363, 4, 0.0, true, true, true, false);
        double[] b = SnapBispectrum.singleElement(linear, 0.5, 1).perAtom(s)[7];
        double[] q = SnapBispectrum.singleElement(quadratic, 0.5, 1).perAtom(s)[7];
        assertEquals(14 + 14 * 15 / 2, q.length);
        int k = 0;
        for (; k < 14; k++) assertEquals(b[k], q[k], 0.0);
        for (int a = 0; a < 14; a++) {
            assertEquals(0.5 * b[a] * b[a], q[k++], 1e-12);
            for (int c = a + 1; c < 14; c++) assertEquals(b[a] * b[c], q[k++], 1e-12);
        }
    }

    @Test
    void bnormDividesEachComponentByJPlusOne() throws IOException {
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.1, 6);
        SnapBispectrum plain = SnapBispectrum.singleElement(W, 0.5, 1);
        SnapBispectrum normed = SnapBispectrum.singleElement(
                new SnapParameters(4.7, 0.99363, 8, 0.0, true, false, true, false, true), 0.5, 1);
        double[] b = plain.perAtom(s)[3], n = normed.perAtom(s)[3];
        for (int k = 0; k < b.length; k++) assertEquals(b[k] / (plain.triple(k)[2] + 1), n[k], 1e-12);
    }

    @Test
    void isolatedAtomIsZeroWithBzeroAndJPlusOneWithout() {
        Structure lone = new Structure(Cell.orthogonal(20, 20, 20), new double[] {1, 2, 3}, new int[] {1}, new double[] {1});
        SnapBispectrum with = SnapBispectrum.singleElement(W, 0.5, 1);
        for (double v : with.average(lone)) assertEquals(0, v, 1e-14);
        SnapParameters noZero = new SnapParameters(4.7, 0.99363, 8, 0.0, false, false, true, false);
        SnapBispectrum without = SnapBispectrum.singleElement(noZero, 0.5, 1);
        double[] b = without.average(lone);
        for (int k = 0; k < b.length; k++) assertEquals(without.triple(k)[2] + 1, b[k], 1e-12);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() throws IOException {
        Structure s = TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.2, 21);
        SnapBispectrum b = SnapBispectrum.singleElement(W, 0.5, 1);
        double[][] ref = b.perAtom(s);

        double[][] rot = rotation(new Random(5));
        double[][] h = s.cell().matrix();
        double[][] hr = new double[3][];
        for (int a = 0; a < 3; a++) hr[a] = apply(rot, h[a]);
        double[] x = s.positions();
        double[] xr = new double[x.length];
        double[] shift = {0.37, -1.2, 2.9};
        for (int i = 0; i < s.size(); i++) {
            double[] v = apply(rot, new double[] {x[3 * i], x[3 * i + 1], x[3 * i + 2]});
            for (int d = 0; d < 3; d++) xr[3 * i + d] = v[d] + shift[d];
        }
        Structure moved = new Structure(new Cell(hr, null), xr, s.types(), s.massByType());
        double[][] got = b.perAtom(moved);
        for (int i = 0; i < s.size(); i++) assertArrayEquals(ref[i], got[i], 1e-10, "atom " + i);

        int n = s.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = (7 * i + 3) % n; // 7 is coprime to 64
        double[] xp = new double[x.length];
        for (int i = 0; i < n; i++) System.arraycopy(x, 3 * perm[i], xp, 3 * i, 3);
        double[][] permuted = b.perAtom(s.withPositions(xp));
        for (int i = 0; i < n; i++) assertArrayEquals(ref[perm[i]], permuted[i], 1e-10, "atom " + i);
    }

    @Test
    void neighboursBeyondTheCutoffDoNotCountAndTheSwitchIsSmooth() {
        SnapBispectrum b = SnapBispectrum.singleElement(W, 0.5, 1);
        double[] inside = dimer(b, 4.7 - 1e-6);
        double[] outside = dimer(b, 4.7);
        for (int k = 0; k < inside.length; k++) {
            assertEquals(0, outside[k], 1e-14);
            assertEquals(0, inside[k], 1e-9); // fc → 0 at the cutoff
        }
        double[] near = dimer(b, 2.5);
        assertTrue(java.util.Arrays.stream(near).anyMatch(v -> Math.abs(v) > 1e-3));
    }

    @Test
    void atomsCloserThanATenthOfAnAngstromAreAnError() {
        SnapBispectrum b = SnapBispectrum.singleElement(W, 0.5, 1);
        BadInputException e = assertThrows(BadInputException.class, () -> dimer(b, 0.05));
        assertTrue(e.getMessage().contains("0.05"), e.getMessage());
    }

    @Test
    void innerRadiusBeyondTheCutoffIsAnError() {
        SnapParameters p = new SnapParameters(2.0, 0.99363, 4, 2.5, true, false, true, false);
        BadInputException e = assertThrows(BadInputException.class, () -> SnapBispectrum.singleElement(p, 0.5, 1));
        assertTrue(e.getMessage().startsWith("rmin0"), e.getMessage());
    }

    @Test
    void unknownTypesAreAnError() {
        SnapBispectrum b = SnapBispectrum.singleElement(W, 0.5, 1);
        Structure two = new Structure(Cell.orthogonal(20, 20, 20), new double[] {0, 0, 0, 2, 0, 0}, new int[] {1, 2},
                new double[] {1, 1});
        assertThrows(BadInputException.class, () -> b.average(two));
    }

    private static double[] dimer(SnapBispectrum b, double r) {
        Structure s = new Structure(Cell.orthogonal(30, 30, 30), new double[] {5, 5, 5, 5 + r * 0.6, 5 + r * 0.8, 5},
                new int[] {1, 1}, new double[] {1});
        return b.perAtom(s)[0];
    }

    private static double[][] rotation(Random rng) {
        double[] q = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}
        };
    }

    private static double[] apply(double[][] m, double[] v) {
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) for (int c = 0; c < 3; c++) out[a] += m[a][c] * v[c];
        return out;
    }
}
