package org.scoredos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Record;
import org.scoredos.cli.result.Renderers;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.CoordinationShells;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoredos inspect}: what a structure file holds — atoms, cell, density, neighbour shells. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a structure file (by extension: .data/.dat/.lmp LAMMPS data, .dump/.lammpstrj LAMMPS dump "
                    + "(first frame), .xyz/.extxyz extended XYZ) and prints its atoms, types, cell, volume per atom, "
                    + "nearest-neighbour distance and first coordination shells (per-atom averages)."
        })
public final class InspectCommand implements Callable<Integer> {
    /** g/cm³ per amu/Å³. */
    private static final double AMU_PER_A3_IN_G_PER_CM3 = 1.66053906660;

    @Spec
    CommandSpec spec;

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "structure: " + CommandSupport.STRUCTURE_FORMATS)
    Path structure;

    @Option(names = "--mass", paramLabel = "AMU|TYPE=AMU", split = ",",
            description = "mass in amu for every type the file leaves without one (LAMMPS data without Masses, dumps), "
                    + "or TYPE=AMU for one type; repeatable")
    List<String> masses = new ArrayList<>();

    @Option(names = "--shells", defaultValue = "3", paramLabel = "N", description = "coordination shells to report (default ${DEFAULT-VALUE})")
    int shells;

    @Option(names = "--shell-tolerance", defaultValue = "0.1", paramLabel = "Å",
            description = "distances closer than this belong to one shell (default ${DEFAULT-VALUE} Å)")
    double tolerance;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        if (shells < 1) throw new BadInputException("--shells must be at least 1, got " + shells);
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) throw new BadInputException("--shell-tolerance must be positive, got " + tolerance);
        Structure s = StructureInput.read(structure);
        if (s.size() == 0) throw BadInputException.at(structure.toString(), 0, null, "the structure has no atoms");
        s = s.withMassByType(applyMasses(s.massByType(), masses));
        CoordinationShells cs = CoordinationShells.of(s, shells, tolerance);
        Renderers.print(result(s, cs), output.format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The file's masses with the --mass values applied. */
    static double[] applyMasses(double[] fromFile, List<String> given) {
        double[] m = fromFile.clone();
        for (String g : given) {
            int eq = g.indexOf('=');
            double value = positive(eq < 0 ? g : g.substring(eq + 1), g);
            if (eq < 0) {
                for (int t = 0; t < m.length; t++) if (Double.isNaN(m[t])) m[t] = value;
            } else {
                int type;
                try {
                    type = Integer.parseInt(g.substring(0, eq).trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException("--mass " + g + ": '" + g.substring(0, eq) + "' is not a type number");
                }
                if (type < 1 || type > m.length) throw new BadInputException("--mass " + g + ": the structure has types 1 to " + m.length);
                m[type - 1] = value;
            }
        }
        return m;
    }

    private static double positive(String s, String option) {
        try {
            double v = Double.parseDouble(s.trim());
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--mass " + option + ": '" + s + "' is not a positive mass in amu");
    }

    /** The file's atoms, types and masses, the cell (a 3×3 matrix, rows a b c), volume, density and the coordination shells. */
    private Result result(Structure s, CoordinationShells cs) {
        Cell c = s.cell();
        double rho = density(s);
        Result result = new Result("inspect").withoutConvention();
        String fileFormat = StructureFiles.format(structure).description();
        result.fields().put("structure", structure.toString()).put("fileFormat", fileFormat)
                .put("natoms", null, "atoms in the structure", s.size());
        Record types = result.fields().record("types");
        int[] counts = typeCounts(s);
        result.heading(String.format(Locale.ROOT, "structure          %s (%s)", structure, fileFormat))
                .heading(String.format(Locale.ROOT, "atoms              %d", s.size()));
        for (int t = 1; t <= s.typeCount(); t++) {
            double m = s.massOfType(t);
            types.record(Integer.toString(t)).put("count", null, "atoms of this type", counts[t - 1])
                    .put("mass", "amu", "atomic mass (null: the file has none, give --mass)", m);
            result.heading(String.format(Locale.ROOT, "%-19s%d: %d atoms, %s", t == 1 ? "types" : "", t, counts[t - 1],
                    Double.isNaN(m) ? "mass unknown (give --mass)" : String.format(Locale.ROOT, "mass %.4f amu", m)));
        }
        double[] o = c.origin();
        result.fields().put("origin", "Å", "the cell's origin (lower corner)", o)
                .put("volume", "Å³", "cell volume", c.volume())
                .put("volumePerAtom", "Å³/atom", "cell volume per atom", c.volume() / s.size())
                .put("density", "g/cm³", "mass density (null: a mass is unknown)", rho)
                .put("nearestNeighborDistance", "Å", "the shortest interatomic distance", cs.nearestNeighborDistance())
                .put("shellTolerance", "Å", "distances closer than this belong to one shell", tolerance);
        String[] names = {"a", "b", "c"};
        StringBuilder lengths = new StringBuilder("cell               ");
        for (int i = 0; i < 3; i++) {
            double[] v = c.vector(i);
            lengths.append(String.format(Locale.ROOT, "%s|%s| = %.6f Å", i == 0 ? "" : ", ", names[i], Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])));
        }
        result.heading(lengths + " (vectors a, b, c as rows of the [cell] table)")
                .heading(String.format(Locale.ROOT, "origin             (%.6f, %.6f, %.6f) Å", o[0], o[1], o[2]))
                .heading(String.format(Locale.ROOT, "volume             %.4f Å³ (%.4f Å³/atom)", c.volume(), c.volume() / s.size()))
                .heading("density            " + (Double.isNaN(rho) ? "unknown (masses missing)" : String.format(Locale.ROOT, "%.4f g/cm³", rho)))
                .heading(String.format(Locale.ROOT, "nearest neighbour  %.6f Å", cs.nearestNeighborDistance()))
                .heading(String.format(Locale.ROOT, "shells             per-atom averages, distances grouped within %s Å", tolerance));

        ResultTable cell = new ResultTable("cell");
        for (String axis : new String[] {"x", "y", "z"}) cell.column(Column.of(axis, "Å", null).shown(axis, "%.6f"));
        cell.asMatrix("the cell vectors a, b, c as rows, Cartesian x y z");
        for (int i = 0; i < 3; i++) {
            double[] v = c.vector(i);
            cell.row(v[0], v[1], v[2]);
        }
        ResultTable shellTable = new ResultTable("shells")
                .column(Column.of("shell", null, "shell number from 1, nearest first").shown("shell", "%d"))
                .column(Column.of("distance", "Å", "the shell's mean distance").shown("distance", "%.6f"))
                .column(Column.of("count", null, "neighbours in the shell, averaged over atoms").shown("neighbours", "%.3f"));
        int k = 1;
        for (CoordinationShells.Shell sh : cs.shells()) shellTable.row(k++, sh.distance(), sh.count());
        result.table(cell).table(shellTable);
        if (cs.shells().size() < shells) {
            result.summary(String.format(Locale.ROOT, "(%d of %d shells resolved: the others are merged by disorder or lie far out)", cs.shells().size(), shells));
        }
        return result;
    }

    private static int[] typeCounts(Structure s) {
        int[] counts = new int[s.typeCount()];
        for (int i = 0; i < s.size(); i++) counts[s.type(i) - 1]++;
        return counts;
    }

    /** g/cm³, or NaN when a mass is unknown. */
    private static double density(Structure s) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) total += s.mass(i);
        return total / s.cell().volume() * AMU_PER_A3_IN_G_PER_CM3;
    }
}
