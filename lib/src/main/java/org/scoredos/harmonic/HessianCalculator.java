package org.scoredos.harmonic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.scoredos.potential.Potential;
import org.scoredos.structure.Structure;

/**
 * The Hessian of a potential with analytic forces, by central differences of the forces:
 * H_{k,m} = −[F_m(x + h e_k) − F_m(x − h e_k)] / 2h. Only the atoms that no lattice
 * translation of the structure relates are displaced (one per primitive-cell site: 6 force
 * evaluations for a perfect bcc supercell instead of 6N); the other rows are the same force
 * constants carried by the translations (see {@link LatticeTranslations}). Each displaced
 * coordinate is independent, so with {@code parallel} they run on the common fork-join pool;
 * the result is the same bits either way.
 */
public final class HessianCalculator {
    /**
     * Default displacement, Å. The truncation error (∝ h²) and the round-off of the force
     * difference (∝ 1/h) balance near 1e-4–1e-5 Å for metallic potentials in double precision.
     */
    public static final double DEFAULT_STEP = 1e-4;

    private final double step;
    private final boolean parallel;
    private final boolean useTranslations;

    /**
     * @param step            finite-difference displacement, Å
     * @param parallel        displace coordinates concurrently
     * @param useTranslations displace only translation-inequivalent atoms (false: all 3N
     *                        coordinates, e.g. to check the reduction)
     */
    public HessianCalculator(double step, boolean parallel, boolean useTranslations) {
        if (!(step > 0) || step > 0.1) throw new IllegalArgumentException("finite-difference step must be in (0, 0.1] Å, got " + step);
        this.step = step;
        this.parallel = parallel;
        this.useTranslations = useTranslations;
    }

    public HessianCalculator(double step, boolean parallel) {
        this(step, parallel, true);
    }

    public HessianCalculator() {
        this(DEFAULT_STEP, false, true);
    }

    public double step() {
        return step;
    }

    /** The Hessian of {@code potential} at {@code structure}. */
    public Hessian compute(Potential potential, Structure structure) {
        return compute(potential, structure, done -> { });
    }

    /**
     * As {@link #compute(Potential, Structure)}, reporting the number of finished displaced
     * coordinates to {@code progress} (possibly from several threads); {@link #displacedCoordinates}
     * says how many there will be.
     */
    public Hessian compute(Potential potential, Structure structure, IntConsumer progress) {
        int atoms = structure.size();
        int n = 3 * atoms;
        LatticeTranslations translations = translations(structure);
        int[] displaced = displacedAtoms(translations, atoms);
        double[] raw = new double[n * n];
        double[] x0 = structure.positions();
        AtomicInteger done = new AtomicInteger();
        IntStream coordinates = IntStream.range(0, 3 * displaced.length);
        if (parallel) coordinates = coordinates.parallel();
        coordinates.forEach(c -> {
            int k = 3 * displaced[c / 3] + c % 3;
            double[] x = x0.clone();
            double[] plus = new double[n];
            double[] minus = new double[n];
            x[k] = x0[k] + step;
            potential.energyAndForces(structure.withPositions(x), plus);
            x[k] = x0[k] - step;
            potential.energyAndForces(structure.withPositions(x), minus);
            double scale = -1.0 / (2 * step);
            for (int m = 0; m < n; m++) raw[k * n + m] = scale * (plus[m] - minus[m]);
            progress.accept(done.incrementAndGet());
        });
        // Rows of the other atoms: H_{π(r)α, π(j)β} = H_{rα, jβ} for the translation π taking r to i.
        for (int i = 0; i < atoms; i++) {
            int r = translations.representative(i);
            if (r == i) continue;
            int[] perm = translations.permutationTo(i);
            for (int a = 0; a < 3; a++) {
                int from = (3 * r + a) * n, to = (3 * i + a) * n;
                for (int j = 0; j < atoms; j++) {
                    for (int b = 0; b < 3; b++) raw[to + 3 * perm[j] + b] = raw[from + 3 * j + b];
                }
            }
        }
        return Hessian.fromRaw(atoms, raw);
    }

    /** How many coordinates {@link #compute} displaces for {@code structure} (two force evaluations each). */
    public int displacedCoordinates(Structure structure) {
        return 3 * displacedAtoms(translations(structure), structure.size()).length;
    }

    private LatticeTranslations translations(Structure structure) {
        return useTranslations ? LatticeTranslations.of(structure) : LatticeTranslations.identity(structure);
    }

    private static int[] displacedAtoms(LatticeTranslations translations, int atoms) {
        return IntStream.range(0, atoms).filter(i -> translations.representative(i) == i).toArray();
    }
}
