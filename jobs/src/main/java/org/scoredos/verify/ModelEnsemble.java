package org.scoredos.verify;

import org.scoredos.io.BadInputException;
import org.scoredos.sample.SampleStreams;
import org.scoredos.sample.ShardKey;

/**
 * The models a verification compares: θ itself (model 0) and N random relative perturbations
 * θ_i′ = θ_i (1 + s g_i), g_i standard normal. Model m draws its g from its own stream of
 * (seed, m), so it is the same whatever N is and on every machine. A relative perturbation
 * keeps each component's sign and order of magnitude, so the perturbed models stay near the
 * original's stable crystal for small s while probing directions the fit never saw.
 */
public final class ModelEnsemble {
    private ModelEnsemble() {}

    /** θ followed by {@code perturbations} perturbed copies: N + 1 rows of d values. */
    public static double[][] of(double[] theta, int perturbations, double scale, long seed) {
        if (perturbations < 0) throw new BadInputException("--perturb: the number of perturbed models must be ≥ 0, got " + perturbations);
        if (!(scale >= 0) || !Double.isFinite(scale)) throw new BadInputException("--scale: must be finite and ≥ 0, got " + scale);
        double[][] models = new double[perturbations + 1][];
        models[0] = theta.clone();
        double[] g = new double[theta.length];
        for (int m = 1; m <= perturbations; m++) {
            // stream index 1: never the stream of a TI task, which uses index 0
            SampleStreams.gaussians(SampleStreams.random(new ShardKey(seed, m, 0), 1), g);
            models[m] = new double[theta.length];
            for (int i = 0; i < theta.length; i++) models[m][i] = theta[i] * (1 + scale * g[i]);
        }
        return models;
    }
}
