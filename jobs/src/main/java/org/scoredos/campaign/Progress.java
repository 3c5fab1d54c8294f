package org.scoredos.campaign;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr, one per stage and then every few seconds while it runs:
 * "campaign NAME: STAGE: 8 cells, shards 12/64, 45.2 samples/s, ETA 0:00:12".
 */
public final class Progress {
    private final PrintWriter err;
    private final String prefix;
    private final Duration interval;

    public Progress(PrintWriter err, String campaign, Duration interval) {
        this(interval, err, "campaign " + campaign);
    }

    private Progress(Duration interval, PrintWriter err, String prefix) {
        this.err = err;
        this.prefix = prefix;
        this.interval = interval;
    }

    /** Progress of another job, its lines starting "{@code prefix}: ". */
    public static Progress of(PrintWriter err, String prefix, Duration interval) {
        return new Progress(interval, err, prefix);
    }

    /** A line of its own (a stage without shard counts). */
    public void say(String message) {
        synchronized (err) {
            err.println(prefix + ": " + message);
            err.flush();
        }
    }

    /** Reports a stage over {@code shards} shards of {@code samples} samples while it runs; close it when done. */
    public Stage stage(String name, int cells, long shards, long samples, LongSupplier shardsDone, LongSupplier samplesDone) {
        return new Stage(seconds -> {
            long n = samplesDone.getAsLong();
            return String.format(Locale.ROOT, "%s: %d cells, shards %d/%d, %.1f samples/s, ETA %s",
                    name, cells, shardsDone.getAsLong(), shards, seconds > 0 ? n / seconds : 0.0, eta(n, samples, seconds));
        });
    }

    /** Reports {@code done} out of {@code total} {@code unit} while it runs; close it when done. */
    public Stage count(String name, String unit, long total, LongSupplier done) {
        return new Stage(seconds -> {
            long n = done.getAsLong();
            return String.format(Locale.ROOT, "%s: %d/%d %s, ETA %s", name, n, total, unit, eta(n, total, seconds));
        });
    }

    /** A progress line now and every interval until closed, then a last one. */
    public final class Stage implements AutoCloseable {
        private final DoubleFunction<String> line;
        private final long started = System.nanoTime();
        private final ScheduledExecutorService ticker;
        private final ScheduledFuture<?> tick;

        private Stage(DoubleFunction<String> line) {
            this.line = line;
            report();
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "campaign-progress");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            tick = ticker.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
        }

        private void report() {
            say(line.apply((System.nanoTime() - started) / 1e9));
        }

        @Override
        public void close() {
            tick.cancel(false);
            ticker.shutdownNow();
            report();
        }
    }

    private static String eta(long done, long total, double seconds) {
        if (done >= total) return "0:00:00";
        double rate = seconds > 0 ? done / seconds : 0;
        return rate > 0 ? clock((total - done) / rate) : "?";
    }

    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
