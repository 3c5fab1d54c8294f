package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.MorsePotential;
import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;

class HessianTest {
    private static final MorsePotential CU = TestCrystals.morseCopper();
    private static final Structure FCC = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);

    /** The analytic Hessian of a pair potential: blocks φ″ r̂r̂ᵀ + (φ′/r)(1 − r̂r̂ᵀ) summed over images. */
    private static double[][] analyticPairHessian(Structure s, MorsePotential p, double d, double a, double r0) {
        int n = 3 * s.size();
        double[][] h = new double[n][n];
        NeighborList list = NeighborList.build(s, p.cutoff());
        for (int i = 0; i < s.size(); i++) {
            for (int q = list.start(i); q < list.start(i) + list.count(i); q++) {
                int j = list.neighbor(q);
                if (j == i) continue; // a self-image does not move relative to its atom
                double r = list.distance(q);
                double[] u = {list.dx(q) / r, list.dy(q) / r, list.dz(q) / r};
                double e = Math.exp(-a * (r - r0));
                double d2 = 2 * a * a * d * (2 * e * e - e);
                double d1r = p.pairDerivative(r) / r;
                for (int al = 0; al < 3; al++) {
                    for (int be = 0; be < 3; be++) {
                        double k = d2 * u[al] * u[be] + d1r * ((al == be ? 1 : 0) - u[al] * u[be]);
                        h[3 * i + al][3 * j + be] -= k;
                        h[3 * i + al][3 * i + be] += k;
                    }
                }
            }
        }
        return h;
    }

    @Test
    void finiteDifferencesMatchTheAnalyticPairHessian() {
        Hessian h = new HessianCalculator().compute(CU, FCC);
        double[][] exact = analyticPairHessian(FCC, CU, 0.3429, 1.3588, 2.866);
        double max = 0, err = 0;
        for (int k = 0; k < h.dimension(); k++) {
            for (int m = 0; m < h.dimension(); m++) {
                max = Math.max(max, Math.abs(exact[k][m]));
                err = Math.max(err, Math.abs(exact[k][m] - h.get(k, m)));
            }
        }
        assertTrue(err < 1e-7 * max, "max error " + err + " of max entry " + max);
    }

    @Test
    void symmetricWithTheAcousticSumRuleAndThreeZeroModes() {
        Hessian h = new HessianCalculator().compute(CU, FCC);
        assertTrue(h.rawAsymmetry() < 1e-8, "raw asymmetry " + h.rawAsymmetry());
        for (int k = 0; k < h.dimension(); k++) {
            double[] rowSum = new double[3];
            for (int m = 0; m < h.dimension(); m++) {
                assertEquals(h.get(k, m), h.get(m, k), 0.0);
                rowSum[m % 3] += h.get(k, m);
            }
            for (double s : rowSum) assertEquals(0, s, 1e-12);
        }
        HarmonicModes modes = HarmonicModes.of(h);
        assertEquals(3, modes.zeroModes());
        assertEquals(3 * FCC.size() - 3, modes.stableModes());
    }

    /** Second differences of the energy along a unit direction: vᵀHv. */
    static double energyCurvature(Potential p, Structure s, double[] v, double step) {
        double[] x = s.positions();
        double[] plus = x.clone(), minus = x.clone();
        for (int k = 0; k < x.length; k++) {
            plus[k] += step * v[k];
            minus[k] -= step * v[k];
        }
        return (p.energy(s.withPositions(plus)) + p.energy(s.withPositions(minus)) - 2 * p.energy(s)) / (step * step);
    }

    @Test
    void eigenvaluesAgreeWithEnergyDifferences() {
        Hessian h = new HessianCalculator().compute(CU, FCC);
        HarmonicModes modes = HarmonicModes.of(h);
        for (int l : new int[] {0, 17, 50, modes.stableModes() - 1}) {
            double fd = energyCurvature(CU, FCC, modes.mode(l), 1e-3);
            assertEquals(modes.omega(l), fd, 1e-4 * modes.omega(l), "mode " + l);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 3; t++) {
            double[] v = new double[h.dimension()];
            double norm = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = random.nextDouble() - 0.5;
                norm += v[k] * v[k];
            }
            for (int k = 0; k < v.length; k++) v[k] /= Math.sqrt(norm);
            double fd = energyCurvature(CU, FCC, v, 1e-3);
            assertEquals(h.quadraticForm(v), fd, 1e-4 * fd);
        }
    }

    @Test
    void parallelColumnsGiveTheSameBits() {
        Hessian serial = new HessianCalculator(1e-4, false, false).compute(CU, FCC);
        Hessian parallel = new HessianCalculator(1e-4, true, false).compute(CU, FCC);
        assertArrayEquals(serial.toFlat(), parallel.toFlat());
    }

    @Test
    void latticeTranslationsSpareAllButOneAtomPerPrimitiveSite() {
        HessianCalculator reduced = new HessianCalculator();
        HessianCalculator full = new HessianCalculator(1e-4, false, false);
        assertEquals(3, reduced.displacedCoordinates(FCC)); // fcc: one atom per primitive cell
        assertEquals(3 * FCC.size(), full.displacedCoordinates(FCC));
        Structure a15 = org.scoredos.structure.Lattices.a15(5.05, 2, 2, 2).withMassByType(new double[] {TestCrystals.W_MASS});
        assertEquals(3 * 8, reduced.displacedCoordinates(a15));
        double[] x = FCC.positions();
        x[7] += 0.01; // a rattled crystal has no translations left
        assertEquals(3 * FCC.size(), reduced.displacedCoordinates(FCC.withPositions(x)));

        double[] a = reduced.compute(CU, FCC).toFlat(), b = full.compute(CU, FCC).toFlat();
        double max = 0;
        for (int k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k] - b[k]));
        assertTrue(max < 1e-9, "reduced vs full " + max);
        Hessian ha = reduced.compute(CU, a15.withMassByType(new double[] {TestCrystals.CU_MASS}));
        Hessian hb = full.compute(CU, a15.withMassByType(new double[] {TestCrystals.CU_MASS}));
        max = 0;
        for (int k = 0; k < ha.dimension(); k++) for (int m = 0; m < ha.dimension(); m++) max = Math.max(max, Math.abs(ha.get(k, m) - hb.get(k, m)));
        assertTrue(max < 1e-9, "A15 reduced vs full " + max);
    }

    @Test
    void pairPotentialBccIsUnstableAndSaysHowMuch() {
        // A central pair potential cannot hold bcc at its tungsten lattice constant: shear modes go soft.
        Hessian h = new HessianCalculator().compute(TestCrystals.morseTungsten(), TestCrystals.bcc(3.165, 2, TestCrystals.W_MASS));
        BadInputException e = assertThrows(BadInputException.class, () -> HarmonicModes.of(h));
        assertTrue(e.getMessage().startsWith("unstable reference: 6 Hessian eigenvalues below"), e.getMessage());
        assertTrue(e.getMessage().contains("besides 3 zero modes"), e.getMessage());
    }

    @Test
    void projectionMakesAnyMatrixSymmetricAndTranslationFree() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] raw = new double[12][12];
        for (double[] row : raw) for (int m = 0; m < 12; m++) row[m] = random.nextDouble();
        Hessian h = Hessian.of(raw);
        assertTrue(h.rawAsymmetry() > 0.1);
        double[] shift = new double[12];
        for (int i = 0; i < 4; i++) shift[3 * i + 1] = 0.5; // rigid translation along y
        assertEquals(0, h.quadraticForm(shift), 1e-14);
        assertThrows(BadInputException.class, () -> Hessian.of(new double[][] {{1, 2}, {3, 4}}));
    }
}
