package org.scoredos.ensemble;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** "ensemble: 4096/10000 members, ETA 0:00:05" on stderr every interval while members are evaluated, and when done. */
public final class EnsembleProgress implements AutoCloseable {
    private final PrintWriter err;
    private final String prefix;
    private final long total;
    private final LongAdder done = new LongAdder();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;

    public EnsembleProgress(PrintWriter err, String prefix, long total, Duration interval) {
        this.err = err;
        this.prefix = prefix;
        this.total = total;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ensemble-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        ticker.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The counter the runner adds evaluated members to. */
    public LongAdder counter() {
        return done;
    }

    private void report() {
        long n = done.sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        String eta = n >= total ? "0:00:00" : n > 0 ? clock((total - n) * seconds / n) : "?";
        synchronized (err) {
            err.printf(Locale.ROOT, "%s: %d/%d members, %.1f s, ETA %s%n", prefix, n, total, seconds, eta);
            err.flush();
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        report();
    }
}
