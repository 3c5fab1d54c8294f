package org.scoredos.verify;

import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.model.ModelDescription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.harmonic.HessianCache;
import org.scoredos.io.BadInputException;
import org.scoredos.structure.Lattices;
import org.scoredos.structure.Structure;
import org.scoredos.thermo.ThermodynamicIntegration;
import org.scoredos.thermo.TiPlan;
import org.scoredos.thermo.TiResult;
import org.scoredos.thermo.TiSettings;
import org.scoredos.structure.AtomMasses;

/** The verify job on Spark local[2]: bcc W (16 atoms, bundled SNAP) with very short TI runs. */
class VerifyJobTest {
    static final Path W = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
    static final double MASS = 183.84;
    static final double[] TEMPERATURES = {300, 1000};
    /** 4 fs steps, 20 + 40 steps per node, 2 nodes: a few ms per task. */
    static final TiSettings SHORT = new TiSettings(0.004, 5.0, 20, 40, 2, 4, 2);

    private static JavaSparkContext sc;

    @TempDir
    Path hessians;

    @BeforeAll
    static void spark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("VerifyJobTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        sc.setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    static TiTasks.Snap snap(double beta0) throws Exception {
        Path params = W.resolve("D.snapparam");
        SnapParameters p = SnapParameterReader.read(params);
        return new TiTasks.Snap(ModelDescription.singleElement(params.toString(), p, 0.5, 1.0, beta0, new double[p.descriptorCount()]));
    }

    static Structure lattice() {
        return Lattices.bcc(3.1803, 2, 2, 2).withMassByType(new double[] {MASS});
    }

    private TiTasks tasks(double[][] thetas) throws Exception {
        CoefficientFile file = CoefficientFile.read(W.resolve("X_W.snapcoeff"), 55);
        return TiTasks.prepare(snap(file.beta0()), thetas, lattice(), MASS, TEMPERATURES, SHORT, 5, new HessianCache(hessians));
    }

    private static double[] theta() throws Exception {
        return CoefficientFile.read(W.resolve("X_W.snapcoeff"), 55).theta();
    }

    private static List<List<TiResult>> spark(TiTasks tasks, int partitions, StringWriter err) {
        return VerifyJob.run(sc, tasks, partitions, new PrintWriter(err, true), "verify test", Duration.ofMinutes(1));
    }

    @Test
    void theDistributedJobGivesTheBitsOfTheSingleJvmRunForEveryModelAndPartitioning() throws Exception {
        double[][] thetas = ModelEnsemble.of(theta(), 1, 0.01, 3);
        TiTasks tasks = tasks(thetas);
        assertEquals(2 * 2 * 2, tasks.size());
        StringWriter err = new StringWriter();
        List<List<TiResult>> perTask = spark(tasks, 0, err);
        List<List<TiResult>> fewer = spark(tasks, 3, new StringWriter());
        assertTrue(err.toString().contains("verify test: TI tasks 8/8, ETA 0:00:00"), err.toString());

        for (int m = 0; m < 2; m++) {
            // the same plan built from scratch, its own Hessian, run in this JVM task after task
            TiPlan plan = TiPlan.ownHessian(snap(0).potential(thetas[m]), lattice(), AtomMasses.of(lattice()), TEMPERATURES, SHORT, 5);
            List<TiResult> local = ThermodynamicIntegration.run(plan, false);
            for (int i = 0; i < TEMPERATURES.length; i++) {
                TiResult a = perTask.get(m).get(i), b = fewer.get(m).get(i), c = local.get(i);
                assertEquals(c.freeEnergy(), a.freeEnergy(), 0.0, "model " + m + ", task per partition");
                assertEquals(c.error(), a.error(), 0.0);
                assertEquals(c.freeEnergy(), b.freeEnergy(), 0.0, "model " + m + ", 3 partitions");
                assertEquals(c.error(), b.error(), 0.0);
                assertEquals(TEMPERATURES[i], a.temperature());
                // short runs, but still near the harmonic free energy: the anharmonic part of W is a few meV at most here
                assertTrue(Math.abs(a.anharmonic()) < (i == 0 ? 2e-3 : 2e-2), "T " + TEMPERATURES[i] + ": " + a.anharmonic());
                assertTrue(a.error() > 0 && a.error() < 5e-3, "σ_TI " + a.error());
            }
        }
        // a 1 % perturbation moves F, but not by much
        double shift = perTask.get(1).get(1).harmonicFreeEnergy() - perTask.get(0).get(1).harmonicFreeEnergy();
        assertTrue(shift != 0 && Math.abs(shift) < 0.05 * Math.abs(perTask.get(0).get(1).harmonicFreeEnergy()), "ΔF_harm " + shift);
        // the Hessians of both models were cached: a second preparation computes none
        try (var files = Files.list(hessians)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aTaskCopiedAsAnExecutorGetsItReproducesItsSample() throws Exception {
        TiTasks tasks = tasks(new double[][] {theta()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tasks);
        }
        TiTasks copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TiTasks) in.readObject();
        }
        for (int t : new int[] {0, 3}) assertEquals(tasks.run(t), copy.run(t));
    }

    @Test
    void aModelWithoutAStableCrystalIsRefusedBeforeAnyTask() throws Exception {
        double[] theta = theta();
        double[] flipped = new double[theta.length];
        for (int i = 0; i < theta.length; i++) flipped[i] = -theta[i];
        BadInputException e = assertThrows(BadInputException.class, () -> tasks(new double[][] {theta, flipped}));
        assertTrue(e.getMessage().startsWith("model 1: "), e.getMessage());
    }

    @Test
    void aThetaOfTheWrongLengthIsBadInput() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> snap(0).potential(new double[30]));
        assertTrue(e.getMessage().contains("55 descriptor components, θ has 30"), e.getMessage());
    }
}
