package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    @SuppressWarnings("try") // the stage only reports while the work runs
    void stageLinesCountShardsAndEndComplete() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), "w", Duration.ofHours(1));
        AtomicLong shards = new AtomicLong(), samples = new AtomicLong();
        try (Progress.Stage s = p.stage("descriptors", 3, 12, 192, shards::get, samples::get)) {
            shards.set(12);
            samples.set(192);
        }
        String[] lines = err.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("campaign w: descriptors: 3 cells, shards 0/12, 0.0 samples/s, ETA ?", lines[0]);
        assertTrue(lines[1].startsWith("campaign w: descriptors: 3 cells, shards 12/12, ") && lines[1].endsWith("ETA 0:00:00"), lines[1]);
    }

    @Test
    @SuppressWarnings("try") // the stage only reports while the work runs
    void countLines() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), "w", Duration.ofHours(1));
        AtomicLong done = new AtomicLong();
        try (Progress.Stage s = p.count("Hessian of 16 atoms", "coordinates", 48, done::get)) {
            done.set(48);
        }
        assertEquals("campaign w: Hessian of 16 atoms: 0/48 coordinates, ETA ?\ncampaign w: Hessian of 16 atoms: 48/48 coordinates, ETA 0:00:00\n",
                err.toString());
    }

    @Test
    void clockShowsHoursMinutesSeconds() {
        assertEquals("0:00:07", Progress.clock(7.4));
        assertEquals("1:01:01", Progress.clock(3661));
    }
}
