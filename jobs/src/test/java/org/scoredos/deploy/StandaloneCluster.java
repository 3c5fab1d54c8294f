package org.scoredos.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A Spark standalone master and one-core workers on 127.0.0.1, started from the test class path
 * (no Spark download) as {@link ChildJvms}, and campaigns submitted to it the user's way:
 * deploy/submit/standalone.sh in client mode, with the shaded jobs jar.
 */
final class StandaloneCluster {
    private final ChildJvms jvms;
    private final Map<String, String> env;
    private final String master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();

    private StandaloneCluster(ChildJvms jvms, Map<String, String> env, String master) {
        this.jvms = jvms;
        this.env = env;
        this.master = master;
    }

    /**
     * A master and {@code workers} workers (one core, 1 GiB each), returned once all registered;
     * {@code jvms} must log to {@code tmp}/logs.
     */
    static StandaloneCluster start(ChildJvms jvms, Path tmp, int workers) throws IOException, InterruptedException {
        Files.createDirectories(tmp.resolve("logs"));
        Path sparkHome = sparkHome(tmp);
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
        String sparkClassPath = sparkHome.resolve("jars").toString() + "/*";
        int masterPort = freePort(), masterUi = freePort();
        StandaloneCluster cluster = new StandaloneCluster(jvms, env, "spark://127.0.0.1:" + masterPort);
        List<String> small = List.of("-Xmx512m");
        jvms.start("master", small, sparkClassPath, "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", "" + masterPort, "--webui-port", "" + masterUi), env);
        for (int w = 0; w < workers; w++) {
            Path work = Files.createDirectories(tmp.resolve("worker-" + w));
            cluster.workDirs.add(work);
            cluster.workers.add(jvms.start("worker-" + w, small, sparkClassPath, "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", "127.0.0.1", "--port", "" + freePort(), "--webui-port", "" + freePort(),
                            "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), cluster.master), env));
        }
        await(workers + " workers registered with the master", 90, () -> aliveWorkers(masterUi) == workers);
        return cluster;
    }

    /**
     * Submits {@code config} to write {@code out} (the submission's output going to logs/name.log):
     * two one-core executors, both up before the first job so that the shards spread over both.
     */
    Process submit(String name, Path config, Path out, String sparkArgs, List<String> campaignOptions) throws IOException {
        Path sparkJar = Path.of(System.getProperty("scoredos.it.sparkJar", "target/scoredos-jobs-0.1.0-SNAPSHOT-spark.jar"));
        assertTrue(Files.isRegularFile(sparkJar), "the shaded jar is built in the package phase: " + sparkJar);
        // the user's way in: deploy/submit/standalone.sh, which runs SPARK_HOME/bin/spark-submit
        Path script = Path.of("").toAbsolutePath().getParent().resolve("deploy/submit/standalone.sh");
        Map<String, String> submitEnv = new HashMap<>(env);
        submitEnv.put("SCOREDOS_JAR", sparkJar.toAbsolutePath().toString());
        submitEnv.put("SCOREDOS_SPARK_ARGS", "--conf spark.executor.memory=768m --conf spark.cores.max=2"
                + " --conf spark.scheduler.minRegisteredResourcesRatio=1.0"
                + " --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s --conf spark.ui.enabled=false" + sparkArgs);
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), master, config.toString(), out.toString()));
        cmd.addAll(campaignOptions);
        return jvms.startCommand(name, cmd, submitEnv);
    }

    /** Worker {@code w}'s process (its executors are its descendants). */
    Process worker(int w) {
        return workers.get(w);
    }

    /** How many executors ever ran on worker {@code w} (each leaves a stderr file in the work directory). */
    long executorLogs(int w) throws IOException {
        try (Stream<Path> files = Files.walk(workDirs.get(w))) {
            return files.filter(p -> p.getFileName().toString().equals("stderr")).count();
        }
    }

    String log(String name) throws IOException {
        return Files.readString(jvms.log(name));
    }

    /**
     * A stand-in SPARK_HOME (the workers launch executors on SPARK_HOME/jars/*; the script runs
     * SPARK_HOME/bin/spark-submit): links to
     * the jars of the test class path, Spark's and Hadoop's among them, but not this project's
     * (the executors get it from the submitted shaded jar) nor the test libraries.
     */
    private static Path sparkHome(Path tmp) throws IOException {
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

    static void await(String what, int seconds, BooleanSupplier done) throws InterruptedException {
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

    static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
