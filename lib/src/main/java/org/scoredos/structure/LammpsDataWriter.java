package org.scoredos.structure;

import org.scoredos.io.OutputFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes a LAMMPS data file in atomic style that {@link LammpsDataReader} and LAMMPS read back.
 * A cell not already in the LAMMPS orientation (a along x, b in the xy plane) is rotated into
 * it, keeping every atom's fractional coordinates; numbers are written in full precision so the
 * round trip is exact. The Masses section is written only when every type's mass is known.
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() {}

    /** Writes atomically: a temporary file next to {@code path} is moved over it when complete. */
    public static void write(Structure s, Path path, String title) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        write(s, text, title);
        OutputFiles.writeString(path, text.toString());
    }

    public static void write(Structure s, Writer w, String title) throws IOException {
        Cell cell = LammpsCells.lammpsOriented(s.cell());
        double[] o = cell.origin();
        StringBuilder sb = new StringBuilder();
        sb.append(title == null || title.isBlank() ? "LAMMPS data file written by ScoreDOS" : title.replace('\n', ' ')).append("\n\n");
        sb.append(s.size()).append(" atoms\n");
        sb.append(s.typeCount()).append(" atom types\n\n");
        sb.append(o[0]).append(' ').append(o[0] + cell.h(0, 0)).append(" xlo xhi\n");
        sb.append(o[1]).append(' ').append(o[1] + cell.h(1, 1)).append(" ylo yhi\n");
        sb.append(o[2]).append(' ').append(o[2] + cell.h(2, 2)).append(" zlo zhi\n");
        if (cell.h(1, 0) != 0 || cell.h(2, 0) != 0 || cell.h(2, 1) != 0) {
            sb.append(cell.h(1, 0)).append(' ').append(cell.h(2, 0)).append(' ').append(cell.h(2, 1)).append(" xy xz yz\n");
        }
        boolean massesKnown = true;
        for (double m : s.massByType()) massesKnown &= Double.isFinite(m) && m > 0;
        if (massesKnown) {
            sb.append("\nMasses\n\n");
            for (int t = 1; t <= s.typeCount(); t++) sb.append(t).append(' ').append(s.massOfType(t)).append('\n');
        }
        sb.append("\nAtoms # atomic\n\n");
        w.write(sb.toString());
        double[] p = LammpsCells.positionsIn(s, cell);
        for (int i = 0; i < s.size(); i++) {
            w.write((i + 1) + " " + s.type(i) + " " + p[3 * i] + " " + p[3 * i + 1] + " " + p[3 * i + 2] + "\n");
        }
        w.flush();
    }
}
