package org.scoredos.harmonic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scoredos.io.BoundedLineReader;
import org.scoredos.io.InputFiles;
import org.scoredos.io.BadInputException;

/**
 * Imports the output of the LAMMPS {@code dynamical_matrix} command (PHONON package) as a
 * {@link Hessian}.
 *
 * <p><b>Layout.</b> LAMMPS writes D_{iα,jβ} = Φ_{iα,jβ}/√(m_i m_j), Φ the force-constant
 * (Hessian) matrix: for each atom i of the group (increasing id), for each α = x, y, z, one
 * row of 3N values printed three per line (the three β of one atom j, j increasing), so 3N²
 * lines of 3 numbers, 9N² values in all. The text file has 8 decimals ({@code %4.8f}); with
 * {@code binary yes} it is the same 9N² values as raw native-order (here little-endian)
 * doubles; {@code binary gzip} writes the text form gzipped ({@code .gz}).
 *
 * <p><b>Units and the mass factor.</b> Style {@code regular} applies no conversion: in metal
 * units D is in eV/(Å²·amu), so Φ = D·√(m_i m_j) eV/Å². Style {@code eskm} multiplies D by
 * 9648.5 (LAMMPS's rounded eV → 10 J/mol), which makes D ps⁻² (angular frequencies² in
 * rad²/ps²); then Φ = D·√(m_i m_j)/9648.5. The masses must be the ones LAMMPS used. Only
 * whole-system matrices (the group {@code all}) can be imported: a file of any other size is
 * refused. The 8-decimal text loses ~1e-8·m eV/Å² per entry, so the imported matrix is
 * symmetrised and its acoustic sum rule re-imposed like any other.
 */
public final class DynamicalMatrixReader {
    /** The {@code dynamical_matrix} style the file was written with. */
    public enum Style {
        /** No conversion: eV/(Å²·amu) in metal units. */
        REGULAR(1.0),
        /** LAMMPS's factor 9648.5 applied: ps⁻² in metal units. */
        ESKM(9648.5);

        private final double factor;

        Style(double factor) {
            this.factor = factor;
        }

        /** What LAMMPS multiplied D by (metal units). */
        public double factor() {
            return factor;
        }
    }

    private DynamicalMatrixReader() {}

    /**
     * Reads {@code file} for atoms of the given masses (amu, in LAMMPS atom-id order): gzip
     * when the name ends in {@code .gz}, raw doubles when the file is not text, text otherwise.
     */
    public static Hessian read(Path file, double[] atomMasses, Style style) throws IOException {
        int n = atomMasses.length;
        for (double m : atomMasses) {
            if (!(m > 0) || !Double.isFinite(m)) throw new BadInputException("atomic masses must be positive to import a dynamical matrix, got " + m);
        }
        long expected = 9L * n * n;
        if (expected > Integer.MAX_VALUE) throw BadInputException.at(file.toString(), 0, null, "too many atoms (" + n + ") for one matrix");
        double[] d;
        if (file.getFileName().toString().endsWith(".gz")) {
            // at most ~40 characters per value: a bigger stream is not this matrix (and may be a gzip bomb)
            try (InputStream in = InputFiles.decompressed(file, 40 * expected + (1L << 20))) {
                d = readText(file, in, (int) expected, n);
            }
        } else if (isText(file)) {
            try (InputStream in = InputFiles.open(file)) {
                d = readText(file, in, (int) expected, n);
            }
        } else {
            d = readBinary(file, (int) expected, n);
        }
        int dim = 3 * n;
        for (int k = 0; k < dim; k++) {
            for (int m = 0; m < dim; m++) {
                double raw = d[k * dim + m];
                d[k * dim + m] *= Math.sqrt(atomMasses[k / 3] * atomMasses[m / 3]) / style.factor;
                // Binary files can hold NaN, and a huge text value can overflow once mass-weighted.
                if (!Double.isFinite(d[k * dim + m])) {
                    throw BadInputException.at(file.toString(), 0, "row " + (k + 1) + ", column " + (m + 1),
                            raw + " is not a usable matrix entry (not finite once multiplied by the masses)");
                }
            }
        }
        return Hessian.fromRaw(n, d);
    }

    private static boolean isText(Path file) throws IOException {
        byte[] head = new byte[512];
        int len;
        try (InputStream in = InputFiles.open(file)) {
            len = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < len; i++) {
            int b = head[i] & 0xff;
            if (b >= 0x7f || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) return false;
        }
        return true;
    }

    private static double[] readText(Path file, InputStream in, int expected, int atoms) throws IOException {
        double[] d = new double[expected];
        int count = 0;
        int lineNo = 0;
        BufferedReader r = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.US_ASCII), file.toString());
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty()) continue;
            for (String tok : t.split("\\s+")) {
                double v;
                try {
                    v = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw BadInputException.at(file.toString(), lineNo, null, "'" + tok + "' is not a number");
                }
                if (!Double.isFinite(v)) throw BadInputException.at(file.toString(), lineNo, null, "'" + tok + "' is not a finite number");
                if (count < expected) d[count] = v;
                count++;
            }
        }
        if (count != expected) throw wrongSize(file, count, expected, atoms);
        return d;
    }

    private static double[] readBinary(Path file, int expected, int atoms) throws IOException {
        long size = Files.size(file);
        if (size % 8 != 0 || size / 8 != expected) {
            throw BadInputException.at(file.toString(), 0, null, "binary file of " + size + " bytes is neither text nor "
                    + expected + " doubles (9N² for N = " + atoms + " atoms)");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[expected];
        buf.asDoubleBuffer().get(d);
        return d;
    }

    private static BadInputException wrongSize(Path file, long count, long expected, int atoms) {
        return BadInputException.at(file.toString(), 0, null, "holds " + count + " values, but a dynamical matrix of the "
                + atoms + "-atom structure has 9N² = " + expected + " (a group other than all, or another structure?)");
    }
}
