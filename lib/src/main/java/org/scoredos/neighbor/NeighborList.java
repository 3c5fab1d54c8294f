package org.scoredos.neighbor;

import java.util.Arrays;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * A full neighbour list under periodic boundaries: for every atom i, each atom j (or periodic
 * image of j, including images of i itself) with 0 < |r_ij|² < cutoff², stored with its
 * displacement r_ij = x_j + n·h − x_i. Compressed-row layout: pairs of atom i are
 * {@code start(i) .. start(i+1)-1}, ordered by neighbour j and then by image n = (na, nb, nc)
 * lexicographically, so the order depends only on the atoms, never on the binning.
 *
 * <p>Built by linked cells in O(N): atoms are wrapped into the cell and sorted into bins whose
 * perpendicular width is at least the cutoff where the cell allows it; each atom then scans the
 * bins (and their periodic images) that can hold a neighbour. When the cutoff exceeds a face
 * spacing there is a single bin along that direction and the scan runs over as many periodic
 * images as the cutoff reaches.
 */
public final class NeighborList {
    /** Images are packed into 11 bits each in the sort key; atoms further out are refused. */
    private static final int IMAGE_BITS = 11;
    private static final int IMAGE_BIAS = 1 << (IMAGE_BITS - 1);
    private static final int MAX_ATOMS = 1 << (63 - 3 * IMAGE_BITS - 1);
    /** Atoms may sit this many cells outside the box (unwrapped trajectories); keys stay in range. */
    private static final int MAX_SHIFT = IMAGE_BIAS / 4;
    /** Candidates are screened on wrapped coordinates with this slack, then checked exactly. */
    private static final double SCREEN_SLACK = 1e-9;

    private final double cutoff;
    private final int[] start;   // n+1 offsets
    private final int[] index;   // neighbour atom j of each pair
    private final double[] disp; // 3 per pair: r_ij
    private final double[] original; // a scratch copy's unmoved displacements; null otherwise

    NeighborList(double cutoff, int[] start, int[] index, double[] disp) {
        this(cutoff, start, index, disp, null);
    }

    private NeighborList(double cutoff, int[] start, int[] index, double[] disp, double[] original) {
        this.cutoff = cutoff;
        this.start = start;
        this.index = index;
        this.disp = disp;
        this.original = original;
    }

    /**
     * A copy whose displacements {@link #moveAtom} may change: one thread's scratch for local
     * finite differences. The pairs stay those of this list, so a move must keep every pair
     * that matters inside the list's cutoff (build it with a skin).
     */
    public NeighborList scratchCopy() {
        return new NeighborList(cutoff, start, index, disp.clone(), disp);
    }

    /**
     * This list with the neighbour of every pair p replaced by a ghost atom N + p of its own (the
     * ghosts have no neighbours). A many-body force routine that writes per neighbour index then
     * keeps each pair's force apart, periodic images included, which the virial Σ r_ij ⊗ f_ij
     * needs; {@link #neighbor} of the original list maps ghosts back to atoms.
     */
    public NeighborList withGhostNeighbours() {
        int n = atoms();
        int pairs = pairs();
        int[] ghostStart = Arrays.copyOf(start, n + pairs + 1);
        Arrays.fill(ghostStart, n + 1, ghostStart.length, pairs);
        int[] ghostIndex = new int[pairs];
        for (int p = 0; p < pairs; p++) ghostIndex[p] = n + p;
        return new NeighborList(cutoff, ghostStart, ghostIndex, disp.clone());
    }

    /**
     * Sets the displacements of every pair that involves atom k to their original values with
     * atom k moved by (ddx, ddy, ddz) Å, all other pairs untouched; a zero move restores them
     * exactly. Pairs of k with its own images do not change. Only on a {@link #scratchCopy}.
     */
    public void moveAtom(int k, double ddx, double ddy, double ddz) {
        if (original == null) throw new IllegalStateException("only a scratch copy of a neighbour list can move atoms");
        int previous = -1;
        for (int p = start[k]; p < start[k + 1]; p++) {
            int j = index[p];
            if (j == k) continue;
            disp[3 * p] = original[3 * p] - ddx;
            disp[3 * p + 1] = original[3 * p + 1] - ddy;
            disp[3 * p + 2] = original[3 * p + 2] - ddz;
            if (j == previous) continue; // pairs are sorted by neighbour: each row j once
            previous = j;
            for (int q = start[j]; q < start[j + 1]; q++) {
                if (index[q] != k) continue;
                disp[3 * q] = original[3 * q] + ddx;
                disp[3 * q + 1] = original[3 * q + 1] + ddy;
                disp[3 * q + 2] = original[3 * q + 2] + ddz;
            }
        }
    }

    /** Builds the full list of {@code structure} within {@code cutoff} Å. */
    public static NeighborList build(Structure structure, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff must be positive and finite, got " + cutoff);
        }
        int n = structure.size();
        if (n >= MAX_ATOMS) throw new IllegalArgumentException("too many atoms for one neighbour list: " + n);
        Cell cell = structure.cell();
        checkReach(cell, cutoff, n);
        double[][] h = cell.matrix();
        double[] x = structure.positions();

