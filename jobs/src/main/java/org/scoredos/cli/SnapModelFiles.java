package org.scoredos.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapCoefficients;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;

/** The SNAP files the descriptor and energy commands share. */
final class SnapModelFiles {
    /** From this size on, the commands say on stderr what they are doing (about 0.1 ms per atom). */
    static final int LARGE = 100_000;

    private SnapModelFiles() {}

    /** One progress line on stderr for large structures. */
    static void announce(java.io.PrintWriter err, String command, int natoms, boolean forces) {
        if (natoms < LARGE) return;
        err.printf(java.util.Locale.ROOT, "scoredos %s: %d atoms, about %.0f s%n", command, natoms,
                natoms * (forces ? 1e-4 : 4e-5));
        err.flush();
    }

    static SnapParameters parameters(Path file) throws IOException {
        return SnapParameterReader.read(file);
    }

    static SnapCoefficients coefficients(Path file, SnapParameters params) throws IOException {
        return SnapCoefficientReader.read(file, params);
    }

    /**
     * The bispectrum engine: radii and weights from the coefficient file when one is given,
     * otherwise one element with radius 0.5 and weight 1 (rcut = rcutfac), as DescriptorDOS
     * and the LAMMPS examples use.
     */
    static SnapBispectrum bispectrum(SnapParameters params, SnapCoefficients coefficients) {
        return coefficients == null
                ? SnapBispectrum.singleElement(params, SnapCoefficientReader.PLAIN_RADIUS, SnapCoefficientReader.PLAIN_WEIGHT)
                : SnapBispectrum.of(params, coefficients);
    }
}
