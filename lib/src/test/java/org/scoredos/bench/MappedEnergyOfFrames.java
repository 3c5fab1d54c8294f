package org.scoredos.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scoredos.estimate.GibbsHelmholtz;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import org.scoredos.structure.TrajectoryFrames;
import org.scoredos.thermo.Blocking;
import org.scoredos.thermo.MappedEnergy;
import org.scoredos.thermo.TungstenFixtures;
import org.scoredos.units.Units;

/**
 * ΔU(T) = ⟨U⟩/N − U_0/N − (M/2N) k_B T of W bcc MD frames (128 atoms, bundled SNAP) two ways —
 * the plain mean of U and the harmonically mapped average ⟨U − U_0 + ½u·F⟩/N
 * ({@link MappedEnergy}), each blocked — and F_ref(T) = F_harm + F_anh by Gibbs–Helmholtz
 * from each, the check of the MD route's F_ref against TI (lib/docs/accuracy.md). Arguments:
 * {@code T=file[,file...]} per temperature (extended XYZ or LAMMPS dumps, time order; a
 * truncated last frame is dropped), then optionally {@code at=1000,2000,3000}.
 */
public final class MappedEnergyOfFrames {
    private MappedEnergyOfFrames() {}

    public static void main(String[] args) throws IOException {
        LinearSnapPotential w = TungstenFixtures.snap();
        Structure lattice = TungstenFixtures.bcc(4);
        int n = lattice.size();
        double u0 = w.energy(lattice);
        double modes = 3.0 * n - 3;
        double[] at = {1000, 2000, 3000};
        List<double[]> rows = new ArrayList<>(); // T, plain, plain error, mapped, mapped error
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv[0].equals("at")) {
                at = Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                continue;
            }
            double t = Double.parseDouble(kv[0]);
            double kt = Units.KB * t;
            List<Double> plain = new ArrayList<>(), mapped = new ArrayList<>();
            double worstEnergy = 0;
            long cpu = cpuNanos();
            for (String file : kv[1].split(",")) {
                try (Reader in = Files.newBufferedReader(Path.of(file)); TrajectoryFrames frames = TrajectoryFrames.open(in, file.replaceFirst("\\.part$", ""),
                        new TrajectoryFrames.AtomLimit(Integer.MAX_VALUE / 3, "at most " + Integer.MAX_VALUE / 3))) {
                    while (frames.hasNext()) {
                        Structure f;
                        try {
                            f = frames.next();
                        } catch (BadInputException e) {
                            break; // a truncated last frame of a run still going
                        }
                        Evaluation e = w.evaluate(f, true, false);
                        if (Double.isFinite(frames.energy())) worstEnergy = Math.max(worstEnergy, Math.abs(frames.energy() - e.energy()));
                        plain.add((e.energy() - u0) / n - modes / (2 * n) * kt);
                        mapped.add(MappedEnergy.of(e.energy(), u0, MappedEnergy.displacement(lattice, f), e.forces()) / n);
                    }
                }
            }
            Blocking p = Blocking.of(plain.stream().mapToDouble(Double::doubleValue).toArray());
            Blocking m = Blocking.of(mapped.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "T = %5.0f K  %4d frames  ΔU plain %8.4f ± %.4f (g %.1f)  mapped %8.4f ± %.4f (g %.1f) meV/atom"
                            + "  max|E_file − E| %.1e eV  %.1f ms CPU/frame%n", t, plain.size(), 1e3 * p.mean(), 1e3 * p.error(),
                    p.inefficiency(), 1e3 * m.mean(), 1e3 * m.error(), m.inefficiency(), worstEnergy,
                    (cpuNanos() - cpu) / 1e6 / plain.size());
            rows.add(new double[] {t, p.mean(), p.error(), m.mean(), m.error()});
        }
        HarmonicReference harmonic = HarmonicReference.compute(lattice, w, 0.0, TungstenFixtures.MASS,
                new HessianCalculator(HessianCalculator.DEFAULT_STEP, true));
        double[] ts = rows.stream().mapToDouble(r -> r[0]).toArray();
        for (int way = 0; way < 2; way++) {
            final int k = 1 + 2 * way;
            GibbsHelmholtz gh = GibbsHelmholtz.fit(ts, rows.stream().mapToDouble(r -> r[k]).toArray(),
                    rows.stream().mapToDouble(r -> r[k + 1]).toArray(), GibbsHelmholtz.DEFAULT_ORDER);
            for (double t : at) {
                System.out.printf(Locale.ROOT, "%s  T = %5.0f K  F_harm %10.3f  F_anh %8.3f ± %.3f  F_ref %10.3f meV/atom%n",
                        way == 0 ? "plain " : "mapped", t, 1e3 * harmonic.freeEnergy(t), 1e3 * gh.anharmonic(t),
                        1e3 * gh.anharmonicError(t), 1e3 * (harmonic.freeEnergy(t) + gh.anharmonic(t)));
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
