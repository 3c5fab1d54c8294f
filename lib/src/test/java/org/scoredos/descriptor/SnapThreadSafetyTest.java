package org.scoredos.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.scoredos.potential.LinearSnapPotential;
import org.scoredos.structure.Structure;

/** One potential instance shared by several threads, as Spark tasks of an executor share it. */
class SnapThreadSafetyTest {

    @Test
    void concurrentCallsGiveTheSerialResults() throws Exception {
        SnapParameters p = SnapLammpsReferenceTest.wParams();
        LinearSnapPotential w = LinearSnapPotential.of(p, SnapLammpsReferenceTest.wCoefficients(p));
        List<Structure> structures = new ArrayList<>();
        for (int k = 0; k < 8; k++) structures.add(TestStructures.rattled(TestStructures.resource("/w-snap/W-a15.dat"), 0.1, k));
        double[] serial = new double[structures.size()];
        double[][] serialForces = new double[structures.size()][];
        for (int k = 0; k < serial.length; k++) {
            serialForces[k] = new double[3 * structures.get(k).size()];
            serial[k] = w.energyAndForces(structures.get(k), serialForces[k]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Structure s : structures) {
                    results.add(pool.submit(() -> {
                        double[] f = new double[3 * s.size() + 1];
                        double[] forces = new double[3 * s.size()];
                        f[0] = w.energyAndForces(s, forces);
                        System.arraycopy(forces, 0, f, 1, forces.length);
                        return f;
                    }));
                }
            }
            for (int q = 0; q < results.size(); q++) {
                int k = q % structures.size();
                double[] got = results.get(q).get();
                assertEquals(serial[k], got[0], 0.0);
                double[] forces = new double[got.length - 1];
                System.arraycopy(got, 1, forces, 0, forces.length);
                assertArrayEquals(serialForces[k], forces, 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
