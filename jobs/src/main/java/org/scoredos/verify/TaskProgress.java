package org.scoredos.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * "verify PHASE: TI tasks 12/48, ETA 0:03:10" on stderr when started, every interval while
 * the job runs, and once more when closed.
 */
final class TaskProgress implements AutoCloseable {
    private final PrintWriter err;
    private final String prefix;
    private final long total;
    private final LongSupplier done;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;

    TaskProgress(PrintWriter err, String prefix, long total, LongSupplier done, Duration interval) {
        this.err = err;
        this.prefix = prefix;
        this.total = total;
        this.done = done;
        report();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "verify-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        ticker.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void report() {
        long n = done.getAsLong();
        double seconds = (System.nanoTime() - started) / 1e9;
        String eta = n >= total ? "0:00:00" : n > 0 ? clock((total - n) * seconds / n) : "?";
        synchronized (err) {
            err.printf(Locale.ROOT, "%s: TI tasks %d/%d, ETA %s%n", prefix, n, total, eta);
            err.flush();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        report();
    }
}
