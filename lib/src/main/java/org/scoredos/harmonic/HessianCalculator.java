package org.scoredos.harmonic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;

/**
 * The Hessian of a potential with analytic forces, by central differences of the forces:
 * H_{k,m} = −[F_m(x + h e_k) − F_m(x − h e_k)] / 2h, 6N force evaluations. Each column is
 * independent, so with {@code parallel} the columns run on the common fork-join pool; the
 * result is the same bits either way.
 */
public final class HessianCalculator {
    /**
     * Default displacement, Å. The truncation error (∝ h²) and the round-off of the force
     * difference (∝ 1/h) balance near 1e-4–1e-5 Å for metallic potentials in double precision.
     */
    public static final double DEFAULT_STEP = 1e-4;

    private final double step;
    private final boolean parallel;

    public HessianCalculator(double step, boolean parallel) {
        if (!(step > 0) || step > 0.1) throw new IllegalArgumentException("finite-difference step must be in (0, 0.1] Å, got " + step);
        this.step = step;
        this.parallel = parallel;
    }

    public HessianCalculator() {
        this(DEFAULT_STEP, false);
    }

    public double step() {
        return step;
    }

    /** The Hessian of {@code potential} at {@code structure}. */
    public Hessian compute(Potential potential, Structure structure) {
        return compute(potential, structure, done -> { });
    }

    /**
     * As {@link #compute(Potential, Structure)}, reporting the number of finished coordinates
     * (out of 3N) to {@code progress}, possibly from several threads.
     */
    public Hessian compute(Potential potential, Structure structure, IntConsumer progress) {
        int n = 3 * structure.size();
        double[] raw = new double[n * n];
        double[] x0 = structure.positions();
        AtomicInteger done = new AtomicInteger();
        IntStream columns = IntStream.range(0, n);
        if (parallel) columns = columns.parallel();
        columns.forEach(k -> {
            double[] x = x0.clone();
            double[] plus = new double[n];
            double[] minus = new double[n];
            x[k] = x0[k] + step;
            potential.energyAndForces(structure.withPositions(x), plus);
            x[k] = x0[k] - step;
            potential.energyAndForces(structure.withPositions(x), minus);
            double scale = -1.0 / (2 * step);
            for (int m = 0; m < n; m++) raw[k * n + m] = scale * (plus[m] - minus[m]);
            progress.accept(done.incrementAndGet());
        });
        return Hessian.fromRaw(structure.size(), raw);
    }
}
