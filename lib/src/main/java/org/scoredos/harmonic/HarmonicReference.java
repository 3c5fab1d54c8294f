package org.scoredos.harmonic;

import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.Potential;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.summary.ReferenceConstants;
import org.scoredos.units.FreeEnergyConvention;
import org.scoredos.units.Units;

/**
 * The reference of one sampling cell (method.md §2–4): a strained lattice X_0, its lattice
 * energy, the stable modes of its Hessian, and the analytic quantities built on them — the
 * α ↔ τ mapping, the isosurface entropy S_0(α, T) and the classical harmonic free energy.
 *
 * <p>Strain is isotropic and linear: every lattice vector and position is scaled by 1 + ε
 * (volume by (1 + ε)³), as in {@link ReferenceConstants#strain()}.
 */
public final class HarmonicReference {
    private final Structure structure;
    private final AtomMasses masses;
    private final double strain;
    private final double latticeEnergy;
    private final HarmonicModes modes;        // dense path; null when sparse
    private final SparseHessian sparse;       // sparse path; null when dense
    private final SparseSpectrum spectrum;    // sparse path; null when dense

    /**
     * @param structure     the strained reference lattice X_0
     * @param masses        the atoms' masses
     * @param strain        the linear strain ε that produced {@code structure}
     * @param latticeEnergy potential energy of X_0, eV (total); NaN when unknown (an imported
     *                      dynamical matrix)
     * @param modes         the modes of the Hessian at X_0
     */
    public HarmonicReference(Structure structure, AtomMasses masses, double strain, double latticeEnergy, HarmonicModes modes) {
        if (modes.dimension() != 3 * structure.size()) {
            throw new BadInputException("Hessian is for " + modes.dimension() / 3 + " atoms but the structure has " + structure.size());
        }
        requireAtoms(masses, structure);
        this.structure = structure;
        this.masses = masses;
        this.strain = strain;
        this.latticeEnergy = latticeEnergy;
        this.modes = modes;
        this.sparse = null;
        this.spectrum = null;
    }

    /**
     * A reference kept sparse (large cells): the Hessian as neighbour blocks and its constants
     * from {@link SparseSpectrum}, no eigenvectors.
     */
    public HarmonicReference(Structure structure, AtomMasses masses, double strain, double latticeEnergy, SparseHessian hessian,
                             SparseSpectrum spectrum) {
        if (hessian.atoms() != structure.size()) {
            throw new BadInputException("Hessian is for " + hessian.atoms() + " atoms but the structure has " + structure.size());
        }
        requireAtoms(masses, structure);
        this.structure = structure;
        this.masses = masses;
        this.strain = strain;
        this.latticeEnergy = latticeEnergy;
        this.modes = null;
        this.sparse = hessian;
        this.spectrum = spectrum;
    }

    /**
     * Strains {@code lattice} by ε, computes the Hessian of {@code potential} there and
     * diagonalises it.
     *
     * @param mass atomic mass of every atom, amu; NaN to take the masses the structure carries
     */
    public static HarmonicReference compute(Structure lattice, Potential potential, double strain, double mass,
                                            HessianCalculator calculator) {
        Structure x0 = strained(lattice, strain);
        Hessian h = calculator.compute(potential, x0);
        return new HarmonicReference(x0, resolveMasses(lattice, mass), strain, potential.energy(x0), HarmonicModes.of(h));
    }

    private static void requireAtoms(AtomMasses masses, Structure structure) {
        if (masses.atoms() != structure.size()) {
            throw new BadInputException(masses.atoms() + " atomic masses for a structure of " + structure.size() + " atoms");
        }
    }

    /** The structure with cell, origin and positions scaled by 1 + ε (fractional coordinates kept). */
    public static Structure strained(Structure lattice, double strain) {
        if (!(strain > -0.5 && strain < 0.5)) throw new BadInputException("strain must lie in (-0.5, 0.5), got " + strain);
        double f = 1 + strain;
        double[] x = lattice.positions();
        for (int k = 0; k < x.length; k++) x[k] *= f;
        return lattice.withCellAndPositions(lattice.cell().scaled(f), x);
    }

    /**
     * The atoms' masses: {@code mass} for every atom when given (not NaN), otherwise the
     * structure's masses by type, which must all be known.
     */
    public static AtomMasses resolveMasses(Structure structure, double mass) {
        if (!Double.isNaN(mass)) {
            if (!(mass > 0) || !Double.isFinite(mass)) throw new BadInputException("--mass must be positive, got " + mass);
            return AtomMasses.uniform(structure.size(), mass);
        }
        return AtomMasses.of(structure);
    }

    public Structure structure() {
        return structure;
    }

    /** The dense modes; a sparse reference has none ({@link #isSparse()}). */
    public HarmonicModes modes() {
        if (modes == null) throw new IllegalStateException("a sparse harmonic reference has no dense modes");
        return modes;
    }

    /** Whether the Hessian is kept sparse, with no eigen-decomposition. */
    public boolean isSparse() {
        return sparse != null;
    }

    /** The sparse Hessian of a sparse reference. */
    public SparseHessian sparseHessian() {
        if (sparse == null) throw new IllegalStateException("a dense harmonic reference has no sparse Hessian");
        return sparse;
    }

    /** The constants of a sparse reference's Hessian. */
    public SparseSpectrum sparseSpectrum() {
        if (spectrum == null) throw new IllegalStateException("a dense harmonic reference has no sparse spectrum");
        return spectrum;
    }

