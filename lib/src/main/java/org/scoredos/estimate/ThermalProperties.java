package org.scoredos.estimate;

/**
 * Entropy, internal energy and heat capacity at fixed volume from F(T): S = −∂F/∂T,
 * E = F + TS, C_V = T ∂S/∂T = −T ∂²F/∂T², by central differences of the estimator's smooth
 * F over T ± h ({@link TemperatureStencil}). Like F they exclude the lattice energy θ·D_0, which adds to
 * E only. Error bars follow the convention of {@link GibbsEstimator}: the error band of F moves
 * together between neighbouring temperatures (the same cells and score fits give both), so the
 * error of a derivative is the derivative of the band.
 */
public final class ThermalProperties {
    /** One temperature: each quantity per atom, with its error bar; solved when F is at T and T ± h. */
    public record Row(double temperature, GibbsFreeEnergy.Quantity freeEnergy, GibbsFreeEnergy.Quantity entropy,
            GibbsFreeEnergy.Quantity energy, GibbsFreeEnergy.Quantity heatCapacity, double alphaStar, boolean solved) {}

    private ThermalProperties() {}

    public static Row[] of(PhaseFreeEnergy estimator, double[] theta, double[] temperatures) {
        int n = temperatures.length;
        TemperatureStencil stencil = TemperatureStencil.of(temperatures);
        double[] steps = stencil.steps();
        FreeEnergy[] f = estimator.estimate(theta, stencil.points(), false);
        Row[] rows = new Row[n];
        for (int j = 0; j < n; j++) {
            FreeEnergy lo = f[3 * j], at = f[3 * j + 1], hi = f[3 * j + 2];
            double t = temperatures[j], h = steps[j];
            double s = -(hi.freeEnergy() - lo.freeEnergy()) / (2 * h);
            double sError = Math.abs(hi.error() - lo.error()) / (2 * h);
            double curvature = (hi.freeEnergy() - 2 * at.freeEnergy() + lo.freeEnergy()) / (h * h);
            double curvatureError = Math.abs(hi.error() - 2 * at.error() + lo.error()) / (h * h);
            double e = at.freeEnergy() + t * s;
            double eError = Math.abs(at.error() - t * (hi.error() - lo.error()) / (2 * h));
            rows[j] = new Row(t, new GibbsFreeEnergy.Quantity(at.freeEnergy(), at.error()),
                    new GibbsFreeEnergy.Quantity(s, sError), new GibbsFreeEnergy.Quantity(e, eError),
                    new GibbsFreeEnergy.Quantity(-t * curvature, t * curvatureError), at.alphaStar(),
                    lo.solved() && at.solved() && hi.solved());
        }
        return rows;
    }
}
