package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
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
        Path sparkJar = Path.of(System.getProperty("scoredos.it.sparkJar", "target/scoredos-jobs-0.1.0-SNAPSHOT-spark.jar"));
        assertTrue(Files.isRegularFile(sparkJar), "the shaded jar is built in the package phase: " + sparkJar);
        Path sparkHome = sparkHome();
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
        String sparkClassPath = sparkHome.resolve("jars").toString() + "/*";
        Path yaml = SampledDescriptorsTest.tinyConfig(tmp, "");
        String cache = tmp.resolve("hessians").toString();
        Files.createDirectories(tmp.resolve("logs"));

        int masterPort = freePort(), masterUi = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        List<Path> workDirs = new ArrayList<>();
        try (ChildJvms jvms = new ChildJvms(tmp.resolve("logs"))) {
            List<String> small = List.of("-Xmx512m");
            jvms.start("master", small, sparkClassPath, "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "" + masterPort, "--webui-port", "" + masterUi), env);
            for (int w = 0; w < 2; w++) {
                Path work = Files.createDirectories(tmp.resolve("worker-" + w));
                workDirs.add(work);
                jvms.start("worker-" + w, small, sparkClassPath, "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--port", "" + freePort(), "--webui-port", "" + freePort(),
                                "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), master), env);
            }
            await("two workers registered with the master", 90, () -> aliveWorkers(masterUi) == 2);

            // the user's way in: deploy/submit/standalone.sh, which runs SPARK_HOME/bin/spark-submit
            Path script = Path.of("").toAbsolutePath().getParent().resolve("deploy/submit/standalone.sh");
            Map<String, String> submitEnv = new java.util.HashMap<>(env);
            submitEnv.put("SCOREDOS_JAR", sparkJar.toAbsolutePath().toString());
            submitEnv.put("SCOREDOS_SPARK_ARGS", "--conf spark.executor.memory=768m --conf spark.cores.max=2"
                    // both executors up before the first job, so the shards spread over both
                    + " --conf spark.scheduler.minRegisteredResourcesRatio=1.0"
                    + " --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s --conf spark.ui.enabled=false");
            Process submit = jvms.startCommand("submit", List.of("bash", script.toString(), master, yaml.toString(),
                    tmp.resolve("cluster").toString(), "--hessian-cache", cache, "--format", "json"), submitEnv);
            boolean finished = submit.waitFor(200, TimeUnit.SECONDS);
            String log = Files.readString(jvms.log("submit"));
            assertTrue(finished, "the submitted campaign finishes in time: " + tail(log));
            assertEquals(0, submit.exitValue(), tail(log));
            assertTrue(log.contains("\"shardsComputed\" : 4"), tail(log));
            for (Path work : workDirs) {
                assertTrue(executorLogs(work) > 0, "an executor ran on " + work + ": " + tail(Files.readString(jvms.log("master"))));
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

    /**
     * A stand-in SPARK_HOME (the workers launch executors on SPARK_HOME/jars/*; the script runs
     * SPARK_HOME/bin/spark-submit): links to
     * the jars of the test class path, Spark's and Hadoop's among them, but not this project's
     * (the executors get it from the submitted shaded jar) nor the test libraries.
     */
    private Path sparkHome() throws IOException {
        Path jars = Files.createDirectories(tmp.resolve("spark-home/jars"));
        for (String entry : ChildJvms.testClassPathEntries()) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (!name.endsWith(".jar") || name.startsWith("scoredos-") || name.startsWith("junit-")
                    || name.startsWith("opentest4j") || name.startsWith("apiguardian")) continue;
            Path link = jars.resolve(name);
            if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
        }
        // bin/spark-submit reduced to what Spark's does: SparkSubmit on SPARK_HOME/jars, with the JVM flags Spark needs
        Path bin = Files.createDirectories(tmp.resolve("spark-home/bin"));
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/usr/bin/env bash\nexec '" + ChildJvms.javaBinary() + "' "
                + String.join(" ", ChildJvms.sparkJvmFlags()) + " -Xmx1g -cp \"$SPARK_HOME/jars/*\" "
                + "org.apache.spark.deploy.SparkSubmit \"$@\"\n");
        submit.toFile().setExecutable(true);
        return tmp.resolve("spark-home");
    }

    private static long executorLogs(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(p -> p.getFileName().toString().equals("stderr")).count();
        }
    }

    private static int aliveWorkers(int masterUi) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + masterUi + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(r.body());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0; // not up yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void await(String what, int seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
