package org.scoredos.estimate;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Jackknife error bars of a fixed-pressure result: each quantity's statistical bar is
 * √((K − 1)/K Σ_k (x_k − x̄)²) over the K replicas' values (each replica leaves out one part of the
 * samples every volume shares), the values themselves the full data's. Every bar adds the A(V)
 * fit residual's part in quadrature ({@link GibbsFreeEnergy.Quantity#fitResidual}), as the
 * propagated bar does: the replicas share each cell's frame, so the per-volume scatter that the
 * frames put into A(V) is the same in all of them and their spread misses it (W bcc: B_T's bar
 * 4–6 times below two seeds' difference without it). A quantity that some replica cannot give
 * (not finite) keeps its propagated bar.
 */
final class Jackknife {
    private Jackknife() {}

    /** {@code full} with its bars from {@code replicas} (the same temperature and pressure). */
    static GibbsFreeEnergy bars(GibbsFreeEnergy full, List<GibbsFreeEnergy> replicas) {
        double g = error(replicas, r -> r.gibbs().value());
        double statistical = Double.isFinite(g) ? g : full.statisticalError();
        return new GibbsFreeEnergy(full.temperature(), full.pressure(), quantity(full.gibbs(), replicas, GibbsFreeEnergy::gibbs),
                statistical, full.systematicError(),
                quantity(full.volume(), replicas, GibbsFreeEnergy::volume),
                quantity(full.expansion(), replicas, GibbsFreeEnergy::expansion),
                quantity(full.bulkModulus(), replicas, GibbsFreeEnergy::bulkModulus),
                quantity(full.entropy(), replicas, GibbsFreeEnergy::entropy),
                quantity(full.enthalpy(), replicas, GibbsFreeEnergy::enthalpy),
                quantity(full.heatCapacity(), replicas, GibbsFreeEnergy::heatCapacity),
                full.eosResidual(), full.alphaStar(), full.solved(), full.gradient());
    }

    private static GibbsFreeEnergy.Quantity quantity(GibbsFreeEnergy.Quantity full, List<GibbsFreeEnergy> replicas,
            Function<GibbsFreeEnergy, GibbsFreeEnergy.Quantity> of) {
        double e = error(replicas, r -> of.apply(r).value());
        return Double.isFinite(e)
                ? new GibbsFreeEnergy.Quantity(full.value(), Math.hypot(e, full.fitResidual()), full.fitResidual(), full.fitForm())
                : full;
    }

    /** The jackknife standard error of a quantity over the replicas. */
    static double error(List<GibbsFreeEnergy> replicas, ToDoubleFunction<GibbsFreeEnergy> value) {
        int k = replicas.size();
        double mean = 0;
        for (GibbsFreeEnergy r : replicas) mean += value.applyAsDouble(r) / k;
        double s2 = 0;
        for (GibbsFreeEnergy r : replicas) {
            double d = value.applyAsDouble(r) - mean;
            s2 += d * d;
        }
        return Math.sqrt((k - 1) * s2 / k);
    }
}
