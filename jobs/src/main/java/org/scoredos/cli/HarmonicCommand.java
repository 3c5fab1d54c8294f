package org.scoredos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.harmonic.DynamicalMatrixReader;
import org.scoredos.harmonic.HarmonicModes;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.HessianForm;
import org.scoredos.harmonic.SparseHessian;
import org.scoredos.harmonic.SparseHessianCalculator;
import org.scoredos.harmonic.SparseSpectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.AtomMasses;
import org.scoredos.structure.Structure;
import org.scoredos.units.Units;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scoredos harmonic}: the classical harmonic free energy of a model's own Hessian. */
@Command(
        name = "harmonic",
        mixinStandardHelpOptions = true,
        description = {
            "Classical harmonic free energy per atom, relative to the lattice energy, of the Hessian of a linear SNAP "
                    + "model at a structure, in the estimators' 3N convention: F(T) = 3 k_B T ⟨ln(ħ Ω_l / k_B T)⟩, the mean "
                    + "over the stable modes (zero modes dropped) counted 3 times per atom. With the centre of mass fixed "
                    + "(3N − 3 modes) F is lower by F/N (lib/docs/accuracy.md, \"Free-energy convention\").",
            "The Hessian comes from central differences of the SNAP forces (only translation-inequivalent atoms are "
                    + "displaced) or from a LAMMPS dynamical_matrix file (--dynmat). A structure with negative eigenvalues "
                    + "beyond the zero modes is refused."
        })
