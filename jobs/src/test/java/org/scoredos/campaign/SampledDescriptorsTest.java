package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.summary.ReferenceConstants;

public class SampledDescriptorsTest {
    @TempDir
    Path tmp;

    @TempDir
    static Path hessians;

    /** A 16-atom W bcc campaign with the bundled SNAP potential as reference and descriptor. */
    public static Path tinyConfig(Path dir, String extra) throws Exception {
        return TinyCampaign.write(dir, """
                tau: [0.0001, 1.0]
                samples: 32
                samplesPerShard: 16
                histogram: {bins: 20}
                seed: 11
                output: %s
                """.formatted(dir.resolve("out")) + extra);
    }

    private CampaignSetup.Prepared prepare(Path yaml) throws Exception {
        return prepare(yaml, hessians);
    }

    private static CampaignSetup.Prepared prepare(Path yaml, Path hessianCache) throws Exception {
        CampaignConfig c = CampaignConfigReader.read(yaml);
        return CampaignSetup.prepare(c, yaml, hessianCache, new Progress(new PrintWriter(new StringWriter()), "tiny", Duration.ofMinutes(1)));
    }

    @Test
    void samplesAreReproducibleAndShrinkOntoTheLatticeDescriptorAtSmallTau() throws Exception {
        CampaignSetup.Prepared p = prepare(tinyConfig(tmp, ""));
        ReferenceConstants ref = p.phases().get(0);
        assertEquals(16, ref.atoms());
        assertEquals(45, ref.stableModes());
        assertEquals(55, p.source().components());
        CampaignCell cold = new CampaignCell(0, 0, 0.0, 1e-4), hot = new CampaignCell(1, 0, 0.0, 1.0);
        Shard first = new Shard(0, 0, 0, 16);
        double[][] a = p.source().descriptors(cold, first), b = p.source().descriptors(cold, first);
        assertEquals(16, a.length);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0.0, "same shard, same bits");
        double coldSpread = spread(a, ref.d0()), hotSpread = spread(p.source().descriptors(hot, new Shard(1, 0, 0, 16)), ref.d0());
        double scale = 0;
        for (double v : ref.d0()) scale = Math.max(scale, Math.abs(v));
        assertTrue(coldSpread < 1e-2 * scale, "at τ = 1e-4 the samples sit next to the lattice: " + coldSpread);
        // displacements grow as √τ, descriptors to first order with them
        assertTrue(hotSpread > 30 * coldSpread, coldSpread + " vs " + hotSpread);
        double[][] other = prepare(tinyConfig(tmp, "")).source().descriptors(cold, new Shard(0, 1, 16, 32));
        assertTrue(other[0][3] != a[0][3], "another shard, other samples");
        // the Hessian and its two decompositions came from the cache the second time
        try (var files = Files.list(hessians)) {
            assertEquals(List.of("hessian", "modes", "reprojected-modes"),
                    files.map(f -> f.getFileName().toString().replaceFirst("^[0-9a-f]{64}\\.", "")).sorted().toList());
        }
    }

    /**
     * In local mode the executors use the driver's SNAP engine (a broadcast hands them the
     * driver's object); a remote executor deserialises the source and builds its own from the
     * description. The two give the same bits, sample by sample.
     */
    @Test
    void aRebuiltSourceGivesTheDriversBits() throws Exception {
        CampaignSetup.Prepared p = prepare(tinyConfig(tmp, ""));
        SnapshotDescriptors rebuilt = deserialised(serialised(p.source()));
        CampaignCell hot = new CampaignCell(1, 0, 0.0, 1.0);
        Shard shard = new Shard(1, 0, 0, 16);
        double[][] driver = p.source().descriptors(hot, shard), remote = rebuilt.descriptors(hot, shard);
        assertEquals(16, remote.length);
        for (int i = 0; i < driver.length; i++) assertArrayEquals(driver[i], remote[i], 0.0, "sample " + i);
    }

    private static byte[] serialised(Object o) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static SnapshotDescriptors deserialised(byte[] bytes) throws Exception {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return (SnapshotDescriptors) in.readObject();
        }
    }

    @Test
    void einsteinShellsAreIsotropic() throws Exception {
        CampaignSetup.Prepared p = prepare(tinyConfig(tmp, "sampler: einstein\n"));
        ReferenceConstants ref = p.phases().get(0);
        assertEquals(0.0, ref.meanLogNu());
        assertEquals(45, ref.stableModes());
        double[][] d = p.source().descriptors(new CampaignCell(1, 0, 0.0, 1.0), new Shard(1, 0, 0, 4));
        assertEquals(4, d.length);
        for (double[] row : d) for (double v : row) assertTrue(Double.isFinite(v));
        double moved = 0;
        for (int k = 0; k < 55; k++) moved = Math.max(moved, Math.abs(d[0][k] - ref.d0()[k]));
        assertTrue(moved > 0, "samples leave the lattice");
    }

    @Test
    void kineticSnapshotsFollowOneTrajectoryPerShardAtTheCellsEnergy() throws Exception {
        CampaignSetup.Prepared p = prepare(tinyConfig(tmp, "sampler: kinetic\nkinetic: {stride: 4, equilibration: 8}\n"));
        ReferenceConstants ref = p.phases().get(0);
        CampaignCell cold = new CampaignCell(0, 0, 0.0, 1e-4), hot = new CampaignCell(1, 0, 0.0, 1.0);
        double[][] a = p.source().descriptors(hot, new Shard(1, 0, 0, 6)), prefix = p.source().descriptors(hot, new Shard(1, 0, 0, 3));
        assertEquals(6, a.length);
        for (int i = 0; i < 3; i++) assertArrayEquals(a[i], prefix[i], 0.0, "a short shard is the start of the long one");
        double[][] later = p.source().descriptors(hot, new Shard(1, 1, 6, 12));
        assertTrue(later[0][3] != a[0][3], "another shard, another trajectory");
        double coldSpread = spread(p.source().descriptors(cold, new Shard(0, 0, 0, 6)), ref.d0()), hotSpread = spread(a, ref.d0());
        assertTrue(hotSpread > 30 * coldSpread, "amplitudes grow as the square root of the energy: " + coldSpread + " vs " + hotSpread);
    }

    /**
     * Common random numbers: a cell at another strain drawing its first strain's streams gives,
     * sample by sample, nearly the first strain's descriptors (the shared g through each
     * strain's own H^{-1/2}, whatever basis the eigensolver picks within bcc's degenerate
     * modes); with its own streams the samples are unrelated.
     */
    @Test
    void strainsAtTheSameTauShareTheirRandomStreams() throws Exception {
        CampaignConfig c = CampaignConfigReader.read(tinyConfig(tmp, "strains: [0.0, 0.004]\n"));
        ShardPlan plan = ShardPlan.of(c);
        CampaignCell first = plan.cellAt(0, 1.0), second = plan.cellAt(1, 1.0);
        assertEquals(first.index(), second.stream());
        // its own Hessian cache: the shared one holds the single-strain Hessian only
        CampaignSetup.Prepared p = prepare(tinyConfig(tmp, "strains: [0.0, 0.004]\n"), tmp.resolve("hessians"));
        Shard shard = new Shard(first.index(), 0, 0, 16);
        double[][] a = p.source().descriptors(first, shard), shared = p.source().descriptors(second, shard);
        double[][] own = p.source().descriptors(new CampaignCell(second.index(), 1, 0.004, 1.0), shard);
        double sharedDistance = meanDistance(a, shared), ownDistance = meanDistance(a, own);
        assertTrue(sharedDistance < 0.1 * ownDistance, "shared streams " + sharedDistance + " vs own " + ownDistance);
        // a replica (seed + 1) shares its streams across its strains, none with the first seed
        Path replicaYaml = tinyConfig(Files.createDirectories(tmp.resolve("replica")), "strains: [0.0, 0.004]\n");
        Files.writeString(replicaYaml, Files.readString(replicaYaml).replace("seed: 11", "seed: 12"));
        CampaignSetup.Prepared replica = prepare(replicaYaml, tmp.resolve("hessians"));
        double[][] b = replica.source().descriptors(first, shard), bShared = replica.source().descriptors(second, shard);
        assertTrue(meanDistance(b, bShared) < 0.1 * ownDistance, "the replica's strains share streams");
        double across = meanDistance(a, b);
        assertTrue(across > 0.7 * ownDistance, "seed + 1 draws unrelated samples: " + across + " vs own streams " + ownDistance);
    }

    /** Mean over samples of |D_a − D_b| after removing each set's mean (the strain's lattice shift). */
    private static double meanDistance(double[][] a, double[][] b) {
        int d = a[0].length;
        double[] ma = new double[d], mb = new double[d];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < d; k++) {
                ma[k] += a[i][k] / a.length;
                mb[k] += b[i][k] / b.length;
            }
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double r = 0;
            for (int k = 0; k < d; k++) r += Math.pow(a[i][k] - ma[k] - b[i][k] + mb[k], 2);
            s += Math.sqrt(r) / a.length;
        }
        return s;
    }

    private static double spread(double[][] x, double[] d0) {
        double max = 0;
        for (double[] row : x) for (int k = 0; k < row.length; k++) max = Math.max(max, Math.abs(row[k] - d0[k]));
        return max;
    }
}
