package org.scoredos.harmonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.Cell;
import org.scoredos.structure.Structure;

/**
 * The pure translations that map a periodic structure onto itself (atom j of the same type
 * at x_i + t for every i). A perfect supercell of a primitive cell with b atoms has N/b of
 * them, so its Hessian follows from the columns of b atoms: the force constants between
 * x_i + t and x_j + t equal those between x_i and x_j.
 *
 * <p>The translations form a group, found in O(N) memory and near O(N) time: a candidate
 * t = x_j − x_0 is checked atom by atom only when the group found so far does not already
 * decide it, a verified one adds every sum with the known ones, and a refused one refuses its
 * whole coset. Checks visit the atoms of rare local environments (neighbour counts) first, so
 * in a cell with a defect a wrong candidate fails within a few look-ups.
 */
final class LatticeTranslations {
    /** Two positions closer than this, Å, are the same site. */
    static final double TOLERANCE = 1e-6;

    private final SiteIndex sites;
    private final double[][] shifts;    // fractional translation vectors, shifts[0] = 0
    private final int[] representative; // per atom: the orbit's lowest atom index
    private final int[] carrier;        // per atom: the translation taking representative(i) to i

    private LatticeTranslations(SiteIndex sites, double[][] shifts, int atoms) {
        this.sites = sites;
        this.shifts = shifts;
        this.representative = new int[atoms];
        this.carrier = new int[atoms];
        Arrays.fill(representative, -1);
        for (int r = 0; r < atoms; r++) {
            if (representative[r] >= 0) continue;
            for (int t = 0; t < shifts.length; t++) {
                int i = translate(r, t);
                if (representative[i] < 0) {
                    representative[i] = r;
                    carrier[i] = t;
                }
            }
        }
    }

    /** Only the identity: every atom its own representative. */
    static LatticeTranslations identity(Structure s) {
        return new LatticeTranslations(new SiteIndex(s), new double[][] {{0, 0, 0}}, s.size());
    }

    /** The translations of {@code s} (the identity always among them). */
    static LatticeTranslations of(Structure s) {
        int n = s.size();
        SiteIndex sites = new SiteIndex(s);
        int[] environment = environments(s);
        int[] order = rareFirst(environment);
        List<double[]> group = new ArrayList<>();
        group.add(new double[3]);
        boolean[] inGroup = new boolean[n]; // atom 0's images under the group found so far
        boolean[] refused = new boolean[n];
        inGroup[0] = true;
        for (int j = 1; j < n; j++) {
            if (inGroup[j] || refused[j] || s.type(j) != s.type(0) || environment[j] != environment[0]) continue;
            double[] t = sites.difference(j, 0);
            if (isSymmetry(s, sites, environment, order, t)) {
                // The group generated with t: the cosets S + k t until they come back into S.
                List<double[]> grown = new ArrayList<>(group);
                for (double[] step = t.clone(); !inGroup[sites.find(0, step)]; step = SiteIndex.add(step, t)) {
                    for (double[] g : group) {
                        double[] sum = SiteIndex.add(g, step);
                        int a = sites.find(0, sum);
                        if (!inGroup[a]) {
                            inGroup[a] = true;
                            grown.add(sum);
                        }
                    }
                }
                group = grown;
            } else {
                for (double[] g : group) {
                    int a = sites.find(j, g);
                    if (a >= 0) refused[a] = true;
                }
            }
        }
        return new LatticeTranslations(sites, group.toArray(new double[0][]), n);
    }

    private static boolean isSymmetry(Structure s, SiteIndex sites, int[] environment, int[] order, double[] t) {
        for (int i : order) {
            int a = sites.find(i, t);
            if (a < 0 || s.type(a) != s.type(i) || environment[a] != environment[i]) return false;
        }
        return true;
    }

    /**
     * Each atom's neighbour count within 1.5 mean spacings: equal for atoms a translation maps
     * onto each other; it only orders and filters the checks, which compare positions.
     */
    private static int[] environments(Structure s) {
        double spacing = Math.cbrt(s.cell().volume() / s.size());
        NeighborList list = NeighborList.build(s, 1.5 * spacing);
        return IntStream.range(0, s.size()).map(list::count).toArray();
    }

