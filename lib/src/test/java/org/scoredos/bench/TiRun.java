package org.scoredos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.ThermodynamicIntegration;
import org.scoredos.thermo.TiPlan;
import org.scoredos.thermo.TiResult;
import org.scoredos.thermo.TiSettings;
import org.scoredos.thermo.TungstenFixtures;
import org.scoredos.structure.AtomMasses;

/**
 * A measured TI run of bcc W with the bundled SNAP, for runs too long for the unit suite:
 * prints F_harm, F_TI ± error and F_TI − F_harm per temperature (meV/atom), the integrand at
 * each λ node, and the wall and CPU time of the Hessian and of each temperature point (CPU time
 * stays meaningful on a shared machine). Options
 * {@code key=value}: cells (n for 2n³ atoms, 4), temperatures (comma list, 300), nodes,
 * equilibration, production, stride, blocks, timestep, friction (TiSettings.defaults()
 * otherwise), seed (1), parallel (true). See jobs/docs/guide.md ("Ground truth: thermodynamic integration") for the command.
 */
public final class TiRun {
    private TiRun() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("options are key=value, got " + a);
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        TiSettings d = TiSettings.defaults();
        TiSettings settings = new TiSettings(num(o, "timestep", d.timestep()), num(o, "friction", d.friction()),
                (int) num(o, "equilibration", d.equilibrationSteps()), (int) num(o, "production", d.productionSteps()),
                (int) num(o, "stride", d.stride()), (int) num(o, "blocks", d.blocks()), (int) num(o, "nodes", d.nodes()));
        double[] temperatures = Arrays.stream(o.getOrDefault("temperatures", "300").split(",")).mapToDouble(Double::parseDouble).toArray();
        Structure x0 = TungstenFixtures.bcc((int) num(o, "cells", 4));
        boolean parallel = Boolean.parseBoolean(o.getOrDefault("parallel", "true"));

        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        LinearSnapPotential w = TungstenFixtures.snap();
        Hessian h = new HessianCalculator(HessianCalculator.DEFAULT_STEP, parallel).compute(w, x0);
        long seed = (long) num(o, "seed", 1);
        System.out.printf("%d atoms, %d cores, %s%nHessian: %.1f s wall, %.1f s CPU%n", x0.size(),
                Runtime.getRuntime().availableProcessors(), settings, (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9);
        for (double t : temperatures) {
            long start = System.nanoTime();
            long cpu = cpuNanos();
            TiPlan one = new TiPlan(w, x0, h, AtomMasses.uniform(x0.size(), TungstenFixtures.MASS), new double[] {t}, settings, seed);
            List<TiResult> r = ThermodynamicIntegration.run(one, parallel,
                    done -> System.err.printf("  T = %.0f K: %d/%d λ nodes%n", t, done, one.size()));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            TiResult res = r.get(0);
            System.out.printf("T = %6.0f K  F_harm = %9.4f  F_TI = %9.4f ± %.4f  F_TI − F_harm = %8.4f meV/atom"
                            + "  (%.0f s wall, %.0f s CPU, %.2f ms CPU/step)%n",
                    t, 1e3 * res.harmonicFreeEnergy(), 1e3 * res.freeEnergy(), 1e3 * res.error(), 1e3 * res.anharmonic(),
                    seconds, cpuSeconds, 1e3 * cpuSeconds / (one.size() * settings.stepsPerNode()));
            for (int k = 0; k < res.lambdas().length; k++) {
                System.out.printf("    λ = %.4f  ⟨ΔU⟩ = %9.4f ± %.4f meV/atom%n", res.lambdas()[k], 1e3 * res.integrand()[k], 1e3 * res.integrandErrors()[k]);
            }
        }
    }

    /** CPU time of this JVM, all threads: the cost on a loaded machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double num(Map<String, String> o, String key, double fallback) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : fallback;
    }
}
