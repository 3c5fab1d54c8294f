package org.scoredos.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.potential.Evaluation;
import org.scoredos.potential.LinearModel;
import org.scoredos.model.ModelDescription;
import org.scoredos.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos energy}: the energy, forces and virial pressure of one structure under a model. */
@Command(
        name = "energy",
        mixinStandardHelpOptions = true,
        description = {
            "Energy (eV) of a structure under a linear SNAP or qSNAP model, E = Σ_i (β0 + β·B^i) plus its fixed terms "
                    + "(ZBL), as LAMMPS computes it, and optionally the forces (eV/Å) and the virial pressure tensor (GPa).",
            "",
            "The model is a LAMMPS potential file (--model Ta06A.snap) or --params with --coeff: a LAMMPS .snapcoeff "
                    + "file or a plain list of numbers (d numbers are β with β0 = 0, d + 1 are β0 then β; element radius 0.5, weight 1)."
        })
final class EnergyCommand implements Callable<Integer> {
    private static final String PRESSURE = "virial pressure tensor xx yy zz xy xz yz: virial part only (no kinetic term), positive is compressive (LAMMPS sign)";

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--forces", description = "also print the force on every atom")
    boolean forces;

    @Option(names = "--stress", description = "also print the virial pressure tensor, GPa, xx yy zz xy xz yz (LAMMPS sign: "
            + "positive = compressive; no kinetic part)")
    boolean stress;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        ModelDescription description = model.read(true);
        LinearModel potential = description.model();
        Structure s = ModelOptions.structure(structure, description);
        ModelOptions.announce(spec.commandLine().getErr(), "energy", s.size(), forces || stress);
        Evaluation e = potential.evaluate(s, forces, stress);
        double[] p = stress ? e.pressureTensor(s.cell()) : null;

        Renderers.print(result(s, e, p), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The energy, the pressure tensor (--stress) and the N×3 forces (--forces); JSON fields {@code energy}, {@code pressureTensor}, {@code forces} as LAMMPS names them. */
    private Result result(Structure s, Evaluation e, double[] pressure) {
        double energy = e.energy();
        Result result = new Result("energy").withoutConvention();
        result.fields().put("structure", structure.toString()).put("model", model.source())
                .put("natoms", null, "atoms in the structure", s.size())
                .put("energy", "eV", "total energy Σ_i (β0 + β·B^i) plus the fixed terms (ZBL), as LAMMPS pair_style snap", energy)
                .put("energyPerAtom", "eV/atom", "energy / natoms", energy / s.size());
        result.heading(String.format(Locale.ROOT, "energy %.10f eV (%d atoms, %.10f eV/atom)", energy, s.size(), energy / s.size()));
        if (pressure != null) {
            result.fields().put("pressureTensor", "GPa", PRESSURE, pressure);
            result.heading(String.format(Locale.ROOT, "pressure tensor (GPa, virial, positive = compressive): xx %.8f yy %.8f zz %.8f "
                    + "xy %.8f xz %.8f yz %.8f", pressure[0], pressure[1], pressure[2], pressure[3], pressure[4], pressure[5]));
        }
        if (forces) {
            ResultTable t = new ResultTable("forces").asMatrix("force on each atom, in the structure's order: fx fy fz");
            for (String axis : new String[] {"fx", "fy", "fz"}) t.column(Column.of(axis, "eV/Å", null).shown(axis, "%.10f"));
            double[] f = e.forces();
            for (int i = 0; i < s.size(); i++) t.row(f[3 * i], f[3 * i + 1], f[3 * i + 2]);
            result.table(t);
        }
        return result;
    }
}
