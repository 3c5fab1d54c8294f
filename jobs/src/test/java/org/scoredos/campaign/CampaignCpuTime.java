package org.scoredos.campaign;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.apache.spark.SparkConf;
import org.scoredos.compression.TwoPassCompression;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.sample.Snapshot;
import org.scoredos.structure.Structure;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.DescriptorMoments;

/**
 * A campaign's work per sample, in its own terms and on one hot thread, timed by the thread's CPU
 * time (user + system), so that other processes on a shared machine do not inflate it:
 * {@code deploy/bin/bench --cpu-time Campaign [CONFIG]} (default {@code conf/campaigns/w-bcc.yaml}).
 * The whole executor-side call ({@link SnapshotDescriptors#descriptors}) and its parts: the
 * harmonic draw (isosurface sample, displaced structure, contact check), the neighbour list, the
 * recorded vector (neighbour list, SNAP, fixed terms), both passes' statistics of a shard, and a
 * shard's commit to a local output (encoding, seal, file, rename), and the campaign call again on
 * one thread per core at once (as a local campaign's task threads run; each thread timed by its own
 * CPU time). Each figure is the median of
 * {@value #ROUNDS} rounds over the first shard of every cell, after {@value #WARMUP} rounds of warm-up.
 */
public final class CampaignCpuTime {
    private static final int WARMUP = 3;
    private static final int ROUNDS = 7;

    private CampaignCpuTime() {}

