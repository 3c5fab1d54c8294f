package org.scoredos.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;

/**
 * What a stop request (SIGTERM from {@code systemctl stop} or {@code kill}, SIGINT from Ctrl-C)
 * prints: one line and exit 1. Without this, Spark's shutdown hook stops the context under the
 * running job and the user reads "internal error" and some 80 lines of stack traces. Campaign
 * work survives either way: committed shards are kept and a rerun resumes.
 */
final class Termination {
    /** The exit code of a stopped run: an environment fault, not bad input. */
    static final int EXIT_CODE = 1;

    private static volatile boolean stopped;

    private Termination() {}

    /** The command's own output stream, muted once a stop request has been answered. */
    static OutputStream guarded(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                if (!stopped) out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!stopped) out.write(b, off, len);
            }
        };
    }

    /** Installs the handlers; called by the process's main only, never by tests sharing a JVM. */
    static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), Termination::stop);
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal (or the JVM reserves it): keep its default
            }
        }
    }

    private static void stop(Signal signal) {
        stopped = true;
        System.err.println("scoredos: stopped by SIG" + signal.getName()
                + "; committed work is kept (a campaign resumes when run again)");
        System.err.flush();
        // silence everything the shutdown hooks would print while the JVM exits
        Configurator.setAllLevels("", Level.OFF);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setErr(nowhere);
        System.setOut(nowhere);
        System.exit(EXIT_CODE);
    }
}
