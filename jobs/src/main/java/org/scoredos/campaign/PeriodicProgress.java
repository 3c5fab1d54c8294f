package org.scoredos.campaign;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr every interval while counted work runs (a daemon ticker), and once
 * more when closed: what {@code ensemble} (members) and {@code verify} (TI tasks) report. The
 * caller words the line from the count, the total, the elapsed seconds and the ETA.
 */
public final class PeriodicProgress implements AutoCloseable {
    /** The words of one progress line. */
    public interface Line {
        String of(long done, long total, double seconds, String eta);
    }

    private final PrintWriter err;
    private final long total;
    private final LongSupplier done;
    private final Line line;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;

    /** Starts ticking; {@code atStart} also reports once now. */
    public PeriodicProgress(PrintWriter err, String thread, long total, LongSupplier done, Duration interval, boolean atStart, Line line) {
        this.err = err;
        this.total = total;
        this.done = done;
        this.line = line;
        if (atStart) report();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        ticker.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void report() {
        long n = done.getAsLong();
        double seconds = (System.nanoTime() - started) / 1e9;
        String eta = n >= total ? "0:00:00" : n > 0 ? Progress.clock((total - n) * seconds / n) : "?";
        synchronized (err) {
            err.println(line.of(n, total, seconds, eta));
            err.flush();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        report();
    }
}