    public static void main(String[] args) throws Exception {
        Path yaml = Path.of(args.length > 0 ? args[0] : "conf/campaigns/w-bcc.yaml");
        Path hessians = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("campaign-cpu-hessians");
        CampaignConfig c = CampaignConfigReader.read(yaml);
        Progress quiet = new Progress(new PrintWriter(new StringWriter()), c.name(), Duration.ofHours(1));
        CampaignSetup.Prepared prepared = CampaignSetup.prepare(c, yaml, hessians, quiet);
        SampledDescriptors source = (SampledDescriptors) prepared.source();
        Path base = yaml.toAbsolutePath().getParent();
        SnapBispectrum bispectrum = CampaignFiles.reference(c, base).bispectrum(CampaignFiles.descriptor(c, base));
        TwoPassCompression compression = new TwoPassCompression(c.compression(), source.components());
        ShardPlan plan = ShardPlan.of(c);
        List<CampaignCell> cells = plan.cells();
        List<Shard> shards = cells.stream().map(cell -> plan.shardsOf(cell.index()).get(0)).toList();
        int samples = shards.stream().mapToInt(Shard::size).sum();

        List<List<Snapshot>> snapshots = new ArrayList<>();
        List<double[][]> described = new ArrayList<>();
        Map<Integer, CellFrame> frames = new HashMap<>();
        for (int k = 0; k < cells.size(); k++) {
            snapshots.add(source.snapshots(cells.get(k), shards.get(k)));
            described.add(source.descriptors(cells.get(k), shards.get(k)));
            DescriptorMoments m = compression.moments(described.get(k));
            frames.put(cells.get(k).index(), compression.frame("cell " + k, m));
        }
        Path outDir = Files.createTempDirectory("campaign-cpu-out");
        // the Hadoop configuration of a local run (its local file system included)
        CampaignStore store = CampaignStore.open(outDir.toString(), SparkContexts.hadoopConfiguration(new SparkConf()),
                CampaignManifest.initial(c, prepared.identity()), null);
        int[] commits = {0};

        System.out.printf(Locale.ROOT, "%s: %d cells, first shard of each, %d samples per round; ms of thread CPU per sample (median of %d rounds; min–max)%n",
                c.name(), cells.size(), samples, ROUNDS);
        report("campaign call (SnapshotDescriptors.descriptors)", samples, () -> {
            long n = 0;
            for (int k = 0; k < cells.size(); k++) n += source.descriptors(cells.get(k), shards.get(k)).length;
            return n;
        });
        // the campaign runs one task thread per core: what each thread's sample costs when both cores are busy with it
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads > 1) {
            reportConcurrent("campaign call, " + threads + " threads at once (per thread)", samples, threads, () -> {
                long n = 0;
                for (int k = 0; k < cells.size(); k++) n += source.descriptors(cells.get(k), shards.get(k)).length;
                return n;
            });
        }
        report("  harmonic draw (sample, displace, contact check)", samples, () -> {
            long n = 0;
            for (int k = 0; k < cells.size(); k++) n += source.snapshots(cells.get(k), shards.get(k)).size();
            return n;
        });
        report("  recorded vector (neighbour list, SNAP, terms)", samples, () -> {
            long n = 0;
            for (List<Snapshot> shard : snapshots) for (Snapshot s : shard) n += source.describe(s.structure()).length;
            return n;
        });
        report("    of which the neighbour list", samples, () -> {
            long n = 0;
            for (List<Snapshot> shard : snapshots) for (Snapshot s : shard) n += neighbours(bispectrum, s.structure());
            return n;
        });
        report("statistics (moments + histogram of the shard)", samples, () -> {
            long n = 0;
            for (int k = 0; k < cells.size(); k++) {
                n += compression.moments(described.get(k)).count();
                n += compression.histogram(described.get(k), frames.get(cells.get(k).index())).counts().length;
            }
            return n;
        });
        report("shard commit (encode, seal, write, rename)", samples, () -> {
            int round = commits[0]++;
            for (int k = 0; k < cells.size(); k++) {
                Shard s = shards.get(k);
                // a new shard index each round: a commit onto an existing file is a retry, not the common path
                Shard fresh = new Shard(s.cell(), s.index() + 1000 * (round + 1), s.start(), s.end());
                store.commit(ShardStatistics.of(prepared.identity(), fresh, described.get(k), frames.get(s.cell()), compression));
            }
            return cells.size();
        });
        report("  of which encoding and seal", samples, () -> {
            long n = 0;
            for (int k = 0; k < cells.size(); k++) {
                n += CampaignStore.encoded(ShardStatistics.of(prepared.identity(), shards.get(k), described.get(k),
                        frames.get(cells.get(k).index()), compression)).length;
            }
            return n;
        });
    }

    private static int neighbours(SnapBispectrum bispectrum, Structure s) {
        return bispectrum.neighbors(s).hashCode() & 1;
    }

    private interface Work {
        long run() throws Exception;
    }

    /**
     * As {@link #report}, the work run on {@code threads} threads at once, every round started
     * together; each thread's CPU time per round is one figure (median and range over all of them).
     */
    private static void reportConcurrent(String what, int samples, int threads, Work work) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CyclicBarrier together = new CyclicBarrier(threads);
        long[] t = new long[threads * ROUNDS];
        List<Thread> running = new ArrayList<>();
        Exception[] failed = new Exception[threads];
        for (int j = 0; j < threads; j++) {
            int thread = j;
            Thread th = new Thread(() -> {
                try {
                    for (int k = 0; k < WARMUP + ROUNDS; k++) {
                        together.await();
                        long t0 = mx.getCurrentThreadCpuTime();
                        if (work.run() == Long.MIN_VALUE) throw new IllegalStateException("!");
                        if (k >= WARMUP) t[thread * ROUNDS + k - WARMUP] = mx.getCurrentThreadCpuTime() - t0;
                    }
                } catch (Exception e) {
                    failed[thread] = e;
                    together.reset();
                }
            });
            running.add(th);
            th.start();
        }
        for (Thread th : running) th.join();
        for (Exception e : failed) if (e != null) throw e;
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-52s %8.4f  (%.4f–%.4f)%n", what, t[t.length / 2] / 1e6 / samples,
                t[0] / 1e6 / samples, t[t.length - 1] / 1e6 / samples);
    }

    private static void report(String what, int samples, Work work) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int k = 0; k < WARMUP; k++) sink += work.run();
        long[] t = new long[ROUNDS];
        for (int k = 0; k < ROUNDS; k++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += work.run();
            t[k] = mx.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-52s %8.4f  (%.4f–%.4f)%s%n", what, t[ROUNDS / 2] / 1e6 / samples,
                t[0] / 1e6 / samples, t[ROUNDS - 1] / 1e6 / samples, sink == Long.MIN_VALUE ? "!" : "");
    }
}
