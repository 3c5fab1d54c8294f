package org.scoredos.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/** Test fixtures: the bundled orthogonal LAMMPS data files (atomic style) and small lattices. */
public final class TestStructures {
    private TestStructures() {}

    /** Reads an orthogonal "Atoms # atomic" data file from the test resources. */
    public static Structure resource(String name) throws IOException {
        try (InputStream in = TestStructures.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("no resource " + name);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            double[] lo = new double[3], hi = new double[3];
            List<double[]> atoms = new ArrayList<>();
            boolean inAtoms = false;
            for (String raw : lines) {
                String line = raw.trim();
                String[] w = line.split("\\s+");
                if (line.endsWith("xlo xhi")) setBounds(w, 0, lo, hi);
                else if (line.endsWith("ylo yhi")) setBounds(w, 1, lo, hi);
                else if (line.endsWith("zlo zhi")) setBounds(w, 2, lo, hi);
                else if (line.startsWith("Atoms")) inAtoms = true;
                else if (inAtoms && w.length == 5) {
                    atoms.add(new double[] {Double.parseDouble(w[1]), Double.parseDouble(w[2]),
                        Double.parseDouble(w[3]), Double.parseDouble(w[4])});
                } else if (inAtoms && !line.isEmpty()) inAtoms = false;
            }
            int n = atoms.size();
            double[] pos = new double[3 * n];
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                types[i] = (int) atoms.get(i)[0];
                for (int d = 0; d < 3; d++) pos[3 * i + d] = atoms.get(i)[d + 1];
            }
            Cell cell = new Cell(new double[][] {{hi[0] - lo[0], 0, 0}, {0, hi[1] - lo[1], 0}, {0, 0, hi[2] - lo[2]}}, lo);
            return new Structure(cell, pos, types, new double[] {183.84});
        }
    }

    private static void setBounds(String[] w, int d, double[] lo, double[] hi) {
        lo[d] = Double.parseDouble(w[0]);
        hi[d] = Double.parseDouble(w[1]);
    }

    /** A copy with every coordinate moved by a uniform random amount in [−amplitude, amplitude]. */
    public static Structure rattled(Structure s, double amplitude, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[] p = s.positions();
        for (int k = 0; k < p.length; k++) p[k] += amplitude * (2 * rng.nextDouble() - 1);
        return s.withPositions(p);
    }
}
