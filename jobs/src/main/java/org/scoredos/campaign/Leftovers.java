package org.scoredos.campaign;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The temporary files a killed run leaves in a campaign output: half-written files under
 * {@code _tmp/} and half-written first summary stores {@code summaries/.NAME.tmp-*} (a store
 * killed mid-replacement cleans itself up on its next replacement). None of them is ever read,
 * and only one run writes an output at a time, so a run removes them when it starts and removes
 * its own emptied {@code _tmp/} when it ends: after a completed run the output holds no
 * temporary file, however many runs before it were killed.
 */
final class Leftovers {
    private Leftovers() {}

    /** Removes every leftover, saying how many entries went (a directory counts once) if any did. */
    static void remove(String root, Configuration hadoop, Progress progress) throws IOException {
        FileSystem fs = FileSystem.get(URI.create(root), hadoop);
        Path base = new Path(root);
        int removed = 0;
        Path tmp = new Path(base, "_tmp");
        if (fs.exists(tmp)) {
            removed += fs.listStatus(tmp).length;
            fs.delete(tmp, true);
        }
        Path summaries = new Path(base, "summaries");
        if (fs.exists(summaries)) {
            for (FileStatus st : fs.listStatus(summaries)) {
                String name = st.getPath().getName();
                if (name.startsWith(".") && name.contains(".tmp-") && fs.delete(st.getPath(), true)) removed++;
            }
        }
        if (removed > 0) progress.say("removed " + removed + " temporary file(s) left by an interrupted run");
    }
}
