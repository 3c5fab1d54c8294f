package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.LinearModel;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.MdPressure;
import org.scoredos.thermo.PressureRun;
import org.scoredos.thermo.TiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos pressure}: ⟨P⟩ of NVT Langevin MD (the TI engine's λ = 1 trajectory) of one cell at given temperatures. */
@Command(
        name = "pressure",
        mixinStandardHelpOptions = true,
        description = {
            "⟨P⟩ (GPa, positive = compressive) of a structure under a linear SNAP model from NVT Langevin MD: the "
                    + "integrator, settings and seeding of `verify`'s thermodynamic integration, run at λ = 1 (the model "
                    + "alone) from the lattice, one trajectory per temperature, in parallel. ⟨P⟩ = (3N − 3) k_B T/(3V) + "
                    + "⟨W_xx + W_yy + W_zz⟩/(3V): the virial is `energy --stress`'s, the kinetic part counts 3N − 3 degrees "
                    + "of freedom because the centre of mass is held fixed; the error is the standard error of block means.",
            "",
            "Also printed: P in the free-energy convention's 3N modes, ⟨P⟩ + (⟨P⟩ − P_static)/(N − 1), the pressure whose "
                    + "zero is the V* of `estimate --pressure 0` for the same cell (jobs/docs/guide.md, \"At fixed pressure\"), "
                    + "and the measured kinetic pressure 2⟨K⟩/(3V) as a thermostat check. A 128-atom W SNAP cell costs "
                    + "about 15 ms of CPU per step."
        })
final class PressureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "starting lattice: LAMMPS data (.data/.dat/.lmp), dump (.dump/.lammpstrj) or extended XYZ (.xyz/.extxyz)")
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--temperatures", required = true, paramLabel = "T",
            description = "LO:HI:N (N evenly spaced, both ends included) or a comma-separated list, in K")
    String temperatures;

    @Option(names = "--strain", defaultValue = "0", paramLabel = "EPS",
            description = "isotropic linear strain of the structure: lengths × (1 + EPS) (default ${DEFAULT-VALUE})")
    double strain;

    @Option(names = "--mass", paramLabel = "AMU", description = "atomic mass (default: the structure's, which must give one)")
    Double mass;

    @Mixin
    LangevinOptions md;

    @Option(names = "--friction", paramLabel = "PER_PS", description = "Langevin friction γ, ps⁻¹ (default: ${DEFAULT-VALUE})")
    double friction = TiSettings.defaults().friction();

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        double[] ts = CommandSupport.temperatures(spec, temperatures);
        TiSettings settings = md.settings(friction, 1);
        LinearModel potential = model.read(true).model();
        Structure cell = HarmonicReference.strained(StructureInput.read(structure), strain);
        if (cell.size() < 2) throw new BadInputException("--structure: " + structure + ": a pressure run needs at least 2 atoms");
        org.scoredos.structure.AtomMasses masses = HarmonicReference.resolveMasses(cell, mass != null ? mass : Double.NaN);
        if (!masses.isUniform()) throw new BadInputException("--structure: " + structure + ": a pressure run takes one mass (give --mass AMU)");
        double amu = masses.of(0);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "pressure: %d atoms, %d temperature(s) × %d steps%n", cell.size(), ts.length, settings.stepsPerNode());
        err.flush();
        long start = System.nanoTime();
        List<MdPressure> rows = IntStream.range(0, ts.length).parallel()
                .mapToObj(i -> PressureRun.run(potential, cell, amu, ts[i], settings, md.seed, i)).toList();
        double seconds = (System.nanoTime() - start) * 1e-9;

        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case JSON -> JsonOutput.print(out, json(cell, amu, settings, rows, seconds));
            case CSV -> csv(out, rows);
            case TEXT -> text(out, cell, amu, settings, rows, seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> json(Structure cell, double amu, TiSettings settings, List<MdPressure> rows, double seconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("structure", structure.toString());
        root.put("natoms", cell.size());
        root.put("strain", strain);
        root.put("volumePerAtom", cell.cell().volume() / cell.size());
        root.put("mass", amu);
        root.put("seed", md.seed);
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("timestep", settings.timestep());
        md.put("friction", settings.friction());
        md.put("equilibrationSteps", settings.equilibrationSteps());
        md.put("productionSteps", settings.samples() * settings.stride());
        md.put("stride", settings.stride());
        md.put("blocks", settings.blocks());
        root.put("md", md);
        root.put("wallSeconds", seconds);
        List<Map<String, Object>> results = new ArrayList<>();
        for (MdPressure p : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperature", p.temperature());
            row.put("pressure", p.pressure());
            row.put("error", p.error());
            row.put("pressure3N", p.pressureIn3NConvention());
            row.put("error3N", p.errorIn3NConvention());
            row.put("virialPressure", p.virialPressure());
            row.put("kineticPressure", p.kineticPressure());
            row.put("measuredKineticPressure", p.measuredKineticPressure());
            row.put("measuredKineticError", p.measuredKineticError());
            row.put("staticPressure", p.staticPressure());
            row.put("steps", p.steps());
            results.add(row);
        }
        root.put("results", results);
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("pressure", "GPa, positive is compressive (LAMMPS); kinetic part (3N − 3) k_B T/(3V), centre of mass fixed");
        units.put("pressure3N", "GPa: ⟨P⟩ + (⟨P⟩ − staticPressure)/(N − 1), the free-energy convention's 3N modes");
        units.put("volumePerAtom", "Å³");
        units.put("temperature", "K");
        units.put("md", "timestep ps, friction ps⁻¹");
        root.put("units", units);
        return root;
    }

    private static void csv(PrintWriter out, List<MdPressure> rows) {
        out.println("# units: temperature K, pressures GPa (positive is compressive), kinetic part (3N-3) k_B T/(3V)");
        out.println("temperature,pressure,error,pressure3N,error3N,virialPressure,kineticPressure,measuredKineticPressure,"
                + "measuredKineticError,staticPressure,steps");
        for (MdPressure p : rows) {
            out.println(p.temperature() + "," + p.pressure() + "," + p.error() + "," + p.pressureIn3NConvention() + ","
                    + p.errorIn3NConvention() + "," + p.virialPressure() + "," + p.kineticPressure() + "," + p.measuredKineticPressure()
                    + "," + p.measuredKineticError() + "," + p.staticPressure() + "," + p.steps());
        }
    }

    private void text(PrintWriter out, Structure cell, double amu, TiSettings settings, List<MdPressure> rows, double seconds) {
        out.printf(Locale.ROOT, "# %d atoms, strain %s, %.6f Å³/atom, mass %s amu; NVT Langevin: %d + %d steps of %s ps, γ = %s ps⁻¹, "
                        + "%d blocks, seed %d; %.1f s wall%n", cell.size(), strain, cell.cell().volume() / cell.size(), amu,
                settings.equilibrationSteps(), settings.samples() * settings.stride(), settings.timestep(), settings.friction(),
                settings.blocks(), md.seed, seconds);
        out.println("# GPa, positive = compressive; P_3N = ⟨P⟩ + (⟨P⟩ − P_static)/(N − 1); kinetic = (3N − 3) k_B T/(3V), measured 2⟨K⟩/(3V)");
        out.printf(Locale.ROOT, "%10s %22s %22s %12s %12s %22s%n", "T (K)", "⟨P⟩ ± σ", "P_3N ± σ", "P_static", "kinetic", "measured kinetic");
        for (MdPressure p : rows) {
            out.printf(Locale.ROOT, "%10.2f %12.5f ± %7.5f %12.5f ± %7.5f %12.5f %12.5f %12.5f ± %7.5f%n", p.temperature(), p.pressure(),
                    p.error(), p.pressureIn3NConvention(), p.errorIn3NConvention(), p.staticPressure(), p.kineticPressure(),
                    p.measuredKineticPressure(), p.measuredKineticError());
        }
    }
}