    /** Atoms ordered by how rare their environment is, rarest first (ties by index). */
    private static int[] rareFirst(int[] environment) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int e : environment) counts.merge(e, 1, Integer::sum);
        return IntStream.range(0, environment.length).boxed()
                .sorted((a, b) -> {
                    int c = Integer.compare(counts.get(environment[a]), counts.get(environment[b]));
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue).toArray();
    }

    /** The lowest-index atom equivalent to atom i. */
    int representative(int i) {
        return representative[i];
    }

    /** The translation (index) that carries representative(i) onto i. */
    int carrier(int i) {
        return carrier[i];
    }

    /** The atom at x_j + t for translation t. */
    int translate(int j, int t) {
        return t == 0 ? j : sites.find(j, shifts[t]);
    }

    /** The permutation of the translation that carries representative(i) onto i (O(N) look-ups). */
    int[] permutationTo(int i) {
        int t = carrier[i];
        return IntStream.range(0, representative.length).map(j -> translate(j, t)).toArray();
    }

    /** Atoms sorted into a grid of bins over fractional coordinates, to find the atom at a point. */
    static final class SiteIndex {
        private final Cell cell;
        private final double[] frac; // 3 per atom, wrapped into [0, 1)
        private final int[] count = new int[3];
        private final int[] start;
        private final int[] atoms;

        SiteIndex(Structure s) {
            this.cell = s.cell();
            int n = s.size();
            frac = new double[3 * n];
            double[] f = new double[3];
            for (int i = 0; i < n; i++) {
                cell.toFractional(s.x(i), s.y(i), s.z(i), f);
                for (int d = 0; d < 3; d++) frac[3 * i + d] = wrap(f[d]);
            }
            // About one atom per bin, and bins much wider than the tolerance.
            double side = Math.cbrt(cell.volume() / n);
            for (int d = 0; d < 3; d++) count[d] = (int) Math.max(1, Math.min(1 << 10, Math.floor(cell.faceSpacing(d) / side)));
            int bins = count[0] * count[1] * count[2];
            start = new int[bins + 1];
            int[] bin = new int[n];
            for (int i = 0; i < n; i++) {
                bin[i] = bin(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2]);
                start[bin[i] + 1]++;
            }
            for (int b = 0; b < bins; b++) start[b + 1] += start[b];
            atoms = new int[n];
            int[] fill = Arrays.copyOf(start, bins);
            for (int i = 0; i < n; i++) atoms[fill[bin[i]]++] = i;
        }

        private static double wrap(double v) {
            double w = v - Math.floor(v);
            return w >= 1.0 ? 0.0 : w;
        }

        static double[] add(double[] a, double[] b) {
            return new double[] {wrap(a[0] + b[0]), wrap(a[1] + b[1]), wrap(a[2] + b[2])};
        }

        /** frac(x_a) − frac(x_b), wrapped into [0, 1). */
        double[] difference(int a, int b) {
            return new double[] {wrap(frac[3 * a] - frac[3 * b]), wrap(frac[3 * a + 1] - frac[3 * b + 1]),
                    wrap(frac[3 * a + 2] - frac[3 * b + 2])};
        }

        private int bin(double f0, double f1, double f2) {
            int c0 = Math.min(count[0] - 1, (int) (f0 * count[0]));
            int c1 = Math.min(count[1] - 1, (int) (f1 * count[1]));
            int c2 = Math.min(count[2] - 1, (int) (f2 * count[2]));
            return (c0 * count[1] + c1) * count[2] + c2;
        }

        /** The atom within {@link #TOLERANCE} of x_j + t (t fractional), or −1. */
        int find(int j, double[] t) {
            double f0 = wrap(frac[3 * j] + t[0]), f1 = wrap(frac[3 * j + 1] + t[1]), f2 = wrap(frac[3 * j + 2] + t[2]);
            int c0 = Math.min(count[0] - 1, (int) (f0 * count[0]));
            int c1 = Math.min(count[1] - 1, (int) (f1 * count[1]));
            int c2 = Math.min(count[2] - 1, (int) (f2 * count[2]));
            double[] cart = new double[3];
            double[] o = cell.origin();
            int r0 = Math.min(1, count[0] / 2), r1 = Math.min(1, count[1] / 2), r2 = Math.min(1, count[2] / 2);
            for (int d0 = -r0; d0 <= r0; d0++) {
                int b0 = Math.floorMod(c0 + d0, count[0]);
                for (int d1 = -r1; d1 <= r1; d1++) {
                    int b1 = Math.floorMod(c1 + d1, count[1]);
                    for (int d2 = -r2; d2 <= r2; d2++) {
                        int b = (b0 * count[1] + b1) * count[2] + Math.floorMod(c2 + d2, count[2]);
                        for (int q = start[b]; q < start[b + 1]; q++) {
                            int k = atoms[q];
                            double s0 = f0 - frac[3 * k], s1 = f1 - frac[3 * k + 1], s2 = f2 - frac[3 * k + 2];
                            cell.toCartesian(s0 - Math.rint(s0), s1 - Math.rint(s1), s2 - Math.rint(s2), cart);
                            double dx = cart[0] - o[0], dy = cart[1] - o[1], dz = cart[2] - o[2];
                            if (dx * dx + dy * dy + dz * dz < TOLERANCE * TOLERANCE) return k;
                        }
                    }
                }
            }
            return -1;
        }
    }
}