    public int atoms() {
        return structure.size();
    }

    /**
     * The atomic mass of the harmonic constants, amu: the atoms' mass, or for several masses the
     * effective mass of the mass-weighted spectrum ({@link AtomMasses#effectiveMass()}).
     */
    public double mass() {
        return masses.effectiveMass();
    }

    /** The mass of every atom. */
    public AtomMasses masses() {
        return masses;
    }

    /** Linear strain ε of the reference cell. */
    public double strain() {
        return strain;
    }

    /** V_0, volume of the strained cell, Å³. */
    public double volume() {
        return structure.cell().volume();
    }

    /** E_0, potential energy of the reference lattice, eV (whole cell). */
    public double latticeEnergy() {
        return latticeEnergy;
    }

    public double omegaBar() {
        return modes != null ? modes.omegaBar() : spectrum.omegaBar();
    }

    public double meanLogNu() {
        return modes != null ? modes.meanLogNu() : spectrum.meanLogNu();
    }

    public int stableModes() {
        return modes != null ? modes.stableModes() : spectrum.stableModes();
    }

    public int zeroModes() {
        return modes != null ? modes.zeroModes() : 3;
    }

    /** U_0, the isosurface energy scale, eV. */
    public double u0() {
        return Units.U0;
    }

    /** H_e = ½ ω̄ e^α, the harmonic energy per atom on the α shell, eV. */
    public double harmonicEnergy(double alpha) {
        return 0.5 * omegaBar() * Math.exp(alpha);
    }

    /** τ = H_e/U_0 of the α shell. */
    public double tauOfAlpha(double alpha) {
        return harmonicEnergy(alpha) / Units.U0;
    }

    /** α of the shell labelled τ: e^α = 2 τ U_0 / ω̄. */
    public double alphaOfTau(double tau) {
        if (!(tau > 0)) throw new BadInputException("isosurface temperature τ must be positive, got " + tau);
        return Math.log(2 * tau * Units.U0 / omegaBar());
    }

    /**
     * S_0(α, T) = 3/2 [α + 1 − ⟨ln ν⟩ − ln(3βħ²/m)], the configurational shell volume plus the
     * momentum integral per atom, in units of k_B (method.md §4); ħ²/m = ħ² c/m eV·Å² with
     * c = {@link Units#EV_PER_AMU_A2_IN_PS2}, m the effective mass {@link #mass()}.
     */
    public double isosurfaceEntropy(double alpha, double temperature) {
        double beta = 1.0 / (Units.KB * temperature);
        double hbar2OverM = Units.HBAR * Units.HBAR * Units.EV_PER_AMU_A2_IN_PS2 / mass();
        return 1.5 * (alpha + 1 - meanLogNu() - Math.log(3 * beta * hbar2OverM));
    }

    /**
     * The classical harmonic free energy per atom of this Hessian's stable modes alone (centre of
     * mass fixed: what TI with fixed momentum integrates), eV, relative to the lattice energy:
     * F = (k_B T/N) Σ_l ln(ħ Ω_l / k_B T), Ω_l² the stable eigenvalues of the mass-weighted Hessian
     * M^{-1/2} H M^{-1/2} in (rad/ps)², through Σ_l ln Ω_l² = Σ_l ln(ω_l c/m), m the effective mass
     * (method.md §5).
     * The reported convention is {@link #freeEnergy}.
     */
    public double harmonicFreeEnergy(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new BadInputException("temperature must be positive and finite, got " + temperature + " K");
        }
        double kT = Units.KB * temperature;
        double mass = mass();
        if (modes == null) {
            // Σ_l ln(ħ Ω_l/k_B T) = ½ Σ_l ln ω_l + M ln(ħ √(c/m)/k_B T)
            double perMode = Math.log(Units.HBAR * Math.sqrt(Units.EV_PER_AMU_A2_IN_PS2 / mass) / kT);
            return kT * (0.5 * spectrum.sumLogOmega() + spectrum.stableModes() * perMode) / atoms();
        }
        double s = 0;
        for (int l = 0; l < modes.stableModes(); l++) {
            s += Math.log(Units.HBAR * Math.sqrt(modes.omega(l) * Units.EV_PER_AMU_A2_IN_PS2 / mass) / kT);
        }
        return kT * s / atoms();
    }

    /**
     * The classical harmonic free energy per atom in the reported convention
     * ({@link FreeEnergyConvention}): 3 k_B T ⟨ln(ħΩ_l/k_B T)⟩ over the stable modes, eV, relative
     * to the lattice energy — what the estimator's isosurface entropy gives for a harmonic crystal.
     */
    public double freeEnergy(double temperature) {
        double fixed = harmonicFreeEnergy(temperature);
        return FreeEnergyConvention.fromCentreOfMassFixed(fixed, fixed, atoms(), stableModes());
    }

    /** The per-phase constants for the summaries, D_0 the per-atom average SNAP descriptor of X_0. */
    public ReferenceConstants constants(SnapBispectrum bispectrum) {
        return constants(bispectrum.average(structure));
    }

    /** The per-phase constants for the summaries, with D_0 the per-atom descriptor of X_0. */
    public ReferenceConstants constants(double[] d0) {
        return new ReferenceConstants(atoms(), mass(), volume(), d0.clone(), omegaBar(), meanLogNu(), stableModes(),
                Units.U0, strain, structure.cell().matrix(), structure.positions());
    }
}
