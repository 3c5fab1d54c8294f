package org.scoredos.neighbor;

import java.util.Arrays;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * A full neighbour list under periodic boundaries: for every atom i, each atom j (or periodic
 * image of j, including images of i itself) with 0 < |r_ij|² < cutoff², stored with its
 * displacement r_ij = x_j + n·h − x_i. Compressed-row layout: pairs of atom i are
 * {@code start(i) .. start(i+1)-1}.
 */
public final class NeighborList {
    private final double cutoff;
    private final int[] start;   // n+1 offsets
    private final int[] index;   // neighbour atom j of each pair
    private final double[] disp; // 3 per pair: r_ij

    NeighborList(double cutoff, int[] start, int[] index, double[] disp) {
        this.cutoff = cutoff;
        this.start = start;
        this.index = index;
        this.disp = disp;
    }

    /** Builds the full list of {@code structure} within {@code cutoff} Å. */
    public static NeighborList build(Structure structure, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff must be positive and finite, got " + cutoff);
        }
        Cell cell = structure.cell();
        int n = structure.size();
        int[] images = new int[3];
        for (int d = 0; d < 3; d++) images[d] = (int) Math.ceil(cutoff / cell.faceSpacing(d));
        double rc2 = cutoff * cutoff;
        Builder b = new Builder(n);
        for (int i = 0; i < n; i++) {
            b.beginAtom(i);
            double xi = structure.x(i), yi = structure.y(i), zi = structure.z(i);
            for (int j = 0; j < n; j++) {
                double bx = structure.x(j) - xi, by = structure.y(j) - yi, bz = structure.z(j) - zi;
                for (int na = -images[0]; na <= images[0]; na++) {
                    for (int nb = -images[1]; nb <= images[1]; nb++) {
                        for (int nc = -images[2]; nc <= images[2]; nc++) {
                            double dx = bx + na * cell.h(0, 0) + nb * cell.h(1, 0) + nc * cell.h(2, 0);
                            double dy = by + na * cell.h(0, 1) + nb * cell.h(1, 1) + nc * cell.h(2, 1);
                            double dz = bz + na * cell.h(0, 2) + nb * cell.h(1, 2) + nc * cell.h(2, 2);
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 > 0 && r2 < rc2) b.add(j, dx, dy, dz);
                        }
                    }
                }
            }
        }
        return b.finish(cutoff);
    }

    public double cutoff() {
        return cutoff;
    }

    public int atoms() {
        return start.length - 1;
    }

    /** Total number of (i, j-image) pairs. */
    public int pairs() {
        return index.length;
    }

    /** First pair of atom i; the pairs of atom i are start(i) .. start(i+1)-1. */
    public int start(int i) {
        return start[i];
    }

    public int count(int i) {
        return start[i + 1] - start[i];
    }

    /** Neighbour atom of pair p. */
    public int neighbor(int p) {
        return index[p];
    }

    public double dx(int p) {
        return disp[3 * p];
    }

    public double dy(int p) {
        return disp[3 * p + 1];
    }

    public double dz(int p) {
        return disp[3 * p + 2];
    }

    public double distance(int p) {
        double x = disp[3 * p], y = disp[3 * p + 1], z = disp[3 * p + 2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Accumulates pairs atom by atom, in increasing atom order. */
    static final class Builder {
        private final int[] start;
        private int[] index = new int[64];
        private double[] disp = new double[192];
        private int size;

        Builder(int atoms) {
            start = new int[atoms + 1];
        }

        void beginAtom(int i) {
            start[i] = size;
        }

        void add(int j, double dx, double dy, double dz) {
            if (size == index.length) {
                index = Arrays.copyOf(index, 2 * size);
                disp = Arrays.copyOf(disp, 6 * size);
            }
            index[size] = j;
            disp[3 * size] = dx;
            disp[3 * size + 1] = dy;
            disp[3 * size + 2] = dz;
            size++;
        }

        NeighborList finish(double cutoff) {
            start[start.length - 1] = size;
            return new NeighborList(cutoff, start, Arrays.copyOf(index, size), Arrays.copyOf(disp, 3 * size));
        }
    }
}