final class HarmonicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "reference structure: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", required = true, paramLabel = "FILE.snap",
                description = "LAMMPS model file (pair_style snap or hybrid/overlay zbl … snap), instead of --coeff/--params")
        Path model;

        @ArgGroup(exclusive = false)
        Snap snap;

        @ArgGroup(exclusive = false)
        Dynmat dynmat;
    }

    static final class Snap {
        @Option(names = "--coeff", required = true, paramLabel = "FILE", description = "LAMMPS .snapcoeff file or plain coefficient list")
        Path coeff;

        @Option(names = "--params", required = true, paramLabel = "FILE", description = "LAMMPS .snapparam file")
        Path params;
    }

    static final class Dynmat {
        @Option(names = "--dynmat", required = true, paramLabel = "FILE",
                description = "LAMMPS dynamical_matrix output for group all (text, .gz or binary), instead of --coeff/--params")
        Path file;

        @Option(names = "--dynmat-style", defaultValue = "regular", paramLabel = "STYLE",
                description = "the dynamical_matrix style it was written with: regular (eV/(Å² amu)) or eskm (ps⁻²); default ${DEFAULT-VALUE}")
        DynamicalMatrixReader.Style style;
    }

    /** The model's identity bytes, the cache key's model part. */
    private byte[] identity;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, ends included) or a comma-separated list, K")
    String temperatures;

    @Option(names = "--mass", paramLabel = "AMU|TYPE=AMU", split = ",",
            description = "atomic mass in amu of every atom, or TYPE=AMU for one type; repeatable (default: the structure's masses). "
                    + "Masses set the frequencies of the mass-weighted Hessian M^-1/2 H M^-1/2, not its modes' shapes")
    List<String> masses = new ArrayList<>();

    @Option(names = "--strain", defaultValue = "0", paramLabel = "EPS",
            description = "isotropic linear strain of the structure: lengths × (1 + EPS) (default ${DEFAULT-VALUE})")
    double strain;

    @Option(names = "--step", defaultValue = "1e-4", paramLabel = "Å", description = "finite-difference displacement, Å (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--cache", paramLabel = "DIR", description = "keep computed Hessians in DIR and reuse them")
    Path cache;

    @Option(names = "--hessian", defaultValue = "auto", paramLabel = "FORM",
            description = "auto, dense or sparse: sparse keeps the Hessian as neighbour blocks (local force differences, O(N)) and "
                    + "computes ω̄ and ⟨ln ν⟩ without diagonalising; auto is sparse above " + HessianForm.SPARSE_ABOVE_ATOMS
                    + " atoms (default ${DEFAULT-VALUE})")
    String form;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts;
        try {
            ts = Temperatures.parse(temperatures);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--temperatures: " + e.getMessage());
        }
        if (!(step > 0 && step <= 0.1)) throw new CommandLine.ParameterException(spec.commandLine(), "--step must be in (0, 0.1] Å, got " + step);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (source.dynmat != null && (parsed.hasMatchedOption("--step") || parsed.hasMatchedOption("--cache")
                || parsed.hasMatchedOption("--hessian"))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--step, --cache and --hessian apply to Hessians computed from --coeff/--params, not to --dynmat");
        }
        HessianForm hessianForm = HessianForm.parse(form, "--hessian");
        ModelDescription description = source.dynmat != null ? null : source.model != null ? ModelFiles.lammps(source.model)
                : ModelFiles.snap(source.snap.params, source.snap.coeff);
        Structure lattice = description == null ? StructureInput.read(structure) : ModelOptions.structure(structure, description);
        AtomMasses m = AtomMasses.of(lattice.withMassByType(InspectCommand.applyMasses(given(lattice), masses)));
        Structure x0 = HarmonicReference.strained(lattice, strain);

        PrintWriter err = spec.commandLine().getErr();
        HarmonicReference reference;
        if (description != null) {
            identity = description.identity();
            LinearModel potential = description.model();
            if (hessianForm.sparseFor(x0.size())) {
                SparseHessian h = sparseHessian(potential, lattice, x0, err);
                reference = new HarmonicReference(x0, m, strain, potential.energy(x0), h, SparseSpectrum.of(h));
            } else {
                Hessian h = snapHessian(potential, lattice, x0, err);
                reference = new HarmonicReference(x0, m, strain, potential.energy(x0), HarmonicModes.of(h));
            }
        } else {
            double[] perAtom = new double[lattice.size()];
            for (int i = 0; i < perAtom.length; i++) perAtom[i] = m.of(i);
            Hessian h = DynamicalMatrixReader.read(source.dynmat.file, perAtom, source.dynmat.style);
            reference = new HarmonicReference(x0, m, strain, Double.NaN, HarmonicModes.of(h));
        }

        Renderers.print(result(reference, ts), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private Hessian snapHessian(LinearModel potential, Structure lattice, Structure x0, PrintWriter err) throws IOException {
        HessianCalculator calculator = new HessianCalculator(step, false);
        int coordinates = calculator.displacedCoordinates(x0);
        Supplier<Hessian> compute = () -> {
            err.printf(Locale.ROOT, "harmonic: Hessian of %d atoms by central differences: %d displaced coordinates, %d force evaluations%n",
                    x0.size(), coordinates, 2 * coordinates);
            err.flush();
            long start = System.nanoTime();
            int every = Math.max(10, coordinates / 10);
            Hessian h = calculator.compute(potential, x0, done -> {
                if (done % every == 0 && done < coordinates) {
                    err.printf(Locale.ROOT, "harmonic: %d/%d coordinates%n", done, coordinates);
                    err.flush();
                }
            });
            err.printf(Locale.ROOT, "harmonic: Hessian done in %.1f s%n", (System.nanoTime() - start) / 1e9);
            err.flush();
            return h;
        };
        if (cache == null) return compute.get();
        String key = HessianCache.key(lattice, strain, step, List.of(identity));
        return new HessianCache(cache).getOrCompute(key, compute);
    }

    /** The sparse path's ⟨ln ν⟩ error carried into F = (k_B T/N)(M/2)(⟨ln ν⟩ + ln ω̄) + …, eV/atom; 0 when dense. */
    private static double freeEnergyError(HarmonicReference reference, double t) {
        if (!reference.isSparse()) return 0.0;
        // F = 3 k_B T ⟨ln(ħΩ/k_B T)⟩ (3N convention) holds ½⟨ln ν⟩ three times per atom
        return 1.5 * Units.KB * t * reference.sparseSpectrum().meanLogNuError();
    }

    private SparseHessian sparseHessian(LinearModel potential, Structure lattice, Structure x0, PrintWriter err) throws IOException {
        SparseHessianCalculator calculator = new SparseHessianCalculator(step, true);
        Supplier<SparseHessian> compute = () -> {
            err.printf(Locale.ROOT, "harmonic: sparse Hessian of %d atoms by local central differences: %d displaced coordinates%n",
                    x0.size(), calculator.displacedCoordinates(x0));
            err.flush();
            long start = System.nanoTime();
            SparseHessian h = calculator.compute(potential, x0);
            err.printf(Locale.ROOT, "harmonic: %s done in %.1f s%n", h, (System.nanoTime() - start) / 1e9);
            err.flush();
            return h;
        };
        if (cache == null) return compute.get();
        String key = HessianCache.key(lattice, strain, step, List.of(identity));
        return new HessianCache(cache).getOrComputeSparse(key, compute);
    }

    /** The structure's masses by type, or none when a bare --mass AMU gives every atom's (it overrides the file's). */
    private double[] given(Structure lattice) {
        double[] m = lattice.massByType();
        if (masses.stream().anyMatch(g -> g.indexOf('=') < 0)) Arrays.fill(m, Double.NaN);
        return m;
    }

    /** F_harm(T) of the reference with its error (the sparse path's ⟨ln ν⟩ estimate; 0 when dense), and the spectrum's summary. */
    private static Result result(HarmonicReference reference, double[] ts) {
        Result result = new Result("harmonic");
        String hessian = reference.isSparse() ? "sparse" : "dense";
        result.fields().put("atoms", null, "atoms in the reference structure", reference.atoms())
                .put("mass", "amu", reference.masses().isUniform() ? "atomic mass"
                        : "effective mass of the mass-weighted spectrum (several masses)", reference.mass())
                .put("zeroModes", null, "Hessian modes at zero frequency (translations)", reference.zeroModes())
                .put("stableModes", null, "modes with positive curvature", reference.stableModes())
                .put("omegaBar", "eV/Å^2", "ω̄: the geometric-mean Hessian eigenvalue", reference.omegaBar())
                .put("meanLogNu", null, "⟨ln ν⟩: the mean log of the eigenvalues relative to ω̄", reference.meanLogNu())
                .put("hessian", hessian);
        ResultTable t = new ResultTable("results").column(Columns.temperature())
                .column(Column.of("freeEnergy", "eV/atom", "F_harm = 3 k_B T ⟨ln(ħΩ/k_B T)⟩, relative to the lattice energy").shown("F_harm", "%.12f"))
                .column(Columns.error("error", "eV/atom", "F_harm (from the sparse path's ⟨ln ν⟩; 0 when dense)", "δF", "%.2g"));
        for (double temperature : ts) t.row(temperature, reference.freeEnergy(temperature), freeEnergyError(reference, temperature));
        return result.table(t).heading(String.format(Locale.ROOT,
                "# %d atoms, %s %s amu, strain %s, %s Hessian: %d zero modes, %d stable, ω̄ = %.8g eV/Å², ⟨ln ν⟩ = %.8g%s",
                reference.atoms(), reference.masses().isUniform() ? "mass" : "effective mass", reference.mass(), reference.strain(), hessian, reference.zeroModes(), reference.stableModes(),
                reference.omegaBar(), reference.meanLogNu(),
                reference.isSparse() ? String.format(Locale.ROOT, " ± %.2g", reference.sparseSpectrum().meanLogNuError()) : ""));
    }
}
