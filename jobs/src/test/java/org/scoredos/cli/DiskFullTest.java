package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A full disk, however it reaches the command line (an IOException's cause chain, only the text
 * of a Spark job failure, Hadoop's FSError, which is an Error), is one line and exit 1; other
 * failures stay internal errors.
 */
class DiskFullTest {
    private static final String LINE = "scoredos fail: cannot write: no space left on device; free some space and run the command "
            + "again (a campaign resumes from its committed shards)\n";

    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) throw e;
            throw (Exception) failure;
        }
    }

    private static String[] run(Throwable failure) {
        StringWriter err = new StringWriter();
        CommandLine cl = ScoreDos.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        cl.addSubcommand("fail", new Failing(failure));
        cl.setErr(new PrintWriter(err, true)); // the streams reach a subcommand added later only when set again
        return new String[] {String.valueOf(cl.execute("fail")), err.toString()};
    }

    @Test
    void everyFormOfAFullDiskIsOneLineExitOne() throws Exception {
        Constructor<FSError> fsError = FSError.class.getDeclaredConstructor(Throwable.class);
        fsError.setAccessible(true);
        String sparkText = "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent failure: Lost task 0.0 "
                + "in stage 3.0 (TID 7) (localhost executor driver): java.io.UncheckedIOException: java.io.IOException: "
                + "No space left on device\n\tat org.scoredos.campaign.CampaignStore.commit(CampaignStore.java:319)\n";
        for (Throwable t : new Throwable[] {
            new UncheckedIOException(new IOException("No space left on device")),
            new SparkException(sparkText),
            fsError.newInstance(new IOException("No space left on device")),
            new IOException("/data/out/_tmp/x.json: Disk quota exceeded"),
        }) {
            String[] r = run(t);
            assertEquals("1", r[0], t.toString());
            assertEquals(t.getMessage().contains("quota") ? LINE.replace("no space left on device", "disk quota exceeded") : LINE, r[1]);
        }
        String[] other = run(new IOException("Input/output error"));
        assertEquals("1", other[0]);
        assertTrue(other[1].startsWith("scoredos fail: internal error: java.io.IOException: Input/output error"), other[1]);
    }
}
