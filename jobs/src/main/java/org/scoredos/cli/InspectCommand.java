package org.scoredos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.CoordinationShells;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;
import org.scoredos.structure.StructureFiles;
import picocli.CommandLine.Command;
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

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "structure file")
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

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv (the shells) (default ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (shells < 1) throw new BadInputException("--shells must be at least 1, got " + shells);
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) throw new BadInputException("--shell-tolerance must be positive, got " + tolerance);
        Structure s = StructureInput.read(structure);
        if (s.size() == 0) throw BadInputException.at(structure.toString(), 0, null, "the structure has no atoms");
        s = s.withMassByType(applyMasses(s.massByType(), masses));
        CoordinationShells cs = CoordinationShells.of(s, shells, tolerance);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> JsonOutput.print(out, json(s, cs));
            case CSV -> csv(out, cs);
            case TEXT -> text(out, s, cs);
        }
        out.flush();
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

    private Map<String, Object> json(Structure s, CoordinationShells cs) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("structure", structure.toString());
        o.put("fileFormat", StructureFiles.format(structure).description());
        o.put("natoms", s.size());
        Map<String, Object> types = new LinkedHashMap<>();
        int[] counts = typeCounts(s);
        for (int t = 1; t <= s.typeCount(); t++) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("count", counts[t - 1]);
            type.put("mass", Double.isNaN(s.massOfType(t)) ? null : s.massOfType(t));
            types.put(Integer.toString(t), type);
        }
        o.put("types", types);
        o.put("cell", s.cell().matrix());
        o.put("origin", s.cell().origin());
        o.put("volume", s.cell().volume());
        o.put("volumePerAtom", s.cell().volume() / s.size());
        o.put("density", density(s));
        o.put("nearestNeighborDistance", cs.nearestNeighborDistance());
        List<Map<String, Object>> shellList = new ArrayList<>();
        for (CoordinationShells.Shell sh : cs.shells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("distance", sh.distance());
            m.put("count", sh.count());
            shellList.add(m);
        }
        o.put("shells", shellList);
        return o;
    }

    private static void csv(PrintWriter out, CoordinationShells cs) {
        out.println("shell,distance,count");
        int k = 1;
        for (CoordinationShells.Shell sh : cs.shells()) out.println((k++) + "," + sh.distance() + "," + sh.count());
    }

    private void text(PrintWriter out, Structure s, CoordinationShells cs) {
        Cell c = s.cell();
        out.printf(Locale.ROOT, "structure          %s (%s)%n", structure, StructureFiles.format(structure).description());
        out.printf(Locale.ROOT, "atoms              %d%n", s.size());
        int[] counts = typeCounts(s);
        for (int t = 1; t <= s.typeCount(); t++) {
            String mass = Double.isNaN(s.massOfType(t)) ? "mass unknown (give --mass)" : String.format(Locale.ROOT, "mass %.4f amu", s.massOfType(t));
            out.printf(Locale.ROOT, "%-19s%d: %d atoms, %s%n", t == 1 ? "types" : "", t, counts[t - 1], mass);
        }
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            double[] v = c.vector(i);
            out.printf(Locale.ROOT, "%-19s%s = (%.6f, %.6f, %.6f) Å, |%s| = %.6f Å%n", i == 0 ? "cell" : "", names[i],
                    v[0], v[1], v[2], names[i], Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
        }
        double[] o = c.origin();
        out.printf(Locale.ROOT, "origin             (%.6f, %.6f, %.6f) Å%n", o[0], o[1], o[2]);
        out.printf(Locale.ROOT, "volume             %.4f Å³ (%.4f Å³/atom)%n", c.volume(), c.volume() / s.size());
        Double rho = density(s);
        out.printf(Locale.ROOT, "density            %s%n", rho == null ? "unknown (masses missing)" : String.format(Locale.ROOT, "%.4f g/cm³", rho));
        out.printf(Locale.ROOT, "nearest neighbour  %.6f Å%n", cs.nearestNeighborDistance());
        out.printf(Locale.ROOT, "shells             per-atom averages, distances grouped within %s Å%n", tolerance);
        out.printf(Locale.ROOT, "  %-6s %-12s %s%n", "shell", "distance/Å", "neighbours");
        int k = 1;
        for (CoordinationShells.Shell sh : cs.shells()) {
            double n = sh.count();
            String count = Math.abs(n - Math.rint(n)) < 1e-9 ? Long.toString(Math.round(n)) : String.format(Locale.ROOT, "%.3f", n);
            out.printf(Locale.ROOT, "  %-6d %-12.6f %s%n", k++, sh.distance(), count);
        }
        if (cs.shells().size() < shells) {
            out.printf(Locale.ROOT, "  (%d of %d shells resolved: the others are merged by disorder or lie far out)%n", cs.shells().size(), shells);
        }
    }

    private static int[] typeCounts(Structure s) {
        int[] counts = new int[s.typeCount()];
        for (int i = 0; i < s.size(); i++) counts[s.type(i) - 1]++;
        return counts;
    }

    /** g/cm³, or null when a mass is unknown. */
    private static Double density(Structure s) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) total += s.mass(i);
        return Double.isNaN(total) ? null : total / s.cell().volume() * AMU_PER_A3_IN_G_PER_CM3;
    }
}