        // Wrap every atom into [0,1)³ fractional; shift[3i+d] is the whole cells removed.
        int[] shift = new int[3 * n];
        double[] wrapped = new double[3 * n];
        double[] frac = new double[3 * n];
        wrap(cell, x, shift, frac, wrapped);

        Bins bins = new Bins(cell, cutoff, frac, n);
        double screen2 = cutoff * cutoff * (1 + SCREEN_SLACK) + SCREEN_SLACK;
        double rc2 = cutoff * cutoff;

        Builder b = new Builder(n);
        long[] keys = new long[64];
        int[] home = new int[3];
        for (int i = 0; i < n; i++) {
            b.beginAtom(i);
            bins.binOf(i, home);
            double wx = wrapped[3 * i], wy = wrapped[3 * i + 1], wz = wrapped[3 * i + 2];
            int found = 0;
            for (int oa = -bins.reach[0]; oa <= bins.reach[0]; oa++) {
                int ca = home[0] + oa, ia = Math.floorDiv(ca, bins.count[0]);
                for (int ob = -bins.reach[1]; ob <= bins.reach[1]; ob++) {
                    int cb = home[1] + ob, ib = Math.floorDiv(cb, bins.count[1]);
                    for (int oc = -bins.reach[2]; oc <= bins.reach[2]; oc++) {
                        int cc = home[2] + oc, ic = Math.floorDiv(cc, bins.count[2]);
                        int bin = bins.index(ca - ia * bins.count[0], cb - ib * bins.count[1], cc - ic * bins.count[2]);
                        double ox = ia * h[0][0] + ib * h[1][0] + ic * h[2][0] - wx;
                        double oy = ia * h[0][1] + ib * h[1][1] + ic * h[2][1] - wy;
                        double oz = ia * h[0][2] + ib * h[1][2] + ic * h[2][2] - wz;
                        for (int q = bins.start[bin]; q < bins.start[bin + 1]; q++) {
                            int j = bins.atoms[q];
                            double dx = wrapped[3 * j] + ox, dy = wrapped[3 * j + 1] + oy, dz = wrapped[3 * j + 2] + oz;
                            if (dx * dx + dy * dy + dz * dz >= screen2) continue;
                            // Image relative to the unwrapped positions: n = bin image − shift_j + shift_i.
                            int na = ia - shift[3 * j] + shift[3 * i];
                            int nb = ib - shift[3 * j + 1] + shift[3 * i + 1];
                            int nc = ic - shift[3 * j + 2] + shift[3 * i + 2];
                            if (found == keys.length) keys = Arrays.copyOf(keys, 2 * found);
                            keys[found++] = key(i, j, na, nb, nc);
                        }
                    }
                }
            }
            Arrays.sort(keys, 0, found);
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int k = 0; k < found; k++) {
                long key = keys[k];
                int j = (int) (key >>> (3 * IMAGE_BITS));
                int na = image(key, 2), nb = image(key, 1), nc = image(key, 0);
                // The displacement from the unwrapped positions, so r_ij = x_j + n·h − x_i exactly.
                double bx = x[3 * j] - xi, by = x[3 * j + 1] - yi, bz = x[3 * j + 2] - zi;
                double dx = bx + na * h[0][0] + nb * h[1][0] + nc * h[2][0];
                double dy = by + na * h[0][1] + nb * h[1][1] + nc * h[2][1];
                double dz = bz + na * h[0][2] + nb * h[1][2] + nc * h[2][2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 == 0 && j != i) {
                    // Zero distance is how an atom's own entry is recognised: another atom there would vanish silently.
                    throw new BadInputException("atoms " + (i + 1) + " and " + (j + 1) + " sit at the same position");
                }
                if (r2 > 0 && r2 < rc2) b.add(j, dx, dy, dz);
            }
        }
        return b.finish(cutoff);
    }

    private static void wrap(Cell cell, double[] x, int[] shift, double[] frac, double[] wrapped) {
        double[] s = new double[3];
        double[] c = new double[3];
        double[] o = cell.origin();
        for (int i = 0; i < x.length / 3; i++) {
            cell.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], s);
            for (int d = 0; d < 3; d++) {
                double f = Math.floor(s[d]);
                double u = s[d] - f;
                if (u >= 1.0) { // rounding of a value just below an integer
                    u = 0.0;
                    f += 1.0;
                }
                if (Math.abs(f) > MAX_SHIFT) {
                    throw new BadInputException("atom " + (i + 1) + " lies " + (long) f + " cells outside the box along lattice vector "
                            + "abc".charAt(d) + " (at most " + MAX_SHIFT + " are followed): wrap its coordinates");
                }
                shift[3 * i + d] = (int) f;
                frac[3 * i + d] = u;
            }
            cell.toCartesian(-shift[3 * i], -shift[3 * i + 1], -shift[3 * i + 2], c);
            for (int d = 0; d < 3; d++) wrapped[3 * i + d] = x[3 * i + d] + c[d] - o[d];
        }
    }

    /** Periodic images a cutoff may span along one lattice vector: far beyond any real cell. */
    static final int MAX_IMAGES = 128;
    /** Neighbours per atom beyond which a cutoff is refused (bcc W at 4.7 Å has about 28). */
    static final double MAX_NEIGHBOURS = 50_000;

    /**
     * Refuses a cutoff that would make the list span hundreds of images of a tiny or strongly
     * sheared cell (a = 0.001 Å, a tilt of 5000 Å, an element radius of 1000): such a list
     * would take hours and gigabytes, so it is bad input, not a computation.
     */
    private static void checkReach(Cell cell, double cutoff, int n) {
        for (int d = 0; d < 3; d++) {
            double spacing = cell.faceSpacing(d);
            if (!(cutoff / spacing <= MAX_IMAGES)) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "the cutoff %.6g Å spans %.3g periodic images along lattice vector %c (face spacing %.6g Å; at most %d): "
                                + "the cell is far too small or too sheared for this cutoff", cutoff, cutoff / spacing,
                        "abc".charAt(d), spacing, MAX_IMAGES));
            }
        }
        double neighbours = n * (4.0 / 3.0) * Math.PI * cutoff * cutoff * cutoff / cell.volume();
        if (!(neighbours <= MAX_NEIGHBOURS)) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "the cutoff %.6g Å would give about %.3g neighbours per atom (at most %.0f): the cutoff or the density is unphysical",
                    cutoff, neighbours, MAX_NEIGHBOURS));
        }
    }

    private static long key(int i, int j, int na, int nb, int nc) {
        int lim = IMAGE_BIAS - 1;
        if (Math.abs(na) > lim || Math.abs(nb) > lim || Math.abs(nc) > lim) {
            throw new BadInputException("atoms " + (i + 1) + " and " + (j + 1) + " are more than " + lim
                    + " cells apart within the cutoff: the cutoff is far larger than the cell");
        }
        return ((long) j << (3 * IMAGE_BITS))
                | ((long) (na + IMAGE_BIAS) << (2 * IMAGE_BITS))
                | ((long) (nb + IMAGE_BIAS) << IMAGE_BITS)
                | (nc + IMAGE_BIAS);
    }

    /** Image component packed at position {@code slot} (2 = a, 1 = b, 0 = c). */
    private static int image(long key, int slot) {
        return (int) ((key >>> (slot * IMAGE_BITS)) & ((1 << IMAGE_BITS) - 1)) - IMAGE_BIAS;
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

    /** Atoms sorted into a grid of bins over fractional coordinates (compressed rows per bin). */
    private static final class Bins {
        final int[] count = new int[3]; // bins along each lattice vector
        final int[] reach = new int[3]; // bin offsets to scan each way
        final int[] start;
        final int[] atoms;
        private final int[] binOfAtom;

        Bins(Cell cell, double cutoff, double[] frac, int n) {
            for (int d = 0; d < 3; d++) {
                count[d] = (int) Math.max(1, Math.min(1 << 20, Math.floor(cell.faceSpacing(d) / cutoff)));
            }
            // A tiny cutoff in a huge box would make more bins than atoms are worth.
            long limit = Math.max(64L, 4L * n);
            while ((long) count[0] * count[1] * count[2] > limit) {
                int d = count[0] >= count[1] && count[0] >= count[2] ? 0 : count[1] >= count[2] ? 1 : 2;
                count[d] = Math.max(1, count[d] / 2);
            }
            // A neighbour within the cutoff differs by at most cutoff / faceSpacing in fraction d.
            for (int d = 0; d < 3; d++) {
                reach[d] = (int) Math.ceil(cutoff * count[d] / cell.faceSpacing(d) * (1 + SCREEN_SLACK));
            }
            int bins = count[0] * count[1] * count[2];
            binOfAtom = new int[n];
            start = new int[bins + 1];
            for (int i = 0; i < n; i++) {
                int c0 = Math.min(count[0] - 1, (int) (frac[3 * i] * count[0]));
                int c1 = Math.min(count[1] - 1, (int) (frac[3 * i + 1] * count[1]));
                int c2 = Math.min(count[2] - 1, (int) (frac[3 * i + 2] * count[2]));
                binOfAtom[i] = index(c0, c1, c2);
                start[binOfAtom[i] + 1]++;
            }
            for (int k = 0; k < bins; k++) start[k + 1] += start[k];
            atoms = new int[n];
            int[] fill = Arrays.copyOf(start, bins);
            for (int i = 0; i < n; i++) atoms[fill[binOfAtom[i]]++] = i;
        }

        int index(int c0, int c1, int c2) {
            return (c0 * count[1] + c1) * count[2] + c2;
        }

        void binOf(int i, int[] out) {
            int k = binOfAtom[i];
            out[2] = k % count[2];
            out[1] = (k / count[2]) % count[1];
            out[0] = k / (count[2] * count[1]);
        }
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
