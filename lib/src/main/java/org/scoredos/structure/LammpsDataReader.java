package org.scoredos.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.scoredos.io.BadInputException;

/**
 * Reads a LAMMPS data file in atomic style: the header (atoms, atom types, xlo xhi, ylo yhi,
 * zlo zhi, optional xy xz yz), an optional {@code Masses} section (types it leaves out get
 * NaN), and {@code Atoms} lines {@code id type x y z [ix iy iz]} in any id order (the atoms are
 * returned sorted by id). Image flags are accepted and ignored: under periodic boundaries the
 * wrapped position is the same atom. {@code Velocities} and {@code Pair Coeffs} are skipped;
 * bonds, angles and other molecular data are refused.
 */
public final class LammpsDataReader {
    /** Header keywords, longest first so that "atom types" wins over "types"; molecular ones must be 0. */
    private static final List<String> HEADER_KEYWORDS = List.of(
            "xy xz yz", "xlo xhi", "ylo yhi", "zlo zhi",
            "atom types", "bond types", "angle types", "dihedral types", "improper types",
            "atoms", "bonds", "angles", "dihedrals", "impropers", "ellipsoids", "lines", "triangles", "bodies");

    private static final int MAX_TYPES = 100_000;

    private final TextSource src;
    private long atoms = -1;
    private int types = -1;
    private final double[] lo = new double[3];
    private final double[] hi = new double[3];
    private final boolean[] haveBounds = new boolean[3];
    private double xy, xz, yz;
    private double[] masses;
    private AtomBuffer atomBuffer;

    private LammpsDataReader(TextSource src) {
        this.src = src;
    }

