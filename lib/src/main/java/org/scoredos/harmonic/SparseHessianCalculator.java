package org.scoredos.harmonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.potential.AtomicPotential;
import org.scoredos.structure.Structure;

/**
 * The {@link SparseHessian} of a potential that is a sum of atom energies, by central
 * differences of LOCAL forces: moving atom k changes only the energies of k and its
 * neighbours, hence only the forces within twice the cutoff, so each column costs those
 * ~2×(neighbours + 1) atom terms instead of a whole-cell evaluation: O(N) work and memory for
 * any structure, defects included. As in {@link HessianCalculator}, atoms related by a lattice
 * translation are displaced once (a perfect lattice: one atom per primitive-cell site) and
 * share their blocks. The finite-difference rows are averaged with their transposes
 * (S ← (S + Sᵀ)/2, exactly symmetric) and the sum rule is imposed by the projection P S P.
 */
public final class SparseHessianCalculator {
    private final double step;
    private final boolean parallel;
    private final boolean useTranslations;

    /**
     * @param step            finite-difference displacement, Å
     * @param parallel        displace coordinates concurrently (the result is the same bits)
     * @param useTranslations displace only translation-inequivalent atoms
     */
    public SparseHessianCalculator(double step, boolean parallel, boolean useTranslations) {
        if (!(step > 0) || step > 0.1) throw new IllegalArgumentException("finite-difference step must be in (0, 0.1] Å, got " + step);
        this.step = step;
        this.parallel = parallel;
        this.useTranslations = useTranslations;
    }

    public SparseHessianCalculator(double step, boolean parallel) {
        this(step, parallel, true);
    }

    public double step() {
        return step;
    }

    /** The Hessian of {@code potential} at {@code structure}. */
    public SparseHessian compute(AtomicPotential potential, Structure structure) {
        return compute(potential, structure, done -> { });
    }

