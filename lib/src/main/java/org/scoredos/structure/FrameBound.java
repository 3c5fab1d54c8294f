package org.scoredos.structure;

import org.scoredos.io.BoundedLineReader;

/**
 * Bounds each frame of a streamed trajectory, so a small gzip'd file cannot make a reader run or
 * grow without end: a frame may announce at most {@link TrajectoryFrames.AtomLimit#atoms()} atoms
 * (what its arrays can grow to), and its text — counted from the end of the frame before, so the
 * blank lines between frames count too — may be at most {@link #HEADER_CHARS} plus
 * {@link #CHARS_PER_ATOM} per atom it announces. The file as a whole is not bounded: a trajectory
 * may hold any number of frames.
 */
final class FrameBound {
    /**
     * Text per announced atom: 200 columns of %20.15g, far above a dump of positions, velocities,
     * forces and energies (~250), room for per-atom descriptors dumped beside them.
     */
    static final int CHARS_PER_ATOM = 4096;
    /** Text of a frame besides its atom lines: its header lines, one extended XYZ comment line of full length among them. */
    static final int HEADER_CHARS = 2 * BoundedLineReader.MAX_LINE_CHARS;

    private final TrajectoryFrames.AtomLimit limit;
    private long used;
    private long allowed = HEADER_CHARS;
    private long announced = -1; // −1: the header has not announced the frame's atoms yet

    FrameBound(TrajectoryFrames.AtomLimit limit) {
        this.limit = limit;
    }

    /** Counts one line of {@code chars} characters (its end included) just read from {@code src}. */
    void line(TextSource src, int chars) {
        used += chars;
        if (used > allowed) {
            String why = announced < 0 ? "before its atom count: blank lines or a header of this length are no trajectory's"
                    : CHARS_PER_ATOM + " per atom of the " + announced + " its header announces, " + HEADER_CHARS
                            + " for the header and the blank lines before it";
            throw src.error(null, "frame longer than " + allowed + " characters (" + why + "): not a trajectory of this kind");
        }
    }

    /** The atom count the frame's header announces, checked against the limit; the frame's text may grow with it. */
    void atoms(TextSource src, long n, String field) {
        if (n > limit.atoms()) throw src.error(field, n + " atoms in one frame: " + limit.hint());
        announced = n;
        allowed = HEADER_CHARS + n * CHARS_PER_ATOM;
    }

    /** The frame is whole: what follows belongs to the next one. */
    void frameEnd() {
        used = 0;
        announced = -1;
        allowed = HEADER_CHARS;
    }
}
