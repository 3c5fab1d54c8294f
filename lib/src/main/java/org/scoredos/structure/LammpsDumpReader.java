package org.scoredos.structure;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.scoredos.io.BadInputException;

/**
 * Streams the frames of a LAMMPS text dump ({@code dump atom} or {@code dump custom}) one at a
 * time, so a long trajectory never sits in memory. Each frame needs the atom positions as
 * {@code x y z}, {@code xu yu zu}, {@code xs ys zs} or {@code xsu ysu zsu}; {@code id} (atoms
 * sorted by it) and {@code type} (else every atom is type 1) are optional, other columns are
 * ignored, except a per-atom potential energy column {@code c_pe} or {@code v_pe} (eV, e.g.
 * {@code compute pe all pe/atom}), whose sum over the atoms is the frame's energy. Boxes are orthogonal or triclinic ({@code ITEM: BOX BOUNDS xy xz yz pp pp pp} with
 * the bounding-box values LAMMPS writes) and must be periodic. Masses are unknown (NaN).
 * I/O failures while iterating surface as {@link UncheckedIOException}.
 */
public final class LammpsDumpReader implements Iterator<LammpsDumpReader.Frame>, Closeable {
    /** Coordinate column triples, in order of preference. */
    private static final List<String[]> COORDINATES = List.of(
            new String[] {"x", "y", "z"}, new String[] {"xu", "yu", "zu"},
            new String[] {"xs", "ys", "zs"}, new String[] {"xsu", "ysu", "zsu"});

    /** Per-atom potential energy columns, in order of preference: their sum is the frame's energy. */
    private static final List<String> ENERGY = List.of("c_pe", "v_pe");

    /**
     * One frame: the timestep, the atoms in their cell and their total potential energy (eV,
     * NaN when the dump has no energy column).
     */
    public record Frame(long timestep, Structure structure, double energy) {}

    /** Types are numbered densely from 1; a larger number is a corrupt column, not a real type. */
    private static final int MAX_TYPES = 100_000;

    private final TextSource src;

    private LammpsDumpReader(TextSource src) {
        this.src = src;
    }

    public static LammpsDumpReader open(Path path) throws IOException {
        return new LammpsDumpReader(new TextSource(TextSource.open(path), path.toString()));
    }

    /** A reader over {@code in}; {@code file} names the source in error messages. */
    public static LammpsDumpReader open(Reader in, String file) {
        return new LammpsDumpReader(new TextSource(in, file));
    }

    /** A reader over the lines of a streamed trajectory, its frames bounded by the source. */
    static LammpsDumpReader open(TextSource src) {
        return new LammpsDumpReader(src);
    }

