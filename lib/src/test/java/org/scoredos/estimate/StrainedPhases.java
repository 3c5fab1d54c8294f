package org.scoredos.estimate;

import java.util.ArrayList;
import java.util.List;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.PhaseSummary;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.Units;

/**
 * Multi-volume phases with a known free energy, made from one sampled phase: at isotropic strain
 * ε the lattice and every sampled descriptor move by the same ΔD_0(ε) with θ_ref·ΔD_0 = Cε² (a
 * harmonic static equation of state), and ⟨ln ν⟩ falls by 6γε (Grüneisen softening, harmonic
 * F gains −9γk_BTε). So under θ_ref, A(ε, T) = A_0(T) + Cε² − 9γk_BTε exactly, with A_0 the
 * sampled phase's own θ·D_0 + F.
 */
final class StrainedPhases {
    final PhaseSummary base;
    final double curvature, gruneisen;
    final double[] strains;
    private final double[] direction;

    /** @param curvature C, eV/atom; @param gruneisen γ */
    StrainedPhases(PhaseSummary base, double[] theta, double curvature, double gruneisen, double... strains) {
        this.base = base;
        this.curvature = curvature;
        this.gruneisen = gruneisen;
        this.strains = strains.clone();
        double[] d0 = base.reference().d0();
        double e0 = 0;
        for (int i = 0; i < d0.length; i++) e0 += theta[i] * d0[i];
        direction = new double[d0.length];
        for (int i = 0; i < d0.length; i++) direction[i] = d0[i] / e0; // θ·direction = 1
    }

    List<PhaseSummary> phases() {
        List<PhaseSummary> out = new ArrayList<>();
        for (double e : strains) out.add(at(e));
        return out;
    }

    /** V_0/N at ε = 0, Å³/atom. */
    double volume0() {
        return base.reference().volume() / base.reference().atoms();
    }

    /** A(V, T) − A_0(T) under θ_ref plus PV, eV/atom: the analytic answer (P in GPa). */
    double enthalpyLike(double volume, double temperature, double gigapascal) {
        double e = Math.cbrt(volume / volume0()) - 1;
        return curvature * e * e - 9 * gruneisen * Units.KB * temperature * e + gigapascal / Units.GPA_PER_EV_PER_A3 * volume;
    }

    /** The analytic V* = argmin of {@link #enthalpyLike} (golden section over the sampled strains). */
    double volumeStar(double temperature, double gigapascal) {
        double lo = volume0() * Math.pow(1 + strains[0], 3), hi = volume0() * Math.pow(1 + strains[strains.length - 1], 3);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200; it++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (enthalpyLike(a, temperature, gigapascal) < enthalpyLike(b, temperature, gigapascal)) hi = b;
            else lo = a;
        }
        return 0.5 * (lo + hi);
    }

    private PhaseSummary at(double e) {
        ReferenceConstants r = base.reference();
        double shift = curvature * e * e;
        double[] d0 = r.d0().clone();
        for (int i = 0; i < d0.length; i++) d0[i] += shift * direction[i];
        double s = 1 + e;
        double[][] cell = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) cell[i][j] = r.cell()[i][j] * s;
        double[] positions = r.positions().clone();
        for (int i = 0; i < positions.length; i++) positions[i] *= s;
        ReferenceConstants strained = new ReferenceConstants(r.atoms(), r.mass(), r.volume() * s * s * s, d0, r.omegaBar(),
                r.meanLogNu() - 6 * gruneisen * e, r.stableModes(), r.u0(), e, cell, positions);
        List<CellSummary> cells = new ArrayList<>();
        for (CellSummary c : base.cells()) {
            double[] mean = c.mean().clone();
            for (int i = 0; i < mean.length; i++) mean[i] += shift * direction[i];
            cells.add(new CellSummary(c.tau(), c.alpha(), c.samples(), mean, c.covariance(), c.eigenvalues(), c.rotation(), c.binEdges(),
                    c.counts(), c.scores()));
        }
        return new PhaseSummary(String.format(java.util.Locale.ROOT, "%s-strain%+.4f", base.name(), e), strained, cells,
                base.conditioning(), base.model());
    }
}
