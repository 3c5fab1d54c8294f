package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class TrajectoryFramesTest {
    private static final TrajectoryFrames.AtomLimit LIMIT = new TrajectoryFrames.AtomLimit(1000, "at most 1000");
    private static final String XYZ_FRAME = """
            2
            Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3
            W 0 0 0
            W %s 1.5 1.5
            """;

    private static List<Structure> all(String text, String file, List<Integer> starts) throws Exception {
        List<Structure> out = new ArrayList<>();
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(text), file, LIMIT)) {
            while (frames.hasNext()) {
                out.add(frames.next());
                starts.add(frames.frameLine());
            }
        }
        return out;
    }

    /** A LAMMPS dump frame of a 3 Å cube: its timestep, the ATOMS columns after "id type x y z", one line per atom. */
    private static String dumpFrame(int timestep, String moreColumns, String... atoms) {
        return "ITEM: TIMESTEP\n" + timestep + "\nITEM: NUMBER OF ATOMS\n" + atoms.length
                + "\nITEM: BOX BOUNDS pp pp pp\n0 3\n0 3\n0 3\nITEM: ATOMS id type x y z" + moreColumns + "\n"
                + String.join("\n", atoms) + "\n";
    }

    @Test
    void streamsEveryExtendedXyzFrameWithTheirLineNumbers() throws Exception {
        String text = XYZ_FRAME.formatted("1.5") + "\n" + XYZ_FRAME.formatted("1.6") + XYZ_FRAME.formatted("1.7");
        List<Integer> starts = new ArrayList<>();
        List<Structure> frames = all(text, "run/traj.extxyz", starts); // a blank line after the first frame
        assertEquals(3, frames.size());
        assertEquals(List.of(1, 6, 10), starts);
        assertEquals(1.7, frames.get(2).x(1), 0.0);
        assertEquals(183.84, frames.get(0).massOfType(1), 1e-9);

        String broken = XYZ_FRAME.formatted("1.5") + XYZ_FRAME.formatted("x1.6");
        BadInputException e = assertThrows(BadInputException.class, () -> all(broken, "run/traj.xyz", new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("run/traj.xyz:8: atom 2"), e.getMessage());
    }

    @Test
    void streamsDumpFramesAndRefusesDataFiles() throws Exception {
        String two = dumpFrame(0, "", "1 1 0.5 0.5 0.5") + dumpFrame(10, "", "1 1 0.5 0.5 0.5");
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(two), "a.lammpstrj", LIMIT)) {
            assertTrue(frames.hasNext());
            frames.next();
            assertEquals(1, frames.frameLine());
            frames.next();
            assertEquals(11, frames.frameLine());
            assertFalse(frames.hasNext());
        }
        BadInputException e = assertThrows(BadInputException.class, () -> TrajectoryFrames.open(new StringReader(""), "w.data", LIMIT));
        assertTrue(e.getMessage().contains("w.data: a LAMMPS data file holds one structure"), e.getMessage());
    }

    @Test
    void framesCarryTheirPotentialEnergyWhenTheFileGivesIt() throws Exception {
        String xyz = """
                2
                Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3 energy=-17.25
                W 0 0 0
                W 1.5 1.5 1.5
                """ + XYZ_FRAME.formatted("1.6");
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(xyz), "md.extxyz", LIMIT)) {
            frames.next();
            assertEquals(-17.25, frames.energy(), 0.0);
            frames.next();
            assertTrue(Double.isNaN(frames.energy()), "no energy= on the second frame");
        }
        // LAMMPS: compute pe/atom dumped as c_pe (or an atom-style variable v_pe), summed over the atoms
        String dump = dumpFrame(0, " %s", "1 1 0.5 0.5 0.5 -8.5", "2 1 2 2 2 -8.75");
        for (String column : new String[] {"c_pe", "v_pe"}) {
            try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted(column)), "md.dump", LIMIT)) {
                frames.next();
                assertEquals(-17.25, frames.energy(), 1e-12, column);
            }
        }
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted("vx")), "md.dump", LIMIT)) {
            frames.next();
            assertTrue(Double.isNaN(frames.energy()), "no energy column");
        }
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted("c_pe").replace("-8.75", "x")), "md.dump", LIMIT)) {
                frames.next();
            }
        });
        assertTrue(e.getMessage().startsWith("md.dump:11: timestep 0: atom 2: c_pe"), e.getMessage());
    }

    /** A gzip file of {@code head}, then {@code copies} members of {@code chunk} each: a gigabyte in about a megabyte. */
    static byte[] gzipBomb(String head, String chunk, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(head));
        byte[] member = gzip(chunk);
        for (int i = 0; i < copies; i++) out.write(member);
        return out.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Reads every frame of a gzip'd trajectory; the refusal, and how much of the file was read before it. */
    private static String refusal(byte[] gz, String file, long[] read) {
        ByteArrayInputStream in = new ByteArrayInputStream(gz);
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (TrajectoryFrames frames = TrajectoryFrames.open(in, file, LIMIT)) {
                while (frames.hasNext()) frames.next();
            }
        });
        read[0] = gz.length - in.available();
        return e.getMessage();
    }

    @Test
    void aGzipBombIsRefusedWithinItsFirstFrameAtTheLineThatPassesTheBound() throws Exception {
        int mib = 1 << 20;
        long[] read = new long[1];
        // a header announcing 1000 atoms, then 1 GiB of valid atom lines padded to 256 kB: 6 MiB is the frame's bound
        String header = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1000\nITEM: BOX BOUNDS pp pp pp\n0 3\n0 3\n0 3\nITEM: ATOMS id type x y z\n";
        String padded = ("1 1 0.5 0.5 0.5" + " ".repeat(256 * 1024 - 16) + "\n").repeat(4);
        byte[] lines = gzipBomb(header, padded, 1024);
        String message = refusal(lines, "md.dump.gz", read);
        long bound = 2L * mib + 1000 * 4096;
        int lastLine = 9 + (int) (bound / (256 * 1024 - 1 + 1)) + 1; // the line whose end passes the bound
        assertTrue(message.startsWith("md.dump.gz:" + lastLine + ": frame longer than " + bound + " characters"), message);
        assertTrue(read[0] < lines.length / 8, "stopped in its first frame: " + read[0] + " of " + lines.length + " bytes read");

        // a valid frame, then 1 GiB of blank lines where the next would start: 2 MiB is the bound of a header
        String frame = XYZ_FRAME.formatted("1.5");
        byte[] blank = gzipBomb(frame, "\n".repeat(mib), 1024);
        message = refusal(blank, "md.extxyz.gz", read);
        assertTrue(message.startsWith("md.extxyz.gz:" + (4 + 2 * mib + 1) + ": frame longer than " + 2 * mib + " characters"), message);
        assertTrue(read[0] < blank.length / 8, read[0] + " of " + blank.length + " bytes read");

        // a header announcing 10⁸ atoms (the arrays would grow with them): refused at its line
        byte[] many = gzipBomb("100000000\n", "W 0 0 0\n".repeat(mib / 8), 1024);
        assertEquals("md.xyz.gz:1: atom count: 100000000 atoms in one frame: at most 1000", refusal(many, "md.xyz.gz", read));
        // one line of a gigabyte: refused at its first Mi characters
        byte[] line = gzipBomb(frame + "2\n", "x".repeat(mib), 1024);
        assertTrue(refusal(line, "md.xyz.gz", read).startsWith("md.xyz.gz:6: line longer than 1048576 characters"), "one long line");
        assertTrue(read[0] < line.length / 8, read[0] + " of " + line.length + " bytes read");
    }
}
