package org.scoredos.neighbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scoredos.structure.Structure;

/**
 * The nearest-neighbour distance and the first coordination shells of a structure: all pair
 * distances sorted and grouped wherever consecutive distances are more than a tolerance apart;
 * each shell has its mean distance and its per-atom average count (8, 6, 12 for bcc).
 */
public final class CoordinationShells {
    /** One shell: mean distance (Å) and neighbours per atom, averaged over atoms. */
    public record Shell(double distance, double count) {}

    /** The list search stops growing past this many nearest-neighbour distances. */
    private static final double MAX_REACH = 4.0;

    private final double nearest;
    private final List<Shell> shells;

    private CoordinationShells(double nearest, List<Shell> shells) {
        this.nearest = nearest;
        this.shells = shells;
    }

    /**
     * The first {@code maxShells} complete shells (fewer when they lie beyond 4 nearest-neighbour
     * distances, or when thermal disorder merges them), grouped with {@code tolerance} Å.
     */
    public static CoordinationShells of(Structure s, int maxShells, double tolerance) {
        if (maxShells < 1) throw new IllegalArgumentException("need at least one shell, got " + maxShells);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        if (s.size() == 0) throw new IllegalArgumentException("a structure without atoms has no shells");
        double nearest = nearestNeighborDistance(s);
        double rc = 1.6 * nearest + 2 * tolerance;
        while (true) {
            List<Shell> complete = group(distances(NeighborList.build(s, rc)), s.size(), tolerance, rc);
            if (complete.size() >= maxShells || rc >= MAX_REACH * nearest) {
                return new CoordinationShells(nearest, List.copyOf(complete.subList(0, Math.min(maxShells, complete.size()))));
            }
            rc = Math.min(1.3 * rc, MAX_REACH * nearest);
        }
    }

    /**
     * The shortest distance between two atoms (or an atom and a periodic image). Spheres of that
     * diameter do not overlap, so by the close-packing bound it is at most (√2·V/N)^⅓: a list
     * with that cutoff is never empty.
     */
    public static double nearestNeighborDistance(Structure s) {
        if (s.size() == 0) throw new IllegalArgumentException("a structure without atoms has no nearest neighbour");
        double rc = Math.cbrt(Math.sqrt(2) * s.cell().volume() / s.size()) * (1 + 1e-6);
        NeighborList nl = NeighborList.build(s, rc);
        double min = Double.POSITIVE_INFINITY;
        for (int p = 0; p < nl.pairs(); p++) min = Math.min(min, nl.distance(p));
        return min;
    }

    public double nearestNeighborDistance() {
        return nearest;
    }

    public List<Shell> shells() {
        return shells;
    }

    private static double[] distances(NeighborList nl) {
        double[] d = new double[nl.pairs()];
        for (int p = 0; p < d.length; p++) d[p] = nl.distance(p);
        Arrays.sort(d);
        return d;
    }

    /** Groups sorted distances; a group within {@code tolerance} of the cutoff may be cut short and is dropped. */
    private static List<Shell> group(double[] d, int atoms, double tolerance, double cutoff) {
        List<Shell> out = new ArrayList<>();
        int first = 0;
        for (int k = 1; k <= d.length; k++) {
            if (k == d.length || d[k] - d[k - 1] > tolerance) {
                if (cutoff - d[k - 1] <= tolerance) break;
                double sum = 0;
                for (int q = first; q < k; q++) sum += d[q];
                out.add(new Shell(sum / (k - first), (double) (k - first) / atoms));
                first = k;
            }
        }
        return out;
    }
}
