package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.TungstenFixtures;

/** The local (sparse) finite-difference Hessian against the whole-cell dense one, tungsten SNAP. */
class SparseHessianTest {
    private static LinearSnapPotential snap;
    private static Structure perfect;

    @BeforeAll
    static void build() throws IOException {
        snap = TungstenFixtures.snap();
        perfect = TestCrystals.bcc(3.1803, 3, TestCrystals.W_MASS);
    }

    /** The cell without atom {@code removed}. */
    static Structure vacancy(Structure s, int removed) {
        int n = s.size() - 1;
        double[] x = new double[3 * n];
        int[] types = new int[n];
        for (int i = 0, k = 0; i < s.size(); i++) {
            if (i == removed) continue;
            System.arraycopy(s.positions(), 3 * i, x, 3 * k, 3);
            types[k++] = s.type(i);
        }
        return new Structure(s.cell(), x, types, s.massByType());
    }

    static Structure displaced(Structure s, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) x[k] += amplitude * (2 * random.nextDouble() - 1);
        return s.withPositions(x);
    }

    private static void assertSameAsDense(Structure s) {
        Hessian dense = new HessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, s);
        SparseHessian sparse = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, s);
        int n = dense.dimension();
        double max = 0, diff = 0, asym = 0;
        for (int k = 0; k < n; k++) {
            for (int m = 0; m < n; m++) {
                double h = sparse.get(k, m);
                max = Math.max(max, Math.abs(dense.get(k, m)));
                diff = Math.max(diff, Math.abs(h - dense.get(k, m)));
                asym = Math.max(asym, Math.abs(h - sparse.get(m, k)));
            }
        }
        assertTrue(diff < 1e-8 * max, "sparse − dense " + diff + " of " + max);
        assertTrue(asym <= 1e-9 * max, "asymmetry " + asym + " of " + max);
        // the operator: H v and uᵀHu against the dense matrix
        SplittableRandom random = new SplittableRandom(5);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) v[k] = random.nextGaussian();
        double[] hv = new double[n];
        sparse.multiply(v, hv);
        for (int k = 0; k < n; k++) {
            double ref = 0;
            for (int m = 0; m < n; m++) ref += dense.get(k, m) * v[m];
            assertEquals(ref, hv[k], 1e-8 * max * Math.sqrt(n), "row " + k);
        }
        assertEquals(dense.quadraticForm(v), sparse.quadraticForm(v), 1e-9 * Math.abs(dense.quadraticForm(v)));
        double trace = 0;
        for (int k = 0; k < n; k++) trace += dense.get(k, k);
        assertEquals(trace, sparse.trace(), 1e-10 * Math.abs(trace));
    }

    @Test
    void perfectLatticeSharesOnePrimitiveRow() {
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, false).compute(snap, perfect);
        assertEquals(h.blocks() / h.atoms(), h.distinctBlocks());
        assertSameAsDense(perfect);
    }

    @Test
    void vacancyCellEqualsTheDensePath() {
        assertSameAsDense(vacancy(perfect, 7));
    }

    @Test
    void displacedCellEqualsTheDensePath() {
        assertSameAsDense(displaced(perfect, 0.05, 3));
    }

    @Test
    void largeCellIsLocalAndTranslationInvariant() {
        Structure big = TestCrystals.bcc(3.1803, 6, TestCrystals.W_MASS); // 432 atoms
        SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, big);
        long perRow = h.blocks() / h.atoms();
        assertTrue(perRow < big.size() / 2, perRow + " blocks per row");
        // every row sees the same set of neighbour distances (a perfect lattice)
        double[] u = new double[h.dimension()];
        Arrays.fill(u, 0.0);
        u[0] = 1;
        double[] hu = new double[u.length];
        h.multiply(u, hu);
        double[] w = new double[u.length];
        w[3 * 100] = 1;
        double[] hw = new double[u.length];
        h.multiply(w, hw);
        assertEquals(hu[0], hw[300], 1e-12 * Math.abs(hu[0]));
    }
}