    public static Structure read(Path path) throws IOException {
        try (BufferedReader in = TextSource.open(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads from {@code in}; {@code file} names the source in error messages. */
    public static Structure read(Reader in, String file) throws IOException {
        return new LammpsDataReader(new TextSource(in, file)).parse();
    }

    private Structure parse() throws IOException {
        if (src.next() == null) throw src.error(null, "empty file (a LAMMPS data file starts with a title line)");
        String section = header();
        while (section != null) {
            section = section(section);
        }
        checkHeader();
        if (atomBuffer == null) throw src.error(null, "no Atoms section");
        return build();
    }

    /** Reads header lines; returns the first section keyword line (or null at the end of the file). */
    private String header() throws IOException {
        String line;
        while ((line = src.next()) != null) {
            String[] f = TextSource.fields(line);
            if (f.length == 0) continue;
            String key = headerKeyword(f);
            if (key == null) {
                if (startsNumeric(f[0])) throw src.error(null, "unknown header line '" + line.trim() + "'");
                return line;
            }
            String[] v = Arrays.copyOf(f, f.length - key.split(" ").length);
            switch (key) {
                case "atoms" -> {
                    atoms = count(v, key);
                    if (atoms > Integer.MAX_VALUE / 3) throw src.error(key, atoms + " atoms is too many");
                }
                case "atom types" -> {
                    long t = count(v, key);
                    if (t > MAX_TYPES) throw src.error(key, t + " types is more than " + MAX_TYPES);
                    types = (int) t;
                }
                case "xlo xhi" -> bounds(v, 0, key);
                case "ylo yhi" -> bounds(v, 1, key);
                case "zlo zhi" -> bounds(v, 2, key);
                case "xy xz yz" -> {
                    values(v, 3, key);
                    xy = src.number(v[0], "xy");
                    xz = src.number(v[1], "xz");
                    yz = src.number(v[2], "yz");
                }
                default -> {
                    if (count(v, key) != 0) throw src.error(key, "only atomic-style data files are read (no bonds, angles, ...)");
                }
            }
        }
        return null;
    }

    /** Reads one section; returns the next section keyword line (or null at the end of the file). */
    private String section(String keywordLine) throws IOException {
        String name = String.join(" ", TextSource.fields(keywordLine));
        checkHeader();
        int headerLine = src.line();
        long expected = switch (name) {
            case "Masses", "Pair Coeffs" -> types;
            case "Atoms", "Velocities" -> atoms;
            case "PairIJ Coeffs" -> (long) types * (types + 1) / 2;
            default -> throw src.error(null, "unknown or unsupported section '" + keywordLine.trim() + "'"
                    + " (an atomic-style data file has Masses and Atoms)");
        };
        switch (name) {
            case "Masses" -> masses(headerLine);
            case "Atoms" -> atomsSection(keywordLine, headerLine);
            default -> {
                for (long k = 0; k < expected; k++) dataLine(name, expected, k, headerLine);
            }
        }
        String line;
        while ((line = src.next()) != null) {
            String[] g = TextSource.fields(line);
            if (g.length == 0) continue;
            if (startsNumeric(g[0])) {
                throw src.error(name, "more than the " + expected + " lines the header announces");
            }
            return line;
        }
        return null;
    }

    private void checkHeader() {
        if (atoms < 0) throw src.error(null, "the header has no 'atoms' line");
        if (types < 1) throw src.error(null, "the header has no 'atom types' line (at least 1 type)");
        String[] names = {"xlo xhi", "ylo yhi", "zlo zhi"};
        for (int d = 0; d < 3; d++) {
            if (!haveBounds[d]) throw src.error(null, "the header has no '" + names[d] + "' line");
        }
    }

    private void masses(int headerLine) throws IOException {
        masses = new double[types];
        Arrays.fill(masses, Double.NaN);
        for (int k = 0; k < types; k++) {
            String[] f = dataLine("Masses", types, k, headerLine);
            if (f.length < 2) throw src.error("Masses", "a mass line is 'type mass'");
            int t = src.integer(f[0], "Masses: type", 1, types);
            double m = src.number(f[1], "Masses: type " + t);
            if (!(m > 0)) throw src.error("Masses: type " + t, "mass must be positive, got " + f[1]);
            if (!Double.isNaN(masses[t - 1])) throw src.error("Masses: type " + t, "given twice");
            masses[t - 1] = m;
        }
    }

    private void atomsSection(String keywordLine, int headerLine) throws IOException {
        int hash = keywordLine.indexOf('#');
        if (hash >= 0) {
            String style = keywordLine.substring(hash + 1).trim();
            if (!style.isEmpty() && !style.equals("atomic")) {
                throw src.error("Atoms", "atom style '" + style + "' is not supported (only atomic)");
            }
        }
        atomBuffer = new AtomBuffer(atoms);
        double[] x = new double[3];
        for (long k = 0; k < atoms; k++) {
            String[] f = dataLine("Atoms", atoms, k, headerLine);
            if (f.length != 5 && f.length != 8) {
                throw src.error("Atoms", "an atomic-style atom line is 'id type x y z' with optional image flags 'ix iy iz', got "
                        + f.length + " fields");
            }
            long id = src.integer(f[0], "Atoms: id");
            if (id < 1) throw src.error("Atoms", "atom id must be ≥ 1, got " + id);
            String atom = "atom " + id;
            int type = src.integer(f[1], atom + ": type", 1, types);
            for (int d = 0; d < 3; d++) x[d] = src.number(f[2 + d], atom);
            for (int d = 5; d < f.length; d++) src.integer(f[d], atom + ": image flag");
            atomBuffer.add(id, type, x[0], x[1], x[2], src.line());
        }
    }

    /** The fields of the k-th of {@code expected} data lines of a section, skipping blanks. */
    private String[] dataLine(String section, long expected, long k, int headerLine) throws IOException {
        String line;
        while ((line = src.next()) != null) {
            String[] f = TextSource.fields(line);
            if (f.length == 0) continue;
            if (!startsNumeric(f[0])) {
                throw src.error(section, "expected " + expected + " lines after line " + headerLine + ", found " + k
                        + " before '" + line.trim() + "'");
            }
            return f;
        }
        throw src.error(section, "expected " + expected + " lines after line " + headerLine + ", the file ends after " + k);
    }

    private Structure build() {
        double[] m = masses;
        if (m == null) {
            m = new double[types];
            Arrays.fill(m, Double.NaN);
        }
        double[][] h = {{hi[0] - lo[0], 0, 0}, {xy, hi[1] - lo[1], 0}, {xz, yz, hi[2] - lo[2]}};
        Cell cell;
        try {
            cell = new Cell(h, lo.clone());
        } catch (BadInputException e) {
            throw BadInputException.at(src.file(), 0, "box", e.getMessage());
        }
        return atomBuffer.toStructure(cell, m, src.file());
    }

    private void bounds(String[] f, int d, String key) {
        values(f, 2, key);
        lo[d] = src.number(f[0], key);
        hi[d] = src.number(f[1], key);
        if (!(hi[d] > lo[d])) {
            throw src.error(key, "box length must be positive, got " + f[0] + " to " + f[1]);
        }
        String imprecise = TextSource.imprecise(lo[d], hi[d]);
        if (imprecise != null) throw src.error(key, imprecise);
        haveBounds[d] = true;
    }

    private void values(String[] v, int n, String key) {
        if (v.length != n) throw src.error(key, "expected " + n + " value" + (n > 1 ? "s" : "") + " before '" + key + "', got " + v.length);
    }

    private long count(String[] v, String key) {
        values(v, 1, key);
        long c = src.integer(v[0], key);
        if (c < 0) throw src.error(key, "must not be negative, got " + c);
        return c;
    }

    /** The header keyword a line ends with, or null when it is not a header line. */
    private static String headerKeyword(String[] f) {
        for (String key : HEADER_KEYWORDS) {
            String[] k = key.split(" ");
            if (f.length <= k.length) continue;
            boolean match = true;
            for (int i = 0; i < k.length && match; i++) match = f[f.length - k.length + i].equalsIgnoreCase(k[i]);
            if (match) return key;
        }
        return null;
    }

    private static boolean startsNumeric(String token) {
        char c = token.charAt(0);
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }
}
