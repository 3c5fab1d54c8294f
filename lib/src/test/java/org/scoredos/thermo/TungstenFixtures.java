package org.scoredos.thermo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;

/** The LAMMPS tungsten SNAP example and bcc W cells of its lattice constant (the tests' and the measured runs' one copy). */
public final class TungstenFixtures {
    private TungstenFixtures() {}

    /** Lattice constant of the bundled W-bcc.dat, Å. */
    public static final double A = 12.742537224023346 / 4;
    public static final double MASS = 183.84;

    public static LinearSnapPotential snap() throws IOException {
        SnapParameters p = SnapParameterReader.parse("D.snapparam", lines("/w-snap/D.snapparam"));
        return LinearSnapPotential.of(p, SnapCoefficientReader.parse("X_W.snapcoeff", lines("/w-snap/X_W.snapcoeff"), p));
    }

    /** n×n×n conventional bcc cells (2n³ atoms) with the W mass. */
    public static Structure bcc(int n) {
        return Lattices.bcc(A, n, n, n).withMassByType(new double[] {MASS});
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = TungstenFixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
