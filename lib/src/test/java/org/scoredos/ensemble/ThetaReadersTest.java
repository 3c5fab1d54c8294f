package org.scoredos.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.io.BadInputException;
import org.scoredos.store.ParquetMatrix;
import org.scoredos.store.ParquetTable;

/** The matrix formats an ensemble's members come in: NumPy, CSV, Parquet; and the checks every row passes. */
class ThetaReadersTest {
    @TempDir
    Path dir;

    private static final double[][] M = {{1.5, -2.25, 3e-7}, {0.1, 0.2, 0.3}};

    /** A .npy file as NumPy writes it: magic, version, little-endian header length, dict padded to 64 bytes, data. */
    private Path npy(String name, String descr, boolean fortran, String shape, double[] flat, int major) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pre = 6 + 2 + (major == 1 ? 2 : 4);
        int pad = 64 - (pre + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        int item = descr.endsWith("8") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(pre + header.length() + flat.length * item);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) b.putShort((short) header.length());
        else b.putInt(header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : flat) {
            if (item == 8) b.putDouble(v);
            else b.putFloat((float) v);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void numpyArraysInEveryLayoutGiveTheSameRows() throws IOException {
        double[] rowMajor = {1.5, -2.25, 3e-7, 0.1, 0.2, 0.3}, columnMajor = {1.5, 0.1, -2.25, 0.2, 3e-7, 0.3};
        assertArrayEquals(M, NpyMatrix.read(npy("c.npy", "<f8", false, "(2, 3)", rowMajor, 1)));
        assertArrayEquals(M, NpyMatrix.read(npy("f.npy", "<f8", true, "(2, 3)", columnMajor, 1)));
        assertArrayEquals(M, NpyMatrix.read(npy("big.npy", ">f8", false, "(2, 3)", rowMajor, 2)));
        double[][] single = NpyMatrix.read(npy("float.npy", "<f4", false, "(2, 3)", rowMajor, 3));
        for (int r = 0; r < 2; r++) for (int c = 0; c < 3; c++) assertEquals((float) M[r][c], single[r][c], 0.0);
        assertArrayEquals(new double[][] {M[0]}, NpyMatrix.read(npy("one.npy", "<f8", false, "(3,)", M[0], 1)));
    }

    @Test
    void aDamagedOrForeignNumpyFileIsRefusedNamingIt() throws IOException {
        Path truncated = npy("short.npy", "<f8", false, "(3, 3)", new double[6], 1);
        BadInputException e = assertThrows(BadInputException.class, () -> NpyMatrix.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": shape (3, 3)"), e.getMessage());
        Path ints = npy("int.npy", "<i8", false, "(2, 3)", new double[6], 1);
        assertTrue(assertThrows(BadInputException.class, () -> NpyMatrix.read(ints)).getMessage().contains("float64 or float32"));
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "1 2 3\n");
        assertTrue(assertThrows(BadInputException.class, () -> NpyMatrix.read(text)).getMessage().contains("not a NumPy .npy file"));
        Path cube = npy("cube.npy", "<f8", false, "(1, 2, 3)", new double[6], 1);
        assertTrue(assertThrows(BadInputException.class, () -> NpyMatrix.read(cube)).getMessage().contains("1-D array"));
    }

    @Test
    void csvSkipsItsHeaderAndCommentsAndNamesTheLineOfABadValue() throws IOException {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "# posterior draws\nt1,t2,t3\n1.5,-2.25,3e-7\n\n0.1, 0.2 ,0.3  # second\n");
        CsvMatrix.Rows rows = CsvMatrix.read(csv);
        assertArrayEquals(M, rows.rows());
        assertArrayEquals(new int[] {3, 5}, rows.lines());
        Path space = dir.resolve("m.txt");
        Files.writeString(space, "1.5 -2.25 3e-7\n0.1\t0.2 0.3\n");
        assertArrayEquals(M, CsvMatrix.read(space).rows());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n4,x,6\n");
        assertEquals(bad + ":2: column 2: 'x' is not a number",
                assertThrows(BadInputException.class, () -> CsvMatrix.read(bad)).getMessage());
    }

    @Test
    void parquetRowsAreTheirFloatingPointColumnsInSchemaOrder() throws IOException {
        ParquetTable table = new ParquetTable().ints("member", new int[] {0, 1}).doubles("a", new double[] {M[0][0], M[1][0]})
                .booleans("flag", new boolean[] {true, false}).doubles("b", new double[] {M[0][1], M[1][1]})
                .doubles("c", new double[] {M[0][2], M[1][2]});
        Path p = dir.resolve("m.parquet");
        Files.write(p, table.encode(Map.of("convention", "test")));
        assertArrayEquals(M, ParquetMatrix.read(p));
        Path junk = dir.resolve("junk.parquet");
        Files.writeString(junk, "PAR1 not really");
        assertTrue(assertThrows(BadInputException.class, () -> ParquetMatrix.read(junk)).getMessage().startsWith(junk + ": not a readable Parquet file"));
    }

    @Test
    void everyRowNeedsDFiniteValues() {
        assertEquals("m.csv: line 7: 2 values; the stores have 3 descriptor components, so each θ needs 3 (without β0)",
                assertThrows(BadInputException.class, () -> new ThetaMatrix("m.csv", new double[][] {M[0], {1, 2}}, 3, r -> "line " + (r + 6)))
                        .getMessage());
        assertEquals("m.npy: row 2, column 3: NaN is not a finite number",
                assertThrows(BadInputException.class, () -> new ThetaMatrix("m.npy", new double[][] {M[0], {1, 2, Double.NaN}}, 3,
                        ThetaMatrix.RowLabel.ROWS)).getMessage());
        assertThrows(BadInputException.class, () -> new ThetaMatrix("e.csv", new double[0][], 3, ThetaMatrix.RowLabel.ROWS));
        ThetaMatrix ok = new ThetaMatrix("m", M, 3, ThetaMatrix.RowLabel.ROWS);
        assertArrayEquals(M, ok.rows(0, 2));
    }
}
