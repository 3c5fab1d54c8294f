package org.scoredos.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Structure;

/** FIRE relaxation: it reaches a force minimum downhill, leaves a minimum alone and keeps a vacancy's symmetry. */
class FireRelaxationTest {
    private static final double W_A = 3.1803;
    private static LinearSnapPotential snap;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Path.of("src/test/resources/w-snap");
        SnapParameters p = SnapParameterReader.read(dir.resolve("D.snapparam"));
        snap = LinearSnapPotential.of(p, SnapCoefficientReader.read(dir.resolve("X_W.snapcoeff"), p));
    }

    @Test
    void rattledCrystalGoesDownhillToTheLatticeMinimum() {
        MorsePotential morse = TestCrystals.morseCopper();
        Structure perfect = TestCrystals.fcc(3.615, 3, TestCrystals.CU_MASS);
        Structure rattled = rattled(perfect, 0.08, 3);
        List<Double> energies = new ArrayList<>();
        FireRelaxation.Settings settings = new FireRelaxation.Settings(1e-6, 2000);
        FireRelaxation.Result r = FireRelaxation.relax(morse, rattled, settings, (step, e, f) -> energies.add(e));

        assertTrue(r.converged(), "not converged in " + r.steps() + " steps, max force " + r.maxForce());
        double[] f = new double[3 * rattled.size()];
        assertEquals(r.energy(), morse.energyAndForces(r.structure(), f), 1e-12 * Math.abs(r.energy()));
        assertTrue(FireRelaxation.maxForce(f) < 1e-6, "max |F| " + FireRelaxation.maxForce(f));
        assertEquals(r.steps(), energies.size());
        assertTrue(r.energy() < r.initialEnergy() - 0.1, r.initialEnergy() + " → " + r.energy());
        // the only minimum near the rattled fcc crystal is the crystal itself (translated: the forces sum to 0)
        assertEquals(morse.energy(perfect), r.energy(), 1e-9 * perfect.size());
    }

    @Test
    void perfectCrystalStaysPut() {
        Structure perfect = TestCrystals.bcc(W_A, 3, TestCrystals.W_MASS);
        FireRelaxation.Result r = FireRelaxation.relax(snap, perfect, new FireRelaxation.Settings(1e-9, 50), null);
        assertTrue(r.converged());
        assertEquals(0, r.steps());
        assertArrayEquals(perfect.positions(), r.structure().positions(), 0.0);
        assertEquals(r.initialEnergy(), r.energy(), 0.0);
    }

    @Test
    void vacancyRelaxesSymmetricallyAndLowersTheEnergy() {
        Structure perfect = TestCrystals.bcc(W_A, 3, TestCrystals.W_MASS);
        Structure vacancy = withoutAtom(perfect, 0); // the vacancy sits at the origin
        FireRelaxation.Result r = FireRelaxation.relax(snap, vacancy, new FireRelaxation.Settings(1e-5, 2000), null)
                .requireConverged("vacancy", new FireRelaxation.Settings(1e-5, 2000));
        assertTrue(r.energy() < r.initialEnergy(), r.initialEnergy() + " → " + r.energy());

        // the 8 first and 6 second neighbours of the vacancy: each shell moves radially, all by the same amount
        double[] before = vacancy.positions(), after = r.structure().positions();
        double first = shellDisplacement(vacancy, before, after, Math.sqrt(3) / 2 * W_A, 8);
        double second = shellDisplacement(vacancy, before, after, W_A, 6);
        assertTrue(first < 0 && Math.abs(first) > 1e-3, "first shell moves towards the vacancy: " + first);
        assertTrue(Math.abs(second) > 1e-4, "second shell moves: " + second);
        // no net drift: the forces of a periodic cell sum to zero
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int i = 0; i < vacancy.size(); i++) sum += after[3 * i + c] - before[3 * i + c];
            assertEquals(0, sum, 1e-8);
        }
    }

    @Test
    void nonConvergenceIsRefusedWithTheForceLeft() {
        Structure vacancy = withoutAtom(TestCrystals.bcc(W_A, 3, TestCrystals.W_MASS), 0);
        FireRelaxation.Settings settings = new FireRelaxation.Settings(1e-8, 3);
        FireRelaxation.Result r = FireRelaxation.relax(snap, vacancy, settings, null);
        assertFalse(r.converged());
        assertEquals(3, r.steps());
        BadInputException e = assertThrows(BadInputException.class, () -> r.requireConverged("W-vac.data", settings));
        assertTrue(e.getMessage().startsWith("W-vac.data: relaxation did not converge in 3 steps: largest force "), e.getMessage());
        assertThrows(BadInputException.class, () -> new FireRelaxation.Settings(0, 10));
        assertThrows(BadInputException.class, () -> new FireRelaxation.Settings(1e-4, 0));
    }

    /**
     * The radial displacement (Å, positive outwards) shared by the {@code count} atoms at distance
     * {@code radius} from the origin (the vacancy), after checking that each moved radially and by the same amount.
     */
    private static double shellDisplacement(Structure s, double[] before, double[] after, double radius, int count) {
        double length = s.cell().vector(0)[0];
        List<Double> radial = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            double[] r = new double[3], d = new double[3];
            for (int c = 0; c < 3; c++) {
                double x = before[3 * i + c];
                r[c] = x - length * Math.rint(x / length); // minimum image of the vacancy at the origin
                d[c] = after[3 * i + c] - before[3 * i + c];
            }
            double norm = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
            if (Math.abs(norm - radius) > 1e-6) continue;
            double along = (d[0] * r[0] + d[1] * r[1] + d[2] * r[2]) / norm;
            double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            assertEquals(0, Math.sqrt(Math.max(0, dd - along * along)), 1e-5, "atom " + i + " moves off its radial line");
            radial.add(along);
        }
        assertEquals(count, radial.size());
        for (double x : radial) assertEquals(radial.get(0), x, 1e-5);
        return radial.get(0);
    }

    static Structure withoutAtom(Structure s, int removed) {
        int n = s.size() - 1;
        double[] x = new double[3 * n], all = s.positions();
        int[] types = new int[n];
        for (int i = 0, k = 0; i < s.size(); i++) {
            if (i == removed) continue;
            System.arraycopy(all, 3 * i, x, 3 * k, 3);
            types[k++] = s.type(i);
        }
        return new Structure(s.cell(), x, types, s.massByType());
    }

    private static Structure rattled(Structure s, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) x[k] += amplitude * (2 * random.nextDouble() - 1);
        return s.withPositions(x);
    }
}
