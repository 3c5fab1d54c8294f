package org.scoredos.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;

class TrajectoryFramesTest {
    private static final String XYZ_FRAME = """
            2
            Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:pos:R:3
            W 0 0 0
            W %s 1.5 1.5
            """;

    private static List<Structure> all(String text, String file, List<Integer> starts) throws Exception {
        List<Structure> out = new ArrayList<>();
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(text), file)) {
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
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(two), "a.lammpstrj")) {
            assertTrue(frames.hasNext());
            frames.next();
            assertEquals(1, frames.frameLine());
            frames.next();
            assertEquals(11, frames.frameLine());
            assertFalse(frames.hasNext());
        }
        BadInputException e = assertThrows(BadInputException.class, () -> TrajectoryFrames.open(new StringReader(""), "w.data"));
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
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(xyz), "md.extxyz")) {
            frames.next();
            assertEquals(-17.25, frames.energy(), 0.0);
            frames.next();
            assertTrue(Double.isNaN(frames.energy()), "no energy= on the second frame");
        }
        // LAMMPS: compute pe/atom dumped as c_pe (or an atom-style variable v_pe), summed over the atoms
        String dump = dumpFrame(0, " %s", "1 1 0.5 0.5 0.5 -8.5", "2 1 2 2 2 -8.75");
        for (String column : new String[] {"c_pe", "v_pe"}) {
            try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted(column)), "md.dump")) {
                frames.next();
                assertEquals(-17.25, frames.energy(), 1e-12, column);
            }
        }
        try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted("vx")), "md.dump")) {
            frames.next();
            assertTrue(Double.isNaN(frames.energy()), "no energy column");
        }
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (TrajectoryFrames frames = TrajectoryFrames.open(new StringReader(dump.formatted("c_pe").replace("-8.75", "x")), "md.dump")) {
                frames.next();
            }
        });
        assertTrue(e.getMessage().startsWith("md.dump:11: timestep 0: atom 2: c_pe"), e.getMessage());
    }
}
