package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos energy}: the linear (q)SNAP energy and forces of one structure. */
@Command(
        name = "energy",
        mixinStandardHelpOptions = true,
        description = {
            "Energy (eV) of a structure under a linear SNAP or qSNAP potential, E = Σ_i (β0 + β·B^i), as LAMMPS's "
                    + "pair_style snap computes it, and optionally the forces (eV/Å).",
            "",
            "--coeff is a LAMMPS .snapcoeff file or a plain list of numbers: d numbers are β (β0 = 0), d + 1 are β0 "
                    + "then β (d = descriptor count; element radius 0.5, weight 1)."
        })
final class EnergyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: LAMMPS data (.data/.dat/.lmp), dump (.dump/.lammpstrj) or extended XYZ (.xyz/.extxyz)")
    Path structure;

    @Option(names = "--coeff", required = true, paramLabel = "FILE", description = "LAMMPS .snapcoeff file or plain coefficient list")
    Path coeff;

    @Option(names = "--params", required = true, paramLabel = "FILE", description = "LAMMPS .snapparam file")
    Path params;

    @Option(names = "--forces", description = "also print the force on every atom")
    boolean forces;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        SnapParameters p = SnapModelFiles.parameters(params);
        SnapCoefficients c = SnapModelFiles.coefficients(coeff, p);
        LinearSnapPotential potential = LinearSnapPotential.of(p, c);
        Structure s = StructureInput.read(structure);
        SnapModelFiles.announce(spec.commandLine().getErr(), "energy", s.size(), forces);
        double[] f = forces ? new double[3 * s.size()] : null;
        double energy = forces ? potential.energyAndForces(s, f) : potential.energy(s);

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
                JsonOutput.print(out, json);
            }
            case CSV -> {
                if (forces) {
                    out.println("natoms,energy,atom,fx,fy,fz");
                    for (int i = 0; i < s.size(); i++) {
                        out.println(s.size() + "," + energy + "," + (i + 1) + "," + f[3 * i] + "," + f[3 * i + 1] + "," + f[3 * i + 2]);
                    }
                } else {
                    out.println("natoms,energy");
                    out.println(s.size() + "," + energy);
                }
            }
            case TEXT -> {
                out.printf(Locale.ROOT, "energy %.10f eV (%d atoms, %.10f eV/atom)%n", energy, s.size(), energy / s.size());
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
