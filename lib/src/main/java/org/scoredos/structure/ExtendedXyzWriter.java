package org.scoredos.structure;

import org.scoredos.io.OutputFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes one extended XYZ frame that {@link ExtendedXyzReader} (and ASE) read back:
 * {@code Lattice}, {@code Properties=species:S:1:pos:R:3[:masses:R:1]}, {@code pbc="T T T"},
 * in full precision. Species are the given labels, else the element whose standard weight is
 * the type's mass, else "X" + type; the masses column is written when every mass is known.
 * Readers number types by first appearance, so types keep their numbers when type t's first
 * atom precedes type t+1's.
 */
public final class ExtendedXyzWriter {
    private ExtendedXyzWriter() {}

    /** Writes atomically: a temporary file next to {@code path} is moved over it when complete. */
    public static void write(Structure s, Path path, String[] speciesByType) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        write(s, text, speciesByType);
        OutputFiles.writeString(path, text.toString());
    }

    /** {@code speciesByType} (index t-1) may be null to name species from their masses. */
    public static void write(Structure s, Writer w, String[] speciesByType) throws IOException {
        write(s, w, speciesByType, Double.NaN);
    }

    /** As above, with the frame's potential energy (eV, whole cell) as {@code energy=} on the comment line; NaN: none. */
    public static void write(Structure s, Writer w, String[] speciesByType, double energy) throws IOException {
        Cell c = s.cell();
        boolean massesKnown = true;
        for (double m : s.massByType()) massesKnown &= Double.isFinite(m) && m > 0;
        String[] label = new String[s.typeCount()];
        for (int t = 1; t <= label.length; t++) {
            String given = speciesByType != null && t <= speciesByType.length ? speciesByType[t - 1] : null;
            String element = Elements.symbolOf(s.massOfType(t));
            label[t - 1] = given != null ? given : element != null ? element : "X" + t;
            // Two types with one element's mass stay apart (their masses column tells the mass).
            for (int u = 1; u < t && given == null; u++) if (label[u - 1].equals(label[t - 1])) label[t - 1] += t;
            if (label[t - 1].isEmpty() || label[t - 1].chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("species label of type " + t + " must be one word, got '" + label[t - 1] + "'");
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(s.size()).append('\n');
        sb.append("Lattice=\"");
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) sb.append(i + j > 0 ? " " : "").append(c.h(i, j));
        sb.append("\" Properties=species:S:1:pos:R:3").append(massesKnown ? ":masses:R:1" : "");
        double[] o = c.origin();
        if (o[0] != 0 || o[1] != 0 || o[2] != 0) sb.append(" Origin=\"").append(o[0]).append(' ').append(o[1]).append(' ').append(o[2]).append('"');
        if (Double.isFinite(energy)) sb.append(" energy=").append(energy);
        sb.append(" pbc=\"T T T\"\n");
        w.write(sb.toString());
        for (int i = 0; i < s.size(); i++) {
            w.write(label[s.type(i) - 1] + " " + s.x(i) + " " + s.y(i) + " " + s.z(i)
                    + (massesKnown ? " " + s.mass(i) : "") + "\n");
        }
        w.flush();
    }
}