    /** The first frame of a dump file. */
    public static Structure readFirst(Path path) throws IOException {
        try (LammpsDumpReader r = open(path)) {
            if (!r.hasNext()) throw r.src.error(null, "empty dump file (no ITEM: TIMESTEP)");
            return r.next().structure();
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return src.skipBlankLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames in " + src.file());
        try {
            return frame();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of the line last read (1-based; 0 before the first). */
    int line() {
        return src.line();
    }

    @Override
    public void close() throws IOException {
        src.close();
    }

    private Frame frame() throws IOException {
        String item = item();
        // Newer LAMMPS writes optional UNITS and TIME items before the timestep.
        while (item.equals("UNITS") || item.equals("TIME")) {
            value(item);
            item = item();
        }
        expect(item, "TIMESTEP");
        long timestep = src.integer(value("TIMESTEP")[0], "TIMESTEP");
        String frame = "timestep " + timestep;
        expect(item(), "NUMBER OF ATOMS");
        long count = src.integer(value(frame + ": NUMBER OF ATOMS")[0], frame + ": NUMBER OF ATOMS");
        if (count < 0 || count > Integer.MAX_VALUE / 3) throw src.error(frame, "impossible number of atoms " + count);
        src.announce(count, frame + ": NUMBER OF ATOMS");
        int n = (int) count;
        Cell cell = box(frame);
        Columns columns = columns(frame);
        AtomBuffer atoms = new AtomBuffer(n);
        double[] s = new double[3];
        double energy = columns.energy < 0 ? Double.NaN : 0;
        for (int i = 0; i < n; i++) {
            String line = src.next();
            if (line == null) throw src.error(frame, "expected " + n + " atom lines, the file ends after " + i);
            String[] f = TextSource.fields(line);
            if (f.length > 0 && f[0].equals("ITEM:")) throw src.error(frame, "expected " + n + " atom lines, found " + i + " before '" + line.trim() + "'");
            if (f.length != columns.count) throw src.error(frame, "atom line has " + f.length + " fields, the ATOMS line names " + columns.count);
            long id = columns.id < 0 ? i + 1 : src.integer(f[columns.id], frame + ": id");
            String atom = frame + ": atom " + id;
            int type = columns.type < 0 ? 1 : src.integer(f[columns.type], atom + ": type", 1, MAX_TYPES);
            for (int d = 0; d < 3; d++) s[d] = src.number(f[columns.xyz[d]], atom);
            if (columns.scaled) {
                cell.toCartesian(s[0], s[1], s[2], s);
                if (!Double.isFinite(s[0] + s[1] + s[2])) throw src.error(atom, "scaled coordinates give a position that is not finite");
            }
            atoms.add(id, type, s[0], s[1], s[2], src.line());
            if (columns.energy >= 0) energy += src.number(f[columns.energy], atom + ": " + ENERGY.get(columns.energyName));
        }
        src.frameEnd();
        double[] masses = new double[atoms.maxType()];
        Arrays.fill(masses, Double.NaN);
        return new Frame(timestep, atoms.toStructure(cell, masses, src.file()), energy);
    }

    /** Reads the BOX BOUNDS item; triclinic bounds are the bounding box, converted per the LAMMPS docs. */
    private Cell box(String frame) throws IOException {
        String item = item();
        if (!item.startsWith("BOX BOUNDS")) throw src.error(frame, "expected 'ITEM: BOX BOUNDS', got 'ITEM: " + item + "'");
        String[] flags = item.substring("BOX BOUNDS".length()).trim().split("\\s+");
        boolean triclinic = flags.length >= 3 && flags[0].equals("xy") && flags[1].equals("xz") && flags[2].equals("yz");
        if (flags.length > 0 && flags[0].equals("abc")) {
            throw src.error(frame, "general triclinic boxes (BOX BOUNDS abc origin) are not supported");
        }
        for (int k = triclinic ? 3 : 0; k < flags.length; k++) {
            if (!flags[k].isEmpty() && !flags[k].equals("pp")) {
                throw src.error(frame + ": BOX BOUNDS", "boundary '" + flags[k] + "' is not periodic (pp)");
            }
        }
        double[] lo = new double[3], hi = new double[3], tilt = new double[3];
        int[] lines = new int[3];
        String[] names = {"x", "y", "z"};
        for (int d = 0; d < 3; d++) {
            String[] f = value(frame + ": BOX BOUNDS");
            lines[d] = src.line();
            if (f.length != (triclinic ? 3 : 2)) {
                throw src.error(frame + ": BOX BOUNDS", "expected " + (triclinic ? "'lo hi tilt'" : "'lo hi'") + ", got " + f.length + " values");
            }
            lo[d] = src.number(f[0], frame + ": " + names[d] + "lo");
            hi[d] = src.number(f[1], frame + ": " + names[d] + "hi");
            if (triclinic) tilt[d] = src.number(f[2], frame + ": " + new String[] {"xy", "xz", "yz"}[d]);
        }
        double xy = tilt[0], xz = tilt[1], yz = tilt[2];
        if (triclinic) {
            lo[0] -= Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
            hi[0] -= Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
            lo[1] -= Math.min(0, yz);
            hi[1] -= Math.max(0, yz);
        }
        for (int d = 0; d < 3; d++) {
            if (!(hi[d] > lo[d])) {
                throw BadInputException.at(src.file(), lines[d], frame + ": BOX BOUNDS",
                        "box length along " + names[d] + " must be positive, got " + (hi[d] - lo[d]));
            }
            String imprecise = TextSource.imprecise(lo[d], hi[d]);
            if (imprecise != null) throw BadInputException.at(src.file(), lines[d], frame + ": BOX BOUNDS", imprecise);
        }
        double[][] h = {{hi[0] - lo[0], 0, 0}, {xy, hi[1] - lo[1], 0}, {xz, yz, hi[2] - lo[2]}};
        try {
            return new Cell(h, lo);
        } catch (BadInputException e) {
            throw BadInputException.at(src.file(), lines[0], frame + ": BOX BOUNDS", e.getMessage());
        }
    }

    /** Where the id, type, coordinate and energy (−1: none; which of {@link #ENERGY}) columns sit in the atom lines. */
    private record Columns(int count, int id, int type, int[] xyz, boolean scaled, int energy, int energyName) {}

    private Columns columns(String frame) throws IOException {
        String item = item();
        if (!item.startsWith("ATOMS")) throw src.error(frame, "expected 'ITEM: ATOMS ...', got 'ITEM: " + item + "'");
        List<String> names = Arrays.asList(item.substring("ATOMS".length()).trim().split("\\s+"));
        for (String[] triple : COORDINATES) {
            int[] at = {names.indexOf(triple[0]), names.indexOf(triple[1]), names.indexOf(triple[2])};
            if (at[0] >= 0 && at[1] >= 0 && at[2] >= 0) {
                int energyName = 0;
                while (energyName < ENERGY.size() && !names.contains(ENERGY.get(energyName))) energyName++;
                int energy = energyName < ENERGY.size() ? names.indexOf(ENERGY.get(energyName)) : -1;
                return new Columns(names.size(), names.indexOf("id"), names.indexOf("type"), at, triple[0].startsWith("xs"), energy,
                        energyName);
            }
        }
        throw src.error(frame + ": ATOMS", "no coordinate columns (x y z, xu yu zu, xs ys zs or xsu ysu zsu)");
    }

    /** The next "ITEM: NAME" line's NAME. */
    private String item() throws IOException {
        String line;
        do {
            line = src.next();
            if (line == null) throw src.error(null, "the file ends in the middle of a frame");
        } while (line.isBlank());
        String t = line.trim();
        if (!t.startsWith("ITEM:")) throw src.error(null, "expected an 'ITEM:' line, got '" + t + "'");
        return t.substring("ITEM:".length()).trim();
    }

    private void expect(String item, String name) {
        if (!item.equals(name)) throw src.error(null, "expected 'ITEM: " + name + "', got 'ITEM: " + item + "'");
    }

    /** The fields of the value line that follows an item. */
    private String[] value(String item) throws IOException {
        String line = src.next();
        if (line == null) throw src.error(item, "the file ends in the middle of a frame");
        String[] f = TextSource.fields(line);
        if (f.length == 0) throw src.error(item, "missing value");
        return f;
    }
}
