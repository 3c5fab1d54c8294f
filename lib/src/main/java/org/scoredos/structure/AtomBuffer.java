package org.scoredos.structure;

import java.util.Arrays;
import org.scoredos.io.BadInputException;

/**
 * Atoms as a reader meets them (id, type, position, line), growing with the lines actually
 * read rather than trusting a header's count, then sorted by id into a {@link Structure}.
 */
final class AtomBuffer {
    /** How far outside the box an atom may sit (unwrapped trajectories): what the neighbour list follows. */
    private static final int MAX_CELLS_OUTSIDE = 256;

    private long[] ids;
    private int[] types;
    private int[] lines;
    private double[] positions;
    private int size;

    AtomBuffer(long expected) {
        int capacity = (int) Math.max(1, Math.min(expected, 1 << 16));
        ids = new long[capacity];
        types = new int[capacity];
        lines = new int[capacity];
        positions = new double[3 * capacity];
    }

    void add(long id, int type, double x, double y, double z, int line) {
        if (size == ids.length) {
            int capacity = 2 * size;
            ids = Arrays.copyOf(ids, capacity);
            types = Arrays.copyOf(types, capacity);
            lines = Arrays.copyOf(lines, capacity);
            positions = Arrays.copyOf(positions, 3 * capacity);
        }
        ids[size] = id;
        types[size] = type;
        lines[size] = line;
        positions[3 * size] = x;
        positions[3 * size + 1] = y;
        positions[3 * size + 2] = z;
        size++;
    }

    int maxType() {
        int max = 1;
        for (int i = 0; i < size; i++) max = Math.max(max, types[i]);
        return max;
    }

    /** Why a point is too far outside the cell for any command, or null when it is not. */
    static String outside(Cell cell, double x, double y, double z) {
        double[] f = new double[3];
        cell.toFractional(x, y, z, f);
        for (int d = 0; d < 3; d++) {
            if (!(Math.abs(f[d]) <= MAX_CELLS_OUTSIDE)) {
                return "lies " + (long) Math.floor(f[d]) + " cells outside the box along lattice vector " + "abc".charAt(d)
                        + " (at most " + MAX_CELLS_OUTSIDE + " are followed): wrap its coordinates";
            }
        }
        return null;
    }

    /** The atoms sorted by id; a repeated id is an error naming both lines. */
    Structure toStructure(Cell cell, double[] massByType, String file) {
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
        double[] pos = new double[3 * size];
        int[] t = new int[size];
        for (int k = 0; k < size; k++) {
            int from = order[k];
            if (k > 0 && ids[from] == ids[order[k - 1]]) {
                int a = Math.min(lines[from], lines[order[k - 1]]), b = Math.max(lines[from], lines[order[k - 1]]);
                throw BadInputException.at(file, b, "atom " + ids[from], "id already used on line " + a);
            }
            String far = outside(cell, positions[3 * from], positions[3 * from + 1], positions[3 * from + 2]);
            if (far != null) throw BadInputException.at(file, lines[from], "atom " + ids[from], far);
            System.arraycopy(positions, 3 * from, pos, 3 * k, 3);
            t[k] = types[from];
        }
        try {
            return new Structure(cell, pos, t, massByType);
        } catch (BadInputException e) {
            throw BadInputException.at(file, 0, null, e.getMessage());
        }
    }
}
