package org.scoredos.harmonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;

class DynamicalMatrixReaderTest {
    private static final Structure FCC = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static Hessian exact;
    private static double[] masses;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        exact = new HessianCalculator().compute(TestCrystals.morseCopper(), FCC);
        masses = new double[FCC.size()];
        Arrays.fill(masses, TestCrystals.CU_MASS);
    }

    /** Writes D = Φ/√(m_i m_j)·factor the way LAMMPS does: rows iα, three β of one j per line, %4.8f. */
    private static String lammpsText(Hessian h, double factor) {
        StringBuilder sb = new StringBuilder();
        int n = h.dimension();
        for (int k = 0; k < n; k++) {
            for (int m = 0; m < n; m++) {
                double d = h.get(k, m) / Math.sqrt(masses[k / 3] * masses[m / 3]) * factor;
                sb.append(String.format(Locale.ROOT, "%4.8f", d)).append(m % 3 == 2 ? "\n" : " ");
            }
        }
        return sb.toString();
    }

    private static void assertClose(Hessian read, double tolerance) {
        for (int k = 0; k < exact.dimension(); k++) {
            for (int m = 0; m < exact.dimension(); m++) assertEquals(exact.get(k, m), read.get(k, m), tolerance);
        }
        HarmonicModes a = HarmonicModes.of(exact), b = HarmonicModes.of(read);
        assertEquals(3, b.zeroModes());
        assertEquals(a.omegaBar(), b.omegaBar(), 1e-6 * a.omegaBar());
    }

    @Test
    void regularTextGivesTheForceConstantsBack() throws IOException {
        Path f = dir.resolve("dynmat.dyn");
        Files.writeString(f, lammpsText(exact, 1.0));
        assertEquals(3 * FCC.size() * FCC.size(), Files.readAllLines(f).size());
        // 8 decimals of D in eV/(Å² amu) are 5e-9·m eV/Å² in Φ
        assertClose(DynamicalMatrixReader.read(f, masses, DynamicalMatrixReader.Style.REGULAR), 1e-8 * TestCrystals.CU_MASS);
    }

    @Test
    void eskmAndGzip() throws IOException {
        Path f = dir.resolve("dynmat.dyn.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f)); PrintWriter w = new PrintWriter(out)) {
            w.print(lammpsText(exact, 9648.5));
        }
        assertClose(DynamicalMatrixReader.read(f, masses, DynamicalMatrixReader.Style.ESKM), 1e-10 * TestCrystals.CU_MASS);
    }

    @Test
    void binaryDoubles() throws IOException {
        int n = exact.dimension();
        ByteBuffer b = ByteBuffer.allocate(8 * n * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) for (int m = 0; m < n; m++) b.putDouble(exact.get(k, m) / TestCrystals.CU_MASS);
        Path f = dir.resolve("dynmat.bin");
        Files.write(f, b.array());
        assertClose(DynamicalMatrixReader.read(f, masses, DynamicalMatrixReader.Style.REGULAR), 1e-12);
    }

    @Test
    void aFileOfTheWrongSizeIsRefused() throws IOException {
        Path f = dir.resolve("dynmat.dyn");
        Files.writeString(f, lammpsText(exact, 1.0));
        double[] fewer = Arrays.copyOf(masses, 16);
        BadInputException e = assertThrows(BadInputException.class, () -> DynamicalMatrixReader.read(f, fewer, DynamicalMatrixReader.Style.REGULAR));
        assertTrue(e.getMessage().startsWith(f + ": holds 9216 values, but a dynamical matrix of the 16-atom structure has 9N² = 2304"), e.getMessage());
        Path bin = dir.resolve("short.bin");
        Files.write(bin, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThrows(BadInputException.class, () -> DynamicalMatrixReader.read(bin, masses, DynamicalMatrixReader.Style.REGULAR));
    }

    @Test
    void aBadNumberNamesItsLine() throws IOException {
        Path f = dir.resolve("dynmat.dyn");
        Files.writeString(f, "1.0 2.0 3.0\n4.0 x 6.0\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DynamicalMatrixReader.read(f, new double[] {1}, DynamicalMatrixReader.Style.REGULAR));
        assertEquals(f + ":2: 'x' is not a number", e.getMessage());
    }
}
