package org.scoredos.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnergySeriesTest {
    private static final int ATOMS = 128, FRAMES = 1024;
    private static final double[] THETA = {0.3, -1.2, 0.05};
    private static final double BETA0 = -2.5;

    /** Correlated descriptors (AR(1) in time, φ = 0.8) and the frames' own energies N(β0 + θ·D) (+ noise per atom). */
    private static EnergySeries series(double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] d = new double[FRAMES][THETA.length];
        double[] e = new double[FRAMES];
        double[] x = new double[THETA.length];
        for (int f = 0; f < FRAMES; f++) {
            double u = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.8 * x[i] + 0.6 * r.nextGaussian() * 0.01;
                d[f][i] = 1 + x[i];
                u += THETA[i] * d[f][i];
            }
            e[f] = ATOMS * (BETA0 + u + noise * r.nextGaussian());
        }
        return EnergySeries.of(d, e, ATOMS, THETA, BETA0);
    }

    @Test
    void framesOfTheReferenceModelAgreeAndGiveTheMeanEnergyWithABlockedError() {
        EnergySeries s = EnergySeries.concat(List.of(series(0, 1), series(0, 2)));
        assertTrue(s.fromFiles());
        assertTrue(s.disagreement() < 1e-12, "same model: " + s.disagreement());
        MdAverages a = s.averages(1000);
        double mean = 0;
        for (double v : s.model()) mean += v;
        assertEquals(mean / s.model().length, a.energy(), 1e-12);
        assertTrue(a.fromFiles());
        // correlated frames are worth fewer than their count (φ = 0.8: about a ninth), never more
        assertTrue(a.effectiveSamples() < 0.5 * 2 * FRAMES && a.effectiveSamples() > 0.05 * 2 * FRAMES, "" + a.effectiveSamples());
        assertTrue(a.energyError() > 0);
    }

    @Test
    void framesOfAnotherModelDisagreeBeyondTheTolerance() {
        EnergySeries s = series(1e-5, 3);
        assertTrue(s.disagreement() > EnergySeries.CONSISTENT, "" + s.disagreement());
        assertTrue(s.averages(1000).fromFiles(), "⟨U⟩ still from the files");
    }

    @Test
    void framesWithoutEnergiesOrWithoutAReferenceModel() {
        EnergySeries full = series(0, 4);
        double[] some = full.files().clone();
        some[7] = Double.NaN;
        EnergySeries partial = new EnergySeries(full.model(), some, null, full.equipartition());
        assertTrue(partial.partial());
        assertFalse(partial.averages(500).fromFiles(), "θ_ref·D for all frames");
        assertEquals(full.averages(500).energy(), partial.averages(500).energy(), 1e-12);

        EnergySeries unknown = new EnergySeries(null, full.files(), null, full.equipartition());
        MdAverages a = unknown.averages(500);
        assertFalse(a.hasEnergy(), "no θ_ref: no ⟨U⟩ on its scale");
        assertTrue(a.effectiveSamples() > 0);
        assertTrue(Double.isNaN(unknown.disagreement()));
    }

    /** With θ_ref's mapped energies A per frame: ⟨U⟩/N = θ_ref·D_0 + ⟨A⟩/N + (M/2N) k_B T, unless the frames are another model's. */
    @Test
    void mappedEnergiesGiveTheMeanEnergyWithTheirOwnBlockedError() {
        EnergySeries plain = series(0, 5);
        SplittableRandom r = new SplittableRandom(6);
        double[] a = new double[FRAMES];
        for (int f = 0; f < FRAMES; f++) a[f] = ATOMS * (0.004 + 1e-4 * r.nextGaussian());
        double d0 = -0.9;
        EnergySeries s = new EnergySeries(plain.model(), plain.files(), EnergySeries.of(new double[FRAMES][THETA.length],
                new double[FRAMES], ATOMS, THETA, BETA0, a, d0).mapped(), plain.equipartition());
        MdAverages m = s.averages(2000);
        double kt = org.scoredos.units.Units.KB * 2000;
        assertTrue(m.mapped() && !m.fromFiles());
        double mean = 0;
        for (double v : a) mean += v / ATOMS;
        assertEquals(d0 + mean / FRAMES + (3.0 * ATOMS - 3) / (2 * ATOMS) * kt, m.energy(), 1e-12);
        assertEquals(org.scoredos.thermo.Blocking.of(s.mapped()).error(), m.energyError(), 0.0);
        assertEquals(plain.averages(2000).effectiveSamples(), m.effectiveSamples(), 0.0, "U's inefficiency for the projections");

        assertFalse(EnergySeries.concat(List.of(s, plain)).averages(2000).mapped(), "one file unmapped: none");
        EnergySeries other = series(1e-5, 7);
        EnergySeries otherMapped = new EnergySeries(other.model(), other.files(), s.mapped(), s.equipartition());
        assertFalse(otherMapped.averages(2000).mapped(), "frames of another model: θ_ref's forces do not map them");
        assertTrue(otherMapped.averages(2000).fromFiles());
    }
}
