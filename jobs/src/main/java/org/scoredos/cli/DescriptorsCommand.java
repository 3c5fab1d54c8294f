package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.model.ModelDescription;
import org.scoredos.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos descriptors}: the SNAP bispectrum of one structure, as LAMMPS computes it. */
@Command(
        name = "descriptors",
        mixinStandardHelpOptions = true,
        description = {
            "SNAP bispectrum of a structure, component for component as LAMMPS's compute sna/atom: the average "
                    + "over atoms (compute reduce ave; the descriptor D of the method) and optionally every atom's vector.",
            "",
            "The bispectrum settings, radii and weights come from --model FILE.snap, or from --params with --coeff when "
                    + "given, else radius 0.5 and weight 1 (rcut = rcutfac)."
        })
final class DescriptorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure: LAMMPS data (.data/.dat/.lmp), dump (.dump/.lammpstrj) or extended XYZ (.xyz/.extxyz)")
    Path structure;

    @Mixin
    ModelOptions model;

    @Option(names = "--per-atom", description = "also print every atom's bispectrum")
    boolean perAtom;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        ModelDescription description = model.read(false);
        SnapBispectrum bispectrum = description.bispectrum();
        Structure s = ModelOptions.structure(structure, description);
        ModelOptions.announce(spec.commandLine().getErr(), "descriptors", s.size(), false);
        double[][] atoms = bispectrum.perAtom(s);
        double[] average = new double[bispectrum.descriptorCount()];
        for (double[] atom : atoms) for (int k = 0; k < average.length; k++) average[k] += atom[k];
        for (int k = 0; k < average.length; k++) average[k] /= s.size();

        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case JSON -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("natoms", s.size());
                json.put("components", average.length);
                json.put("average", average);
                if (perAtom) json.put("perAtom", atoms);
                JsonOutput.print(out, json);
            }
            case CSV -> {
                StringBuilder head = new StringBuilder("atom");
                for (int k = 1; k <= average.length; k++) head.append(",B").append(k);
                out.println(head);
                out.println(csvRow("average", average));
                if (perAtom) for (int i = 0; i < atoms.length; i++) out.println(csvRow(Integer.toString(i + 1), atoms[i]));
            }
            case TEXT -> text(out, bispectrum, s.size(), average, atoms);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void text(PrintWriter out, SnapBispectrum bispectrum, int natoms, double[] average, double[][] atoms) {
        out.printf(Locale.ROOT, "SNAP bispectrum of %s: %d atoms, %d components (2J = %d)%n", structure, natoms,
                average.length, bispectrum.parameters().twojmax());
        out.printf(Locale.ROOT, "%9s  %4s %4s %4s  %22s%n", "component", "2j1", "2j2", "2j", "average");
        for (int k = 0; k < average.length; k++) {
            if (k < bispectrum.bispectrumCount()) {
                int[] t = bispectrum.triple(k);
                out.printf(Locale.ROOT, "%9d  %4d %4d %4d  %22.15g%n", k + 1, t[0], t[1], t[2], average[k]);
            } else {
                out.printf(Locale.ROOT, "%9d  %14s  %22.15g%n", k + 1, "quadratic", average[k]);
            }
        }
        if (perAtom) {
            out.println();
            out.println("per atom (atom, then components 1.." + average.length + "):");
            for (int i = 0; i < atoms.length; i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", i + 1));
                for (double v : atoms[i]) line.append(String.format(Locale.ROOT, " %.15g", v));
                out.println(line);
            }
        }
    }

    private static String csvRow(String label, double[] values) {
        StringBuilder row = new StringBuilder(label);
        for (double v : values) row.append(',').append(v);
        return row.toString();
    }
}
