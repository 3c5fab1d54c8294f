package org.scoredos.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.sample.HessianSampler;
import org.scoredos.sample.ShardKey;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.structure.AtomMasses;

/**
 * The sparse harmonic reference of bcc W (bundled w-snap, a = 3.1803 Å) for n×n×n conventional
 * cells: the local finite-difference Hessian (parallel), its constants (trace, Lanczos
 * quadrature), and one matrix-free isosurface sample, each in process CPU time and wall time:
 * {@code deploy/bin/bench --cpu-time SparseHarmonic 4 8 16 20} (run from the repository root or
 * lib/; add {@code vacancy} first to remove atom 0).
 */
public final class SparseHarmonicCpuTime {
    private SparseHarmonicCpuTime() {}

    public static void main(String[] args) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Path.of("conf/potentials/w-snap");
        if (!dir.toFile().isDirectory()) dir = Path.of("../conf/potentials/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        LinearSnapPotential snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
        boolean vacancy = args.length > 0 && args[0].equals("vacancy");
        for (int a = vacancy ? 1 : 0; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Structure bcc = Lattices.bcc(3.1803, n, n, n).withMassByType(new double[] {183.84});
            if (vacancy) bcc = withoutAtomZero(bcc);
            long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
            SparseHessian h = new SparseHessianCalculator(HessianCalculator.DEFAULT_STEP, true).compute(snap, bcc);
            long c1 = os.getProcessCpuTime(), w1 = System.nanoTime();
            SparseSpectrum s = SparseSpectrum.of(h);
            long c2 = os.getProcessCpuTime(), w2 = System.nanoTime();
            HarmonicReference ref = new HarmonicReference(bcc, AtomMasses.uniform(bcc.size(), 183.84), 0, Double.NaN, h, s);
            HessianSampler sampler = new HessianSampler(ref);
            long c3 = os.getProcessCpuTime(), w3 = System.nanoTime();
            sampler.sample(ref.alphaOfTau(1), new ShardKey(1, 0, 0), 0);
            long c4 = os.getProcessCpuTime(), w4 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%6d atoms%s: Hessian %.2f s CPU / %.2f s wall (%d blocks/row, %.1f MB); constants %.2f s CPU"
                            + " / %.2f s wall (ω̄ %.6f eV/Å², ⟨ln ν⟩ %.8f ± %.1e %s, λ in [%.4g, %.4g]); one sample %.2f s CPU / %.2f s wall"
                            + " (Chebyshev degree %d); heap used %.0f MB%n",
                    bcc.size(), vacancy ? " (vacancy)" : "", (c1 - c0) / 1e9, (w1 - w0) / 1e9, h.blocks() / h.atoms(), h.bytes() / 1e6,
                    (c2 - c1) / 1e9, (w2 - w1) / 1e9, s.omegaBar(), s.meanLogNu(), s.meanLogNuError(), s.exact() ? "exact" : "Hutchinson",
                    s.lowest(), s.highest(), (c4 - c3) / 1e9, (w4 - w3) / 1e9,
                    s.inverseSquareRoot(HessianSampler.INVERSE_SQRT_TOLERANCE).degree(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
        }
    }

    private static Structure withoutAtomZero(Structure s) {
        double[] x = java.util.Arrays.copyOfRange(s.positions(), 3, 3 * s.size());
        int[] types = java.util.Arrays.copyOfRange(s.types(), 1, s.size());
        return new Structure(s.cell(), x, types, s.massByType());
    }
}
