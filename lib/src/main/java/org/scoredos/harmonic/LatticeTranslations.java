package org.scoredos.harmonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * The pure translations that map a periodic structure onto itself (atom j of the same type
 * at x_i + t for every i), as atom permutations. A perfect supercell of a primitive cell
 * with b atoms has N/b of them, so its Hessian follows from the columns of b atoms: the
 * force constants between x_i + t and x_j + t equal those between x_i and x_j.
 */
final class LatticeTranslations {
    /** Two positions closer than this, Å, are the same site. */
    static final double TOLERANCE = 1e-6;
    private static final int BINS = 4096; // hash grid per fractional axis

    private final int[][] permutations; // permutations[t][i]: the atom at x_i + t
    private final int[] representative; // per atom: the orbit's lowest atom index
    private final int[] carrier;        // per atom: index t with permutations[t][representative] = atom

    private LatticeTranslations(int[][] permutations, int atoms) {
        this.permutations = permutations;
        this.representative = new int[atoms];
        this.carrier = new int[atoms];
        Arrays.fill(representative, -1);
        for (int r = 0; r < atoms; r++) {
            if (representative[r] >= 0) continue;
            for (int t = 0; t < permutations.length; t++) {
                int i = permutations[t][r];
                if (representative[i] < 0) {
                    representative[i] = r;
                    carrier[i] = t;
                }
            }
        }
    }

    /** Only the identity: every atom its own representative. */
    static LatticeTranslations identity(int atoms) {
        return new LatticeTranslations(new int[][] {IntStream.range(0, atoms).toArray()}, atoms);
    }

    /** The translations of {@code s} (the identity always among them). */
    static LatticeTranslations of(Structure s) {
        int n = s.size();
        Cell cell = s.cell();
        double[][] frac = new double[n][3];
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cell.toFractional(s.x(i), s.y(i), s.z(i), frac[i]);
            for (int d = 0; d < 3; d++) frac[i][d] -= Math.floor(frac[i][d]);
            grid.computeIfAbsent(bin(frac[i]), k -> new ArrayList<>(1)).add(i);
        }
        List<int[]> found = new ArrayList<>();
        double[] target = new double[3];
        for (int j = 0; j < n; j++) {
            if (s.type(j) != s.type(0)) continue;
            int[] perm = new int[n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                for (int d = 0; d < 3; d++) {
                    double v = frac[i][d] + frac[j][d] - frac[0][d];
                    target[d] = v - Math.floor(v);
                }
                perm[i] = find(s, cell, frac, grid, target, s.type(i));
                ok = perm[i] >= 0;
            }
            if (ok) found.add(perm);
        }
        return new LatticeTranslations(found.toArray(new int[0][]), n);
    }

    private static long bin(double[] f) {
        long a = Math.floorMod((long) Math.floor(f[0] * BINS), BINS);
        long b = Math.floorMod((long) Math.floor(f[1] * BINS), BINS);
        long c = Math.floorMod((long) Math.floor(f[2] * BINS), BINS);
        return (a * BINS + b) * BINS + c;
    }

    /** The atom of the given type within {@link #TOLERANCE} of fractional point f, or −1. */
    private static int find(Structure s, Cell cell, double[][] frac, Map<Long, List<Integer>> grid, double[] f, int type) {
        double[] probe = new double[3];
        double[] cart = new double[3];
        double[] ds = new double[3];
        double[] o = cell.origin();
        for (int da = -1; da <= 1; da++) {
            for (int db = -1; db <= 1; db++) {
                for (int dc = -1; dc <= 1; dc++) {
                    probe[0] = f[0] + da / (double) BINS;
                    probe[1] = f[1] + db / (double) BINS;
                    probe[2] = f[2] + dc / (double) BINS;
                    List<Integer> atoms = grid.get(bin(probe));
                    if (atoms == null) continue;
                    for (int k : atoms) {
                        if (s.type(k) != type) continue;
                        for (int d = 0; d < 3; d++) {
                            ds[d] = f[d] - frac[k][d];
                            ds[d] -= Math.rint(ds[d]);
                        }
                        cell.toCartesian(ds[0], ds[1], ds[2], cart);
                        double dx = cart[0] - o[0], dy = cart[1] - o[1], dz = cart[2] - o[2];
                        if (dx * dx + dy * dy + dz * dz < TOLERANCE * TOLERANCE) return k;
                    }
                }
            }
        }
        return -1;
    }

    /** Number of translations, the identity included. */
    int count() {
        return permutations.length;
    }

    /** The lowest-index atom equivalent to atom i. */
    int representative(int i) {
        return representative[i];
    }

    /** The permutation of the translation that carries representative(i) onto i. */
    int[] permutationTo(int i) {
        return permutations[carrier[i]];
    }
}
