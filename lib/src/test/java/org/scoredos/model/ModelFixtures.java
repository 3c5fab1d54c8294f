package org.scoredos.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

/** The published models of the LAMMPS potential library and crystals to evaluate them on. */
final class ModelFixtures {
    /** Where Debian's lammps-data installs the potential library (.ci/run installs it). */
    static final Path POTENTIALS = Path.of("/usr/share/lammps/potentials");

    private ModelFixtures() {}

    static ModelDescription published(String name) throws IOException {
        return LammpsModelFile.read(POTENTIALS.resolve(name + ".snap"), null);
    }

    /** A cell sheared and stretched by F (rows: Cartesian components of F·v), positions mapped with it. */
    static Structure deformed(Structure s, double[][] f) {
        double[][] h = new double[3][];
        for (int i = 0; i < 3; i++) h[i] = apply(f, s.cell().vector(i));
        double[] p = s.positions();
        for (int i = 0; i < s.size(); i++) {
            double[] x = apply(f, new double[] {p[3 * i], p[3 * i + 1], p[3 * i + 2]});
            System.arraycopy(x, 0, p, 3 * i, 3);
        }
        return s.withCellAndPositions(new Cell(h, s.cell().origin()), p);
    }

    static double[] apply(double[][] f, double[] v) {
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) out[a] += f[a][b] * v[b];
        return out;
    }

    /**
     * A bcc (or fcc) crystal of lattice constant a, sheared (xy, xz, yz tilts of a few per cent),
     * rattled by up to {@code rattle} Å, with types alternating over {@code types} species.
     */
    static Structure crystal(boolean fcc, double a, int cells, double rattle, int types, long seed) {
        Structure s = fcc ? Lattices.fcc(a, cells, cells, cells) : Lattices.bcc(a, cells, cells, cells);
        s = deformed(s, new double[][] {{1.01, 0.03, -0.02}, {0, 0.99, 0.025}, {0, 0, 1.005}});
        Random rng = new Random(seed);
        double[] p = s.positions();
        for (int k = 0; k < p.length; k++) p[k] += rattle * (2 * rng.nextDouble() - 1);
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) t[i] = 1 + i % types;
        double[] masses = new double[types];
        java.util.Arrays.fill(masses, 50.0);
        return new Structure(s.cell(), p, t, masses);
    }
}
