package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.CommandRun;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellSummary;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.PhaseSummary;

/**
 * Kinetic campaigns on the tiny W crystal: NVE snapshots at each cell's target energy, with the
 * hessian campaign's guarantees (partition-independent bits, exact top-ups) and an
 * energy-conditioned store the isosurface estimators refuse.
 */
class KineticCampaignTest {
    private static JavaSparkContext sc;

    @TempDir
    static Path hessians;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("KineticCampaignTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        sc.setLogLevel("ERROR");
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    /** Two energies, short trajectories: 2 fs steps, snapshots 5 steps apart after 10. */
    private Path config(int samples) throws IOException {
        return TinyCampaign.write(tmp, """
                sampler: kinetic
                kinetic: {timestep: 0.002, stride: 5, equilibration: 10}
                tau: [0.25, 1.5]
                samples: %d
                samplesPerShard: 8
                histogram: {bins: 12}
                score: {order: 3}
                seed: 5
                output: unused
                """.formatted(samples));
    }

    private CampaignJob.Result run(Path yaml, Path out, int partitions) throws IOException {
        CampaignConfig c = CampaignConfigReader.read(yaml).with(CampaignConfigReader.read(yaml).samples(), out.toString());
        Progress progress = new Progress(new PrintWriter(new StringWriter()), c.name(), Duration.ofMinutes(1));
        CampaignSetup.Prepared p = CampaignSetup.prepare(c, yaml, hessians, progress);
        CampaignStore store = CampaignStore.open(c.output(), sc.hadoopConfiguration(), CampaignManifest.initial(c, p.identity()));
        return new CampaignJob(sc, c, p.identity(), p.phases(), p.source(), store, progress, partitions).run();
    }

    private static void assertSameMoments(PhaseSummary a, PhaseSummary b) {
        assertEquals(a.cells().size(), b.cells().size());
        for (int i = 0; i < a.cells().size(); i++) {
            CellSummary x = a.cells().get(i), y = b.cells().get(i);
            assertEquals(x.samples(), y.samples());
            assertArrayEquals(x.mean(), y.mean(), 0.0);
            for (int k = 0; k < x.components(); k++) assertArrayEquals(x.covariance()[k], y.covariance()[k], 0.0);
        }
    }

    @Test
    void writesAnEnergyConditionedStoreWithTheSameBitsForAnyPartitioning() throws IOException {
        Path yaml = config(24);
        CampaignJob.Result one = run(yaml, tmp.resolve("one"), 1);
        CampaignJob.Result many = run(yaml, tmp.resolve("many"), 5);
        assertEquals(6, one.shardsComputed());
        PhaseSummary a = one.phases().get(0), b = many.phases().get(0);
        assertSameMoments(a, b);
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < a.cells().get(i).components(); k++) {
                assertArrayEquals(a.cells().get(i).counts()[k], b.cells().get(i).counts()[k]);
                assertArrayEquals(a.cells().get(i).binEdges()[k], b.cells().get(i).binEdges()[k], 0.0);
            }
        }
        PhaseSummary stored = SummaryStore.read(tmp.resolve("one/summaries/tiny"));
        assertEquals(Conditioning.ENERGY, stored.conditioning());
        assertTrue(Files.readString(tmp.resolve("one/summaries/tiny/manifest.json")).contains("\"conditioning\" : \"energy\""));
        assertSameMoments(a, stored);
        CellSummary cold = stored.cells().get(0), hot = stored.cells().get(1);
        assertEquals(0.25, cold.tau());
        assertEquals(1.5, hot.tau());
        assertTrue(Double.isNaN(cold.alpha()), "MD snapshots have no isosurface α");
        assertEquals(24, hot.samples());
        assertTrue(hot.scores() != null, "score models are fitted as for isosurface cells");
        // the atom-averaged descriptor is stationary at the symmetric lattice, so to leading order it
        // moves off D_0 by a quadratic form of the displacements, whose mean grows like the energy
        double[] d0 = stored.reference().d0();
        double coldShift = 0, hotShift = 0;
        for (int k = 0; k < d0.length; k++) {
            coldShift += Math.pow(cold.mean()[k] - d0[k], 2);
            hotShift += Math.pow(hot.mean()[k] - d0[k], 2);
        }
        double ratio = Math.sqrt(hotShift / coldShift);
        assertEquals(6.0, ratio, 1.5, "six times the energy: the mean descriptor moves off D_0 about six times as far");
    }

    @Test
    void aTopUpAddsShardsAndEqualsAFreshRun() throws IOException {
        Path topped = tmp.resolve("topped");
        run(config(12), topped, 2); // shards 0..7 and a short 8..11 per cell
        CampaignJob.Result topUp = run(config(20), topped, 3);
        assertEquals(4, topUp.shardsComputed(), "8..15 in place of 8..11, and 16..19, per cell");
        CampaignJob.Result fresh = run(config(20), tmp.resolve("fresh"), 2);
        assertSameMoments(fresh.phases().get(0), topUp.phases().get(0));
        assertEquals(0, run(config(20), topped, 2).shardsComputed(), "a rerun resumes with nothing left to do");
    }

    @Test
    void estimatorsRefuseTheStoreAndTheToolsShowIt() throws Exception {
        Path yaml = config(16);
        Path out = tmp.resolve("out");
        run(yaml, out, 2);
        Path store = out.resolve("summaries/tiny");
        Path snap = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();
        String coeff = snap.resolve("X_W.snapcoeff").toString();
        for (String[] args : new String[][] {
            {"estimate", "--summaries", store.toString(), "--coeff", coeff, "--temperatures", "300"},
            {"transition", "--phase", "a=" + store, "--phase", "b=" + store, "--coeff", coeff},
            {"finetune", "--phase", "a=" + store, "--phase", "b=" + store, "--coeff", coeff, "--target-tc", "1000",
                "--out", tmp.resolve("tuned.snapcoeff").toString()},
            {"verify", "--summaries", store.toString(), "--coeff", coeff, "--params", snap.resolve("D.snapparam").toString(),
                "--temperatures", "300"}}) {
            CommandRun r = CommandRun.run(args);
            assertEquals(2, r.code(), args[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(store + ": an energy-conditioned store (from a kinetic campaign) is for inspection only; "
                    + "the free-energy estimators need isosurface- or temperature-conditioned summaries"), r.err());
        }
        CommandRun summaries = CommandRun.run("summaries", "--summaries", store.toString(), "--cell", "1", "--components", "0", "--format", "json");
        assertEquals(0, summaries.code(), summaries.err());
        JsonNode cell = new ObjectMapper().readTree(summaries.out()).get("components").get(0);
        assertEquals(1.5, cell.get("tau").asDouble());
        assertEquals(16, cell.get("samples").asLong());
        CommandRun status = CommandRun.run("campaign", "--config", yaml.toString(), "--out", out.toString(), "--status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("\\s+1\\s+\\+0\\.0000\\s+1\\.5000\\s+2\\s+16\\s+16\\s+0")), status.out());
        assertTrue(status.err().contains("energy-conditioned summaries (sampler: kinetic) are for inspection only"), status.err());
    }

}
