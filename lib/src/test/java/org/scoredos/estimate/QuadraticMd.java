package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.DescriptorMoments;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

/**
 * Stores of "MD" of an exactly solvable model: N = 64 "atoms" whose M = 3N − 3 = 189 coordinates
 * form three groups of 63, descriptor D_j = c_j + (1/N) Σ_{i ∈ group j} x_i², so U = N θ·D =
 * N θ·c + Σ_j θ_j Σ x_i² is harmonic and its MD samples x_i ~ N(0, k_B T/2θ_j) exactly. Then
 * F_θ(T) = θ·c − (k_B T/N) Σ_j (n_j/2) ln(π k_B T/θ_j) per atom for every θ, and ⟨U⟩ has no
 * anharmonic part.
 */
final class QuadraticMd {
    static final int N = 64, GROUP = 63, D = 3;

    private QuadraticMd() {}

    /** F per atom of the quadratic model θ at T without the offset c (D_0 = 0: relative to the lattice energy 0). */
    static double exact(double[] theta, double t) {
        double kT = Units.KB * t, f = 0;
        for (double th : theta) f -= kT / N * GROUP / 2.0 * Math.log(Math.PI * kT / th);
        return f;
    }

    /**
     * 20 000 samples of θ_ref at each temperature, compressed into a temperature-conditioned store
     * with D_0 = 0 ({@code lattice}) or unknown (a liquid's).
     */
    static PhaseSummary store(String name, double[] thetaRef, double[] temperatures, double[] offset, boolean lattice, long seed) {
        TwoPassCompression stage = new TwoPassCompression(CompressionSettings.defaults(), D);
        SplittableRandom random = new SplittableRandom(seed);
        List<CellSummary> cells = new ArrayList<>();
        for (double t : temperatures) {
            double[][] samples = new double[20_000][D];
            for (double[] row : samples) {
                for (int j = 0; j < D; j++) {
                    double sd = Math.sqrt(Units.KB * t / (2 * thetaRef[j])), s = 0;
                    for (int i = 0; i < GROUP; i++) {
                        double x = sd * random.nextGaussian();
                        s += x * x;
                    }
                    row[j] = offset[j] + s / N;
                }
            }
            DescriptorMoments m = stage.moments(samples);
            CellFrame frame = stage.frame(t + " K", m);
            cells.add(stage.cell(t, Double.NaN, m, frame, stage.histogram(samples, frame)));
        }
        double[] d0 = new double[D];
        if (!lattice) Arrays.fill(d0, Double.NaN);
        ReferenceConstants ref = new ReferenceConstants(N, 183.84, 1000, d0, Double.NaN, 0, 3 * N - 3, Units.U0, 0,
                new double[][] {{10, 0, 0}, {0, 10, 0}, {0, 0, 10}}, new double[3 * N]);
        return stage.fit(name, ref, cells, Conditioning.TEMPERATURE, null, w -> {});
    }
}
