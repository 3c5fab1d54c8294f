package org.scoredos.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The exclusive lock of a campaign output: {@value #FILE} at its root, created with create-new
 * semantics (an atomic {@code O_EXCL} create on local disks, {@code create(path, overwrite=false)}
 * on other Hadoop file systems), holding who took it. Two runs on one output therefore never
 * interleave their frames, shards or summaries: the second waits or gives up with a message.
 *
 * <p>A lock is stale when its holder is a dead process on this host, or when it is older than
 * {@code staleAfter} (a holder on another host cannot be probed; one alive on this host is never
 * stale). The lock of a dead process on this host is broken, with a message: that run crashed
 * or was killed, and resuming after it must need no one at the keyboard. A lock that is only old
 * may belong to a live run elsewhere, so only {@code breakStale} removes it.
 */
public final class CampaignLock implements AutoCloseable {
    public static final String FILE = "campaign.lock";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    /** A lock file younger than this may still be being written by its creator. */
    private static final Duration BEING_WRITTEN = Duration.ofSeconds(30);

    /**
     * Who holds a lock: host, process id, when it was taken, a token unique to the run, and when
     * the process started (null in locks of older versions): a pid alone may have been reused.
     */
    public record Holder(String host, long pid, String started, String token, String processStart) {
        String describe() {
            return "host " + host + ", pid " + pid + ", since " + started;
        }
    }

    /** How to take a lock: how long to wait for a live holder, when a lock counts as stale, whether to break a stale one. */
    public record Policy(Duration maxWait, Duration staleAfter, boolean breakStale) {
        public static Policy failFast() {
            return new Policy(Duration.ZERO, Duration.ofHours(24), false);
        }
    }

    /** The output is locked by another run (exit code 3 from the command line). */
    public static final class LockedException extends IOException {
        private static final long serialVersionUID = 1L;

        LockedException(String message) {
            super(message);
        }
    }

    private final LockFile file;
    private final Holder holder;
    private final boolean createdOutput;
    private final Thread releaseOnExit;
    private boolean released;

    private CampaignLock(LockFile file, Holder holder, boolean createdOutput) {
        this.file = file;
        this.holder = holder;
        this.createdOutput = createdOutput;
        // a run stopped by SIGTERM (systemd stop, a Kubernetes pod eviction) still releases its lock
        this.releaseOnExit = new Thread(this::releaseQuietly, "scoredos-campaign-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    /**
     * Takes the lock of the output at {@code location} (a directory or Hadoop URI, created if
     * missing), waiting up to {@code policy.maxWait()} for a live holder to finish.
     *
     * @throws LockedException when it is still held after the wait, or stale and not to be broken
     */
    public static CampaignLock acquire(String location, Configuration conf, Policy policy, PrintWriter err) throws IOException {
        LockFile file = LockFile.at(CampaignStore.uriOf(location), conf);
        boolean outputExisted = file.rootExists();
        ProcessHandle self = ProcessHandle.current();
        Holder me = new Holder(hostName(), self.pid(), Instant.now().toString(), UUID.randomUUID().toString(), startOf(self));
        byte[] content = JSON.writeValueAsBytes(me);
        Instant deadline = Instant.now().plus(policy.maxWait());
        boolean announced = false;
        while (true) {
            if (file.createNew(content)) return new CampaignLock(file, me, !outputExisted);
            Found found = file.read();
            if (found == null) continue; // released between our create and our read: try again
            String stale = staleness(found, policy.staleAfter());
            if (stale != null) {
                if (policy.breakStale() || deadOnThisHost(found)) {
                    err.println("campaign: breaking the stale lock " + file.describe() + " (" + stale + ")");
                    err.flush();
                    file.deleteIf(found);
                    continue;
                }
                throw new LockedException("the output is locked by a run that looks dead (" + stale + "): "
                        + file.describe() + "; if no run is using it, rerun with --break-lock");
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new LockedException("another run is using this output (" + holderOf(found) + "): "
                        + file.describe() + (policy.maxWait().isZero()
                                ? "; wait for it to finish, or rerun with --wait-lock SECONDS"
                                : "; gave up after waiting " + policy.maxWait().toSeconds() + " s"));
            }
            if (!announced) {
                err.println("campaign: waiting for the lock " + file.describe() + " (" + holderOf(found) + ")");
                err.flush();
                announced = true;
            }
            sleep();
        }
    }

    public Holder holder() {
        return holder;
    }

    /** Releases the lock if it is still this run's (a broken and retaken lock is left alone). */
    @Override
    public synchronized void close() throws IOException {
        if (released) return;
        released = true;
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the lock released
        }
        Found found = file.read();
        if (found != null && found.holder() != null && holder.token().equals(found.holder().token())) file.deleteIf(found);
        // a run refused before it wrote anything (bad input) leaves no directory behind
        if (createdOutput) file.deleteRootIfEmpty();
    }

    private void releaseQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting: a lock left behind is reported as stale by the next run
        }
    }

    /**
     * Whether the holder is a process of this host that is provably not running: no process has
     * its pid, or the one that has it started at another time (the pid was reused).
     */
    private static boolean deadOnThisHost(Found found) {
        Holder h = found.holder();
        if (h == null || !h.host().equals(hostName())) return false;
        ProcessHandle p = ProcessHandle.of(h.pid()).filter(ProcessHandle::isAlive).orElse(null);
        if (p == null) return true;
        String start = startOf(p);
        return h.processStart() != null && start != null && !start.equals(h.processStart());
    }

    /** When a process started (ISO instant), or null where the platform does not say. */
    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse(null);
    }

    /** Why a lock is stale, or null if its holder may still be running. */
    static String staleness(Found found, Duration staleAfter) {
        Holder h = found.holder();
        Duration age = Duration.between(found.modified(), Instant.now());
        if (h == null) {
            return age.compareTo(BEING_WRITTEN) > 0 ? "unreadable lock file, " + age.toSeconds() + " s old" : null;
        }
        if (h.host().equals(hostName())) {
            // a holder on this host can be probed: alive means live, however old the lock
            if (deadOnThisHost(found)) return "process " + h.pid() + " on this host is not running, " + h.describe();
            // a lock of an older version names no process start: a live pid may be a reused one
            if (h.processStart() == null && age.compareTo(staleAfter) > 0) {
                return "taken by " + h.describe() + ", older than " + staleAfter.toMinutes() + " min, its process unidentifiable";
            }
            return null;
        }
        if (age.compareTo(staleAfter) > 0) {
            return "taken by " + h.describe() + ", older than " + staleAfter.toMinutes() + " min";
        }
        return null;
    }

    private static String holderOf(Found found) {
        return found.holder() == null ? "being taken" : found.holder().describe();
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the campaign lock");
        }
    }

    /** A lock file as read: its holder (null if unreadable) and its modification time. */
    record Found(Holder holder, Instant modified, String raw) {}

    /** The lock file on its file system: local files through java.nio (atomic create-new), others through Hadoop. */
    private record LockFile(URI root, Configuration conf) {
        static LockFile at(String rootUri, Configuration conf) {
            return new LockFile(URI.create(rootUri.endsWith("/") ? rootUri : rootUri + "/"), conf);
        }

        private boolean local() {
            return "file".equals(root.getScheme());
        }

        private java.nio.file.Path nioPath() {
            return java.nio.file.Path.of(root.resolve(FILE));
        }

        private Path hadoopPath() {
            return new Path(root.resolve(FILE));
        }

        String describe() {
            return root.resolve(FILE).toString();
        }

        boolean rootExists() throws IOException {
            return local() ? Files.exists(java.nio.file.Path.of(root)) : FileSystem.get(root, conf).exists(new Path(root));
        }

        void deleteRootIfEmpty() throws IOException {
            if (local()) {
                try {
                    Files.deleteIfExists(java.nio.file.Path.of(root));
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // the run wrote its output: keep it
                }
                return;
            }
            FileSystem fs = FileSystem.get(root, conf);
            Path dir = new Path(root);
            if (fs.exists(dir) && fs.listStatus(dir).length == 0) fs.delete(dir, false);
        }

        boolean createNew(byte[] content) throws IOException {
            if (local()) {
                Files.createDirectories(nioPath().getParent());
                try (OutputStream out = Files.newOutputStream(nioPath(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(content);
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
                return true;
            }
            FileSystem fs = FileSystem.get(root, conf);
            fs.mkdirs(hadoopPath().getParent());
            try (OutputStream out = fs.create(hadoopPath(), false)) {
                out.write(content);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                if (fs.exists(hadoopPath())) return false; // some file systems report an existing file otherwise
                throw e;
            }
            return true;
        }

        /** The lock as it is now, or null if there is none. */
        Found read() throws IOException {
            byte[] raw;
            Instant modified;
            try {
                if (local()) {
                    modified = Files.getLastModifiedTime(nioPath()).toInstant();
                    raw = Files.readAllBytes(nioPath());
                } else {
                    FileSystem fs = FileSystem.get(root, conf);
                    modified = Instant.ofEpochMilli(fs.getFileStatus(hadoopPath()).getModificationTime());
                    try (InputStream in = fs.open(hadoopPath())) {
                        raw = in.readAllBytes();
                    }
                }
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                return null;
            }
            Holder h;
            try {
                h = JSON.readValue(raw, Holder.class);
                if (h == null || h.host() == null || h.token() == null) h = null;
            } catch (IOException e) {
                h = null; // still being written, or damaged
            }
            return new Found(h, modified, new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Deletes the lock if it is still the one read (never a lock another run took since). */
        void deleteIf(Found expected) throws IOException {
            Found now = read();
            if (now == null || !now.raw().equals(expected.raw())) return;
            if (local()) {
                Files.deleteIfExists(nioPath());
            } else {
                FileSystem.get(root, conf).delete(hadoopPath(), false);
            }
        }
    }
}