    /** As {@link #compute(AtomicPotential, Structure)}, reporting finished displaced coordinates. */
    public SparseHessian compute(AtomicPotential potential, Structure structure, IntConsumer progress) {
        int atoms = structure.size();
        LatticeTranslations translations = useTranslations ? LatticeTranslations.of(structure) : LatticeTranslations.identity(structure);
        int[] displaced = IntStream.range(0, atoms).filter(i -> translations.representative(i) == i).toArray();
        // Pairs must stay in the list while an atom moves by the step: a skin of ten steps.
        NeighborList list = potential.neighbors(structure, 10 * step);
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(list, atoms));
        Column[][] columns = new Column[displaced.length][3];
        AtomicInteger done = new AtomicInteger();
        IntStream coordinates = IntStream.range(0, 3 * displaced.length);
        if (parallel) coordinates = coordinates.parallel();
        coordinates.forEach(c -> {
            columns[c / 3][c % 3] = scratch.get().column(potential, structure, displaced[c / 3], c % 3, step);
            progress.accept(done.incrementAndGet());
        });
        return assemble(atoms, translations, displaced, columns);
    }

    /** How many coordinates {@link #compute} displaces for {@code structure} (two local force evaluations each). */
    public int displacedCoordinates(Structure structure) {
        LatticeTranslations t = useTranslations ? LatticeTranslations.of(structure) : LatticeTranslations.identity(structure);
        return 3 * (int) IntStream.range(0, structure.size()).filter(i -> t.representative(i) == i).count();
    }

    /** The force change of one displaced coordinate: the touched atoms (increasing) and −ΔF/2h on each. */
    private record Column(int[] atoms, double[] values) {}

    /** One thread's moving neighbour list and force buffers. */
    private static final class Scratch {
        final NeighborList list;
        final double[] plus;
        final double[] minus;
        final int[] stamp;
        int generation;

        Scratch(NeighborList list, int atoms) {
            this.list = list.scratchCopy();
            this.plus = new double[3 * atoms];
            this.minus = new double[3 * atoms];
            this.stamp = new int[atoms];
        }

        Column column(AtomicPotential potential, Structure structure, int k, int a, double h) {
            // The atoms whose energy depends on x_k: k and its neighbours (each once).
            generation++;
            List<Integer> sources = new ArrayList<>();
            sources.add(k);
            stamp[k] = generation;
            for (int p = list.start(k); p < list.start(k) + list.count(k); p++) {
                int j = list.neighbor(p);
                if (stamp[j] != generation) {
                    stamp[j] = generation;
                    sources.add(j);
                }
            }
            double[] move = new double[3];
            move[a] = h;
            forces(potential, structure, sources, k, move, plus);
            move[a] = -h;
            forces(potential, structure, sources, k, move, minus);
            list.moveAtom(k, 0, 0, 0);
            // The touched atoms: the sources and their neighbours.
            generation++;
            int[] touched = new int[16];
            int count = 0;
            for (int i : sources) {
                if (stamp[i] != generation) {
                    stamp[i] = generation;
                    touched = append(touched, count++, i);
                }
                for (int p = list.start(i); p < list.start(i) + list.count(i); p++) {
                    int j = list.neighbor(p);
                    if (stamp[j] != generation) {
                        stamp[j] = generation;
                        touched = append(touched, count++, j);
                    }
                }
            }
            int[] atoms = Arrays.copyOf(touched, count);
            Arrays.sort(atoms);
            double[] values = new double[3 * count];
            double scale = -1.0 / (2 * h);
            for (int t = 0; t < count; t++) {
                int m = atoms[t];
                for (int b = 0; b < 3; b++) {
                    values[3 * t + b] = scale * (plus[3 * m + b] - minus[3 * m + b]);
                    plus[3 * m + b] = 0;
                    minus[3 * m + b] = 0;
                }
            }
            return new Column(atoms, values);
        }

        private void forces(AtomicPotential potential, Structure structure, List<Integer> sources, int k, double[] move, double[] out) {
            list.moveAtom(k, move[0], move[1], move[2]);
            for (int i : sources) potential.addAtomForces(structure, list, i, out);
        }

        private static int[] append(int[] a, int size, int v) {
            if (size == a.length) a = Arrays.copyOf(a, 2 * size);
            a[size] = v;
            return a;
        }
    }

    /** Rows of the displaced atoms from their columns, translated rows sharing them, then S ← (S + Sᵀ)/2. */
    private static SparseHessian assemble(int atoms, LatticeTranslations translations, int[] displaced, Column[][] columns) {
        int[] slot = new int[atoms]; // displaced atom → its index in displaced
        Arrays.fill(slot, -1);
        for (int r = 0; r < displaced.length; r++) slot[displaced[r]] = r;
        int[] poolStart = new int[displaced.length + 1];
        int[][] repColumns = new int[displaced.length][];
        for (int r = 0; r < displaced.length; r++) {
            // The three columns of one atom touch the same atoms (one neighbour list).
            repColumns[r] = columns[r][0].atoms();
            poolStart[r + 1] = poolStart[r] + repColumns[r].length;
        }
        double[] pool = new double[9 * poolStart[displaced.length]];
        for (int r = 0; r < displaced.length; r++) {
            for (int a = 0; a < 3; a++) {
                double[] v = columns[r][a].values();
                for (int t = 0; t < repColumns[r].length; t++) {
                    for (int b = 0; b < 3; b++) pool[9 * (poolStart[r] + t) + 3 * a + b] = v[3 * t + b];
                }
            }
        }
        int[] rowStart = new int[atoms + 1];
        int[] blockStart = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            int r = slot[translations.representative(i)];
            rowStart[i + 1] = rowStart[i] + repColumns[r].length;
            blockStart[i] = poolStart[r];
        }
        int[] column = new int[rowStart[atoms]];
        for (int i = 0; i < atoms; i++) {
            int[] rep = repColumns[slot[translations.representative(i)]];
            int t = translations.carrier(i);
            for (int e = 0; e < rep.length; e++) column[rowStart[i] + e] = translations.translate(rep[e], t);
        }
        double asym = symmetrise(atoms, rowStart, column, blockStart, pool);
        return new SparseHessian(atoms, rowStart, column, blockStart, pool, asym);
    }

    /**
     * Averages each block with the transpose of its partner (j, i) once per pool block; a block
     * without a partner lies beyond the reach of the forces (exactly zero) and is zeroed.
     * Returns the largest |S_km − S_mk| before.
     */
    private static double symmetrise(int atoms, int[] rowStart, int[] column, int[] blockStart, double[] pool) {
        boolean[] done = new boolean[pool.length / 9];
        double asym = 0;
        for (int i = 0; i < atoms; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int a = blockStart[i] + e - rowStart[i];
                if (done[a]) continue;
                int j = column[e];
                int b = -1;
                for (int f = rowStart[j]; f < rowStart[j + 1]; f++) {
                    if (column[f] == i) {
                        b = blockStart[j] + f - rowStart[j];
                        break;
                    }
                }
                done[a] = true;
                if (b < 0) {
                    for (int q = 0; q < 9; q++) {
                        asym = Math.max(asym, Math.abs(pool[9 * a + q]));
                        pool[9 * a + q] = 0;
                    }
                    continue;
                }
                done[b] = true;
                for (int x = 0; x < 3; x++) {
                    for (int y = 0; y < 3; y++) {
                        double p = pool[9 * a + 3 * x + y], q = pool[9 * b + 3 * y + x];
                        asym = Math.max(asym, Math.abs(p - q));
                        double s = 0.5 * (p + q);
                        pool[9 * a + 3 * x + y] = s;
                        pool[9 * b + 3 * y + x] = s;
                    }
                }
            }
        }
        return asym;
    }
}
