package org.scoredos.thermo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scoredos.harmonic.Hessian;
import org.scoredos.harmonic.HessianCalculator;
import org.scoredos.harmonic.TestCrystals;
import org.scoredos.io.BadInputException;
import org.scoredos.potential.MorsePotential;
import org.scoredos.structure.Structure;
import org.scoredos.structure.AtomMasses;

class TiPlanTest {
    private static final Structure CU = TestCrystals.fcc(3.61, 2, TestCrystals.CU_MASS);
    private static final MorsePotential MORSE = TestCrystals.morseCopper();
    private static final Hessian H = new HessianCalculator().compute(MORSE, CU);
    private static final TiSettings SHORT = new TiSettings(0.004, 5, 20, 100, 5, 4, 3);

    /** Morse copper (anharmonic) from its own Hessian, two temperatures × three λ nodes. */
    private static TiPlan plan(long seed) {
        return new TiPlan(MORSE, CU, H, AtomMasses.of(CU), new double[] {500, 1200}, SHORT, seed);
    }

    @Test
    void tasksInAnyOrderOrInParallelGiveIdenticalResults() {
        TiPlan plan = plan(7);
        assertEquals(6, plan.size());
        List<LambdaSample> inOrder = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) inOrder.add(plan.run(i));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        Collections.shuffle(order, new Random(3));
        List<LambdaSample> shuffled = new ArrayList<>();
        for (int i : order) shuffled.add(plan(7).run(i)); // a fresh plan, as on another executor
        for (LambdaSample s : shuffled) assertEquals(inOrder.get(s.index()), s);

        List<TiResult> a = plan.combine(inOrder);
        List<TiResult> b = plan.combine(shuffled);
        List<TiResult> c = ThermodynamicIntegration.run(plan, true);
        for (int t = 0; t < 2; t++) {
            for (List<TiResult> other : List.of(b, c)) {
                assertEquals(a.get(t).freeEnergy(), other.get(t).freeEnergy());
                assertEquals(a.get(t).error(), other.get(t).error());
                assertArrayEquals(a.get(t).integrand(), other.get(t).integrand());
            }
        }
        assertNotEquals(inOrder.get(0).meanDifference(), plan(8).run(0).meanDifference(), "another seed, another trajectory");
    }

    @Test
    void taskIndexNamesTemperatureAndNode() {
        TiPlan plan = plan(1);
        LambdaSample s = plan.run(4);
        assertEquals(1, s.temperatureIndex());
        assertEquals(1, s.node());
        assertEquals(1200, s.temperature());
        assertEquals(0.5, s.lambda(), 1e-15); // middle node of 3-point Gauss–Legendre
        // A sanity check that the task ran at its temperature: 32 atoms over 100 correlated steps
        // fluctuate by ~20 %, so a tighter bound would test the trajectory, not the plan
        // (equipartition is tested with proper statistics in LangevinIntegratorTest).
        assertTrue(Math.abs(s.kineticTemperature() - 1200) < 0.5 * 1200, "kinetic temperature " + s.kineticTemperature());
        assertThrows(IndexOutOfBoundsException.class, () -> plan.run(6));
    }

    @Test
    void combineNeedsEveryTaskOnce() {
        TiPlan plan = plan(1);
        List<LambdaSample> all = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) all.add(new LambdaSample(i, i / 3, i % 3, i < 3 ? 500 : 1200, plan.path().node(i % 3), 0, 0, 0));
        assertEquals(2, plan.combine(all).size());
        List<LambdaSample> missing = new ArrayList<>(all.subList(0, 5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plan.combine(missing)).getMessage().contains("task 5 is missing"));
        List<LambdaSample> twice = new ArrayList<>(all);
        twice.add(all.get(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plan.combine(twice)).getMessage().contains("task 2 given twice"));
    }

    @Test
    void badPlansAreRefusedWithOneLine() {
        assertThrows(BadInputException.class, () -> new TiPlan(MORSE, CU, H, AtomMasses.of(CU), new double[] {0}, SHORT, 1));
        assertThrows(BadInputException.class, () -> new TiPlan(MORSE, CU, H, AtomMasses.of(CU), new double[0], SHORT, 1));
        assertThrows(BadInputException.class, () -> new TiSettings(0.002, 5, 10, 100, 10, 20, 4)); // 10 samples, 20 blocks
        // a Hessian that leaves two atoms free (six zero modes) cannot bind the crystal with only the centre of mass fixed
        double[][] loose = H.toArray();
        for (int k = 0; k < loose.length; k++) {
            for (int m = 0; m < loose.length; m++) if (k < 6 || m < 6) loose[k][m] = 0;
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> new TiPlan(MORSE, CU, Hessian.of(loose), AtomMasses.of(CU), new double[] {300}, SHORT, 1));
        assertTrue(e.getMessage().contains("zero modes"), e.getMessage());
    }
}
