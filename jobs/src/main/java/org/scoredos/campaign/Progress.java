package org.scoredos.campaign;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr, one per stage and then every few seconds while it runs:
 * "campaign NAME: STAGE: 8 cells, shards 12/64, 45.2 samples/s, ETA 0:00:12".
 */
public final class Progress {
    private final PrintWriter err;
    private final String campaign;
    private final Duration interval;

    public Progress(PrintWriter err, String campaign, Duration interval) {
        this.err = err;
        this.campaign = campaign;
        this.interval = interval;
    }

    /** A line of its own (a stage without shard counts). */
    public void say(String message) {
        synchronized (err) {
            err.println("campaign " + campaign + ": " + message);
            err.flush();
        }
    }

    /** Reports a stage over {@code shards} shards of {@code samples} samples while it runs; close it when done. */
    public Stage stage(String name, int cells, long shards, long samples, LongSupplier shardsDone, LongSupplier samplesDone) {
        return new Stage(name, cells, shards, samples, shardsDone, samplesDone);
    }

    public final class Stage implements AutoCloseable {
        private final String name;
        private final int cells;
        private final long shards, samples;
        private final LongSupplier shardsDone, samplesDone;
        private final long started = System.nanoTime();
        private final ScheduledExecutorService ticker;
        private final ScheduledFuture<?> tick;

        private Stage(String name, int cells, long shards, long samples, LongSupplier shardsDone, LongSupplier samplesDone) {
            this.name = name;
            this.cells = cells;
            this.shards = shards;
            this.samples = samples;
            this.shardsDone = shardsDone;
            this.samplesDone = samplesDone;
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
            long done = shardsDone.getAsLong(), n = samplesDone.getAsLong();
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = seconds > 0 ? n / seconds : 0;
            String eta = rate > 0 && n < samples ? clock((samples - n) / rate) : (n >= samples ? "0:00:00" : "?");
            say(String.format(java.util.Locale.ROOT, "%s: %d cells, shards %d/%d, %.1f samples/s, ETA %s", name, cells, done, shards, rate, eta));
        }

        @Override
        public void close() {
            tick.cancel(false);
            ticker.shutdownNow();
            report();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
