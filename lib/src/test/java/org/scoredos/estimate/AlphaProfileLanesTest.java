package org.scoredos.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The α profile of all lanes at once ({@link AlphaProfile#minimiseLanes}) against each lane through
 * {@link AlphaProfile#minimise}, bit for bit: F, the band, t*, α*, the solved flag and the weights, on
 * random cells' values whose minimum is inside the range, at either end, or one of two interior minima.
 */
class AlphaProfileLanesTest {
    private static final int CELLS = 23, TEMPERATURES = 31;

    @Test
    void quinticLanesAreEachLaneBitForBit() {
        double[] alphas = new double[CELLS];
        for (int a = 0; a < CELLS; a++) alphas[a] = -2 + 0.2 * a + 0.01 * a * a;
        assertEquals(LaneKernel.vectorModule(), AlphaScan.of().getClass().getSimpleName().equals("VectorAlphaScan"), "the SIMD passes where the module is");
        // both passes over lanes (the SIMD ones where the JVM has the module), lanes a whole number of vectors and not
        for (AlphaScan passes : new AlphaScan[] {new ScalarAlphaScan(), AlphaScan.of()}) {
            for (int multiple : new int[] {8, 1}) {
                int[] kinds = check(new GlobalAlphaFit(alphas, IsosurfaceEstimator.ALPHA_DEGREE, passes), alphas, multiple);
                String what = passes.getClass().getSimpleName() + ", lanes a multiple of " + multiple + ": ";
                assertTrue(kinds[0] > 20 && kinds[1] > 20 && kinds[2] > 20, what + "interior minima, left and right ends " + java.util.Arrays.toString(kinds));
                assertTrue(kinds[3] > 20, what + "lanes whose p′ turns positive twice: " + kinds[3]);
            }
        }
    }

    @Test
    void localLanesAreEachLaneBitForBit() {
        double[] alphas = new double[CELLS];
        for (int a = 0; a < CELLS; a++) alphas[a] = -2 + 0.2 * a + 0.01 * a * a;
        check(new LocalAlphaFit(alphas), alphas, 1);
    }

    /** Counts of lanes with the minimum inside, at the left and the right end, and with two sign changes of p′ (the quintic). */
    private static int[] check(AlphaProfile profile, double[] alphas, int multiple) {
        Random random = new Random(19);
        TemperatureLanes lanes = new TemperatureLanes(TEMPERATURES, multiple, CELLS, 1);
        IsosurfaceWorkspace w = new IsosurfaceWorkspace(CELLS, 1, 1, IsosurfaceEstimator.ALPHA_DEGREE, 0);
        int width = lanes.width;
        double centre = 0.5 * (alphas[0] + alphas[CELLS - 1]), half = 0.5 * (alphas[CELLS - 1] - alphas[0]);
        int[] kinds = new int[4];
        for (int trial = 0; trial < 40; trial++) {
            for (int l = 0; l < width; l++) {
                double t0 = -0.9 + 1.8 * random.nextDouble(), tilt = 0.05 * random.nextGaussian(), noise = l % 7 == 0 ? 0 : 1e-3;
                int kind = (l + trial) % 4;
                lanes.alpha.shell[l] = random.nextGaussian();
                for (int a = 0; a < CELLS; a++) {
                    double t = (alphas[a] - centre) / half;
                    double q = switch (kind) {
                        case 0 -> 3 * (t - t0) * (t - t0); // one interior minimum
                        case 1 -> 2 * t; // increasing: the left end
                        case 2 -> -2 * t + 0.3 * t * t; // decreasing: the right end
                        default -> 8 * (t * t - 0.4) * (t * t - 0.4) + tilt * t; // two interior minima
                    };
                    // + (3/2)α cancels the shell's slope, so q(t) is what is minimised
                    lanes.g[a * width + l] = q + AlphaProfile.SHELL_SLOPE * alphas[a] + noise * random.nextGaussian();
                    lanes.band[a * width + l] = random.nextDouble();
                }
            }
            profile.minimiseLanes(lanes, w, true, true);
            AlphaLanes p = lanes.alpha;
            for (int l = 0; l < TEMPERATURES; l++) {
                for (int a = 0; a < CELLS; a++) {
                    w.g[a] = lanes.g[a * width + l];
                    w.gPlus[a] = lanes.band[a * width + l];
                }
                profile.minimise(w, p.shell[l], true);
                String at = "trial " + trial + " lane " + l;
                assertEquals(w.freeEnergy, p.freeEnergy[l], 0, at);
                assertEquals(w.error, p.error[l], 0, at);
                assertEquals(w.tStar, p.tStar[l], 0, at);
                assertEquals(w.alphaStar, p.alphaStar[l], 0, at);
                assertEquals(w.solved, p.solved[l], at);
                for (int a = 0; a < CELLS; a++) assertEquals(w.weights[a], lanes.weights[a * width + l], 0, at + " cell " + a);
                if (w.solved) kinds[0]++;
                else if (w.tStar == -1) kinds[1]++;
                else if (w.tStar == 1) kinds[2]++;
            }
            if (profile instanceof GlobalAlphaFit) {
                int[] perLane = new int[width];
                for (int k = 0; k < p.changes; k++) perLane[p.changeLane[k]]++;
                for (int l = 0; l < TEMPERATURES; l++) if (perLane[l] == 2) kinds[3]++;
            }
        }
        return kinds;
    }
}
