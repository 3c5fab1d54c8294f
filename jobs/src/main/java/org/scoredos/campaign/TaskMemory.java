package org.scoredos.campaign;

import java.util.Locale;
import org.apache.spark.SparkConf;
import org.scoredos.io.BadInputException;

/**
 * The memory a campaign needs per descriptor size, estimated before anything is claimed or
 * started: the moments grow as d², and a quadratic descriptor has d = n + n(n+1)/2 features for
 * n bispectrum components (twojmax 20: n = 506, d = 128 777, a co-moment matrix of 133 GB), which
 * used to kill executors with an OutOfMemoryError (exit 52) long after the run began.
 *
 * <p>Per task, in doubles: the shard's moments and their merged copy (2 d²), the sealed JSON it
 * commits (about 20 characters a value, held twice while the buffer grows: 5 d²), the
 * histogram's counts (d × bins) and one cell's samples (d × samples per cell: pass 2 commits,
 * merges and packs a cell from its descriptors held in memory). The driver
 * fits each cell's frame from the merged co-moment: covariance, rotation and the eigensolver's
 * workspace, 4 d². In local mode driver and tasks share one JVM, as many tasks as cores.
 */
final class TaskMemory {
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** What Spark keeps for itself out of every executor heap (its "reserved memory"). */
    private static final long SPARK_RESERVED = 300L << 20;

    private TaskMemory() {}

    /** Bytes one task holds for {@code d} features. */
    static long perTask(long d, long samplesPerCell, long bins) {
        return 8 * (7 * d * d + d * (samplesPerCell + bins + 2));
    }

    /** Bytes the driver holds to fit a cell's frame. */
    static long driver(long d) {
        return 8 * 4 * d * d;
    }

    /**
     * Refuses (exit 2, one line naming the descriptor file) a campaign whose estimate exceeds the
     * heap its tasks get: spark.executor.memory (default 1g) per task on a cluster, the JVM's
     * maximum heap in local mode, where driver and tasks share it.
     */
    static void check(SparkConf conf, String descriptorFile, long d, long samplesPerCell, long bins) {
        boolean local = conf.get("spark.master", "local[*]").startsWith("local");
        long need, have;
        String what;
        if (local) {
            need = localTasks(conf.get("spark.master", "local[*]")) * perTask(d, samplesPerCell, bins) + driver(d);
            have = Runtime.getRuntime().maxMemory() - SPARK_RESERVED;
            what = "the JVM's maximum heap (local mode: set -Xmx, e.g. in SCOREDOS_JAVA_OPTS, or use fewer cores in --master local[N])";
        } else {
            need = perTask(d, samplesPerCell, bins) * conf.getInt("spark.executor.cores", 1);
            have = conf.getSizeAsBytes("spark.executor.memory", "1g") - SPARK_RESERVED;
            what = "spark.executor.memory (--conf spark.executor.memory=…) for spark.executor.cores task(s) each";
        }
        if (need > have) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s: a descriptor of %d features needs about %.1f GiB of task memory (moments of d² = %.3g values), "
                            + "more than the %.1f GiB of %s: use a smaller twojmax, a linear descriptor (quadraticflag 0) or fewer samples per cell",
                    descriptorFile, d, need / GIB, (double) d * d, Math.max(have, 0) / GIB, what));
        }
    }

    /** Concurrent tasks of a local master: N of local[N] or local[N,M], the cores of local[*], 1 for local. */
    static int localTasks(String master) {
        int open = master.indexOf('[');
        if (open < 0) return 1;
        String n = master.substring(open + 1, master.length() - 1).split(",")[0];
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }
}
