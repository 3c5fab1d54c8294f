package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: LAMMPS data (.data/.dat/.lmp), dump (.dump/.lammpstrj) or extended XYZ (.xyz/.extxyz)")
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
        double energy = e.energy();
        double[] f = e.forces();
        double[] p = stress ? e.pressureTensor(s.cell()) : null;

        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case JSON -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("natoms", s.size());
                json.put("energy", energy);
                if (forces) {
                    double[][] rows = new double[s.size()][];
                    for (int i = 0; i < rows.length; i++) rows[i] = new double[] {f[3 * i], f[3 * i + 1], f[3 * i + 2]};
                    json.put("forces", rows);
                }
                if (stress) json.put("pressureTensor", p);
                json.put("units", Map.of("energy", "eV", "forces", "eV/Å",
                        "pressureTensor", "GPa: xx yy zz xy xz yz, virial part only, positive is compressive (LAMMPS)"));
                JsonOutput.print(out, json);
            }
            case CSV -> {
                String pressure = stress ? ",pxx,pyy,pzz,pxy,pxz,pyz" : "";
                String values = "";
                if (stress) for (double x : p) values += "," + x;
                out.println("# units: energy eV, forces (fx fy fz) eV/Å, pressure tensor (p..) GPa, virial part, positive is compressive");
                if (forces) {
                    out.println("natoms,energy" + pressure + ",atom,fx,fy,fz");
                    for (int i = 0; i < s.size(); i++) {
                        out.println(s.size() + "," + energy + values + "," + (i + 1) + "," + f[3 * i] + "," + f[3 * i + 1] + "," + f[3 * i + 2]);
                    }
                } else {
                    out.println("natoms,energy" + pressure);
                    out.println(s.size() + "," + energy + values);
                }
            }
            case TEXT -> {
                out.printf(Locale.ROOT, "energy %.10f eV (%d atoms, %.10f eV/atom)%n", energy, s.size(), energy / s.size());
                if (stress) {
                    out.printf(Locale.ROOT, "pressure tensor (GPa, virial, positive = compressive): xx %.8f yy %.8f zz %.8f "
                            + "xy %.8f xz %.8f yz %.8f%n", p[0], p[1], p[2], p[3], p[4], p[5]);
                }
                if (forces) {
                    out.printf(Locale.ROOT, "%6s %18s %18s %18s  (eV/Å)%n", "atom", "fx", "fy", "fz");
                    for (int i = 0; i < s.size(); i++) {
                        out.printf(Locale.ROOT, "%6d %18.10f %18.10f %18.10f%n", i + 1, f[3 * i], f[3 * i + 1], f[3 * i + 2]);
                    }
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
