package org.scoredos.campaign;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * {@value #FILE} at the root of a campaign output: one tab-separated line per finished run
 * (when it started, where, what it added, how long it took), under a header line, so that a
 * scheduled campaign's history can be read with any table reader.
 *
 * <p>Object stores cannot append, so a line is added by rewriting the log under _tmp and
 * renaming it into place (then removing _tmp/ if that left it empty); the caller holds the
 * campaign lock, so no two runs rewrite it at once.
 */
public final class RunLog {
    public static final String FILE = "runs.log";
    static final String HEADER = "started\thost\tsamplesAdded\tshardsAdded\tcells\tsamplesPerCell\tseconds";

    /** One finished run. */
    public record Entry(String started, String host, long samplesAdded, int shardsAdded, int cells, long samplesPerCell, double seconds) {
        String line() {
            return String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%.1f", started, host, samplesAdded, shardsAdded, cells,
                    samplesPerCell, seconds);
        }
    }

    private RunLog() {}

    /** Appends a run's line to the log of the output at {@code location}, creating the log with its header. */
    public static void append(String location, Configuration conf, Entry entry) throws IOException {
        URI root = URI.create(withSlash(CampaignStore.uriOf(location)));
        FileSystem fs = FileSystem.get(root, conf);
        Path log = new Path(root.resolve(FILE));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (InputStream in = fs.open(log)) {
            in.transferTo(text);
        } catch (FileNotFoundException e) {
            text.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        text.writeBytes((entry.line() + "\n").getBytes(StandardCharsets.UTF_8));
        Path tmp = new Path(root.resolve("_tmp/" + UUID.randomUUID() + ".log"));
        try (OutputStream out = fs.create(tmp, false)) {
            text.writeTo(out);
        }
        FileContext.getFileContext(fs.getUri(), conf).rename(tmp, log, Options.Rename.OVERWRITE);
        // the log is written after the run removed its _tmp/: a completed run leaves no staging directory
        Path staging = tmp.getParent();
        if (fs.listStatus(staging).length == 0) fs.delete(staging, false);
    }

    private static String withSlash(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
