package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.campaign.SampledDescriptorsTest;
import org.scoredos.cli.ScoreDos;
import org.scoredos.store.SummaryStore;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two one-core workers started from
 * the test class path (no Spark download), the shaded jobs jar submitted by
 * deploy/submit/standalone.sh through SparkSubmit in client mode, a small campaign spread over both workers' executors; its summaries must equal
 * a local[2] run's bit for bit. Every process is ended in the end, whatever happens.
 */
class StandaloneClusterIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aCampaignOnTwoWorkersEqualsALocalRun() throws Exception {
        Path yaml = SampledDescriptorsTest.tinyConfig(tmp, "");
        String cache = tmp.resolve("hessians").toString();
        try (ChildJvms jvms = new ChildJvms(tmp.resolve("logs"))) {
            StandaloneCluster cluster = StandaloneCluster.start(jvms, tmp, 2);
            Process submit = cluster.submit("submit", yaml, tmp.resolve("cluster"), "",
                    List.of("--hessian-cache", cache, "--format", "json"));
            boolean finished = submit.waitFor(200, TimeUnit.SECONDS);
            String log = cluster.log("submit");
            assertTrue(finished, "the submitted campaign finishes in time: " + StandaloneCluster.tail(log));
            assertEquals(0, submit.exitValue(), StandaloneCluster.tail(log));
            assertTrue(log.contains("\"shardsComputed\" : 4"), StandaloneCluster.tail(log));
            for (int w = 0; w < 2; w++) {
                assertTrue(cluster.executorLogs(w) > 0, "an executor ran on worker " + w + ": "
                        + StandaloneCluster.tail(cluster.log("master")));
            }
        }

        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("campaign",
                "--config", yaml.toString(), "--out", tmp.resolve("local").toString(), "--master", "local[2]",
                "--hessian-cache", cache);
        assertEquals(0, code, err.toString());
        SummaryComparison.assertBitIdentical(SummaryStore.read(tmp.resolve("local/summaries/tiny")),
                SummaryStore.read(tmp.resolve("cluster/summaries/tiny")));
    }
}
