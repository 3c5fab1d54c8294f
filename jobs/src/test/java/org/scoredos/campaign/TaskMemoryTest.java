package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;

/** The campaign's memory estimate against the heap its tasks get (issue #22: twojmax 20 quadratic, an executor OOM). */
class TaskMemoryTest {
    private static SnapParameters quadratic(int twojmax) {
        return new SnapParameters(4.7, 0.99363, twojmax, 0, true, true, true, false, false);
    }

    @Test
    void twojmax20QuadraticIsRefusedBeforeItStartsNamingTheFileAndTheEstimate() {
        long d = quadratic(20).descriptorCount();
        assertEquals(506 + 506 * 507 / 2, d, "n = 506 bispectrum components and their n(n+1)/2 products");
        // 7 d² doubles per task: 865.2 GiB, beyond any executor
        assertEquals(8 * (7 * d * d + d * (256 + 20 + 2)), TaskMemory.perTask(d, 256, 20));
        SparkConf cluster = new SparkConf().setMaster("spark://h:7077").set("spark.executor.memory", "8g");
        BadInputException e = assertThrows(BadInputException.class, () -> TaskMemory.check(cluster, "q20.snapparam", d, 256, 20));
        assertTrue(e.getMessage().startsWith("q20.snapparam: a descriptor of 128777 features needs about 865.2 GiB of task memory"),
                e.getMessage());
        assertTrue(e.getMessage().contains("than the 7.7 GiB of spark.executor.memory"), e.getMessage());
        SparkConf local = new SparkConf().setMaster("local[2]");
        e = assertThrows(BadInputException.class, () -> TaskMemory.check(local, "q20.snapparam", d, 256, 20));
        assertTrue(e.getMessage().contains("the JVM's maximum heap"), e.getMessage());
    }

    @Test
    void theDescriptorsWeRunFit() {
        long linear = new SnapParameters(4.7, 0.99363, 8, 0, true, false, true, false, false).descriptorCount();
        long quadratic8 = quadratic(8).descriptorCount();
        assertEquals(55, linear);
        assertEquals(55 + 55 * 56 / 2, quadratic8);
        SparkConf cluster = new SparkConf().setMaster("yarn"); // default spark.executor.memory 1g, one core
        TaskMemory.check(cluster, "w.snapparam", linear, 256, 100);
        TaskMemory.check(cluster, "q8.snapparam", quadratic8, 256, 100); // 7 × 1595² doubles: 142 MB
        TaskMemory.check(new SparkConf().setMaster("local[1]"), "w.snapparam", linear, 1 << 16, 100);
    }

    @Test
    void localMastersRunAsManyTasksAsTheirCores() {
        assertEquals(1, TaskMemory.localTasks("local"));
        assertEquals(3, TaskMemory.localTasks("local[3]"));
        assertEquals(4, TaskMemory.localTasks("local[4,2]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), TaskMemory.localTasks("local[*]"));
    }
}
