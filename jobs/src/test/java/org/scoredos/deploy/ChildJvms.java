package org.scoredos.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Processes (Java ones from the test's own class path) started by an integration test from its own class path, with their output in
 * log files. {@link #close()} ends them and every process they started (a Spark worker's
 * executors), and a shutdown hook does so too if the test JVM itself is stopped.
 */
final class ChildJvms implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();
    private final Path logs;
    private final Thread hook = new Thread(this::close, "scoredos-it-child-cleanup");

    ChildJvms(Path logs) {
        this.logs = logs;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The JVM flags Spark needs on Java 17 (the build passes the same as the tests get). */
    static List<String> sparkJvmFlags() {
        String opens = System.getProperty("scoredos.it.jvmFlags", "");
        return opens.isBlank() ? List.of() : List.of(opens.trim().split("\\s+"));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java [flags] -cp classPath mainClass args}, its output going to logs/name.log. */
    synchronized Process start(String name, List<String> flags, String classPath, String mainClass, List<String> args,
            Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(sparkJvmFlags());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return startCommand(name, cmd, env);
    }

    /** Starts any command (a submission script), its output going to logs/name.log. */
    synchronized Process startCommand(String name, List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** The test's own class path. */
    static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    static List<String> testClassPathEntries() {
        return List.of(testClassPath().split(File.pathSeparator));
    }

    /** Ends every started process and its descendants: politely, then forcibly after a few seconds. */
    @Override
    public synchronized void close() {
        for (Process p : started) {
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        started.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook
        }
    }
}
