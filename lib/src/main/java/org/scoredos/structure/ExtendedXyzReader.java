package org.scoredos.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the first frame of an extended XYZ file ({@link TrajectoryFrames} streams them all): the
 * atom count, a comment line of
 * {@code key=value} pairs with {@code Lattice="ax ay az bx by bz cx cy cz"} (required: cells are
 * periodic), optional {@code Properties=name:type:columns:...} (default
 * {@code species:S:1:pos:R:3}), optional {@code pbc} (must be all true) and {@code Origin}.
 * Species become types in order of first appearance and keep their names (a model's elements
 * are matched to them by name); masses come from a {@code masses} column, else from the
 * element's standard weight, else NaN. An {@code energy=} key is the frame's potential energy
 * (eV, the whole cell; the ASE convention).
 */
public final class ExtendedXyzReader {
    private ExtendedXyzReader() {}

    /** One frame: the atoms in their cell and their potential energy (eV, NaN when the comment line has no energy=). */
    record Frame(Structure structure, double energy) {}

    /** One Properties entry: its first column and width. */
    private record Property(String name, char type, int column, int width) {}

    public static Structure read(Path path) throws IOException {
        try (BufferedReader in = TextSource.open(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads from {@code in}; {@code file} names the source in error messages. */
    public static Structure read(Reader in, String file) throws IOException {
        return frame(new TextSource(in, file)).structure();
    }

    /** Reads the next frame of {@code src} (a trajectory is frames one after the other). */
    static Frame frame(TextSource src) throws IOException {
        String first = src.next();
        while (first != null && first.isBlank()) first = src.next();
        if (first == null) throw src.error(null, "empty file (an extended XYZ frame starts with the atom count)");
        String[] nf = TextSource.fields(first);
        if (nf.length != 1) throw src.error("atom count", "the first line must hold only the number of atoms");
        int n = src.integer(nf[0], "atom count", 0, Integer.MAX_VALUE / 3);
        src.announce(n, "atom count");
        String comment = src.next();
        if (comment == null) throw src.error(null, "the file ends before the comment line");
        Map<String, String> info = keyValues(comment, src);

        String lattice = info.get("lattice");
        if (lattice == null) throw src.error("Lattice", "no Lattice=\"...\" on the comment line (periodic cells need one)");
        double[] l = numbers(lattice, 9, "Lattice", src);
        double[] origin = info.containsKey("origin") ? numbers(info.get("origin"), 3, "Origin", src) : null;
        if (info.containsKey("pbc")) {
            for (String flag : info.get("pbc").trim().split("\\s+")) {
                if (!flag.equalsIgnoreCase("T") && !flag.equalsIgnoreCase("true")) {
                    throw src.error("pbc", "'" + info.get("pbc") + "': cells must be periodic in all three directions");
                }
            }
        }
        Cell cell;
        try {
            cell = new Cell(new double[][] {{l[0], l[1], l[2]}, {l[3], l[4], l[5]}, {l[6], l[7], l[8]}}, origin);
        } catch (RuntimeException e) {
            throw src.error("Lattice", e.getMessage());
        }

        List<Property> props = properties(info.getOrDefault("properties", "species:S:1:pos:R:3"), src);
        Property pos = find(props, "pos");
        if (pos == null || pos.type != 'R' || pos.width != 3) throw src.error("Properties", "needs pos:R:3");
        Property species = find(props, "species");
        Property mass = find(props, "masses") != null ? find(props, "masses") : find(props, "mass");
        if (mass != null && (mass.type != 'R' || mass.width != 1)) throw src.error("Properties", "masses must be R:1");
        int columns = 0;
        for (Property p : props) columns += p.width;

        Map<String, Integer> typeOf = new LinkedHashMap<>();
        List<Double> massOf = new ArrayList<>();
        // Sized by the lines actually read, not by the header: a 92-byte file may declare 10⁹ atoms.
        int[] types = new int[Math.min(n, 1 << 16)];
        double[] xyz = new double[3 * types.length];
        for (int i = 0; i < n; i++) {
            String line = src.next();
            if (line == null) throw src.error(null, "expected " + n + " atom lines, the file ends after " + i);
            if (i == types.length) {
                types = Arrays.copyOf(types, (int) Math.min(n, 2L * i));
                xyz = Arrays.copyOf(xyz, 3 * types.length);
            }
            String[] f = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
            String atom = "atom " + (i + 1);
            if (f.length != columns) throw src.error(atom, "has " + f.length + " fields, Properties names " + columns);
            String label = species == null ? "1" : f[species.column];
            Integer t = typeOf.get(label);
            double m = mass == null ? Elements.mass(label) : src.number(f[mass.column], atom + ": mass");
            if (t == null) {
                t = typeOf.size() + 1;
                typeOf.put(label, t);
                massOf.add(m);
            } else if (mass != null && m != massOf.get(t - 1)) {
                throw src.error(atom + ": mass", "species " + label + " has mass " + massOf.get(t - 1) + " elsewhere, here " + m);
            }
            types[i] = t;
            for (int d = 0; d < 3; d++) xyz[3 * i + d] = src.number(f[pos.column + d], atom);
            String far = AtomBuffer.outside(cell, xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
            if (far != null) throw src.error(atom, far);
        }
        double[] masses = massOf.isEmpty() ? new double[] {Double.NaN} : massOf.stream().mapToDouble(Double::doubleValue).toArray();
        for (double m : masses) {
            if (!(m > 0) && !Double.isNaN(m)) throw src.error("mass", "masses must be positive, got " + m);
        }
        String[] names = species == null ? new String[masses.length] : typeOf.keySet().toArray(String[]::new);
        double energy = info.containsKey("energy") ? src.number(info.get("energy"), "energy") : Double.NaN;
        src.frameEnd();
        return new Frame(new Structure(cell, xyz, types, masses, names), energy);
    }

    /** The key=value pairs of the comment line, keys lower-cased; values may be quoted "…", '…' or {…}. */
    static Map<String, String> keyValues(String line, TextSource src) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int[] end = new int[1];
            String key = token(line, i, end, src, true);
            i = end[0];
            String value = "T"; // a bare key is a true flag
            if (i < n && line.charAt(i) == '=') {
                value = token(line, i + 1, end, src, false);
                i = end[0];
            }
            out.put(key.toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    private static String token(String line, int i, int[] end, TextSource src, boolean key) {
        int n = line.length();
        if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'' || line.charAt(i) == '{')) {
            char close = line.charAt(i) == '{' ? '}' : line.charAt(i);
            int j = line.indexOf(close, i + 1);
            if (j < 0) throw src.error("comment line", "unclosed " + line.charAt(i) + " at column " + (i + 1));
            end[0] = j + 1;
            return line.substring(i + 1, j);
        }
        int j = i;
        while (j < n && !Character.isWhitespace(line.charAt(j)) && !(key && line.charAt(j) == '=')) j++;
        end[0] = j;
        return line.substring(i, j);
    }

    private static List<Property> properties(String spec, TextSource src) {
        String[] p = spec.trim().split(":");
        if (p.length % 3 != 0) throw src.error("Properties", "'" + spec + "' is not name:type:columns triples");
        List<Property> out = new ArrayList<>();
        int column = 0;
        for (int k = 0; k < p.length; k += 3) {
            if (p[k + 1].length() != 1 || "SRIL".indexOf(p[k + 1].charAt(0)) < 0) {
                throw src.error("Properties", p[k] + ": type '" + p[k + 1] + "' is not one of S, R, I, L");
            }
            int width = src.integer(p[k + 2], "Properties: " + p[k], 1, 1000);
            out.add(new Property(p[k].toLowerCase(Locale.ROOT), p[k + 1].charAt(0), column, width));
            column += width;
        }
        return out;
    }

    private static Property find(List<Property> props, String name) {
        for (Property p : props) if (p.name.equals(name)) return p;
        return null;
    }

    private static double[] numbers(String value, int count, String field, TextSource src) {
        String[] f = value.trim().isEmpty() ? new String[0] : value.trim().split("\\s+");
        if (f.length != count) throw src.error(field, "expected " + count + " numbers, got " + f.length);
        return Arrays.stream(f).mapToDouble(s -> src.number(s, field)).toArray();
    }
}
