package org.scoredos.campaign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.scoredos.io.BadInputException;
import org.scoredos.store.HadoopSummaryStore;
import org.scoredos.store.StoreManifest;
import org.scoredos.store.SummaryStore;
import org.scoredos.summary.CellFrame;
import org.scoredos.summary.PhaseSummary;

/**
 * A campaign's output directory on any Hadoop file system:
 *
 * <pre>
 *   manifest.json                                   campaign identity and per-cell counts
 *   frames/cell-00003.json                          a cell's fixed rotation and bin edges
 *   shards/cell-00003/shard-000012-192-208.json     a committed shard: moments + counts
 *   shards/cell-00003.json                          the cell's shards packed once summarised ({@link ShardPack})
 *   summaries/                                      the phase summaries (summary store)
 *   _tmp/                                           files being written
 * </pre>
 *
 * Every file is written under _tmp and renamed into place, so a file that exists is complete:
 * an interrupted run loses no committed shard and leaves no half-written one. The store is
 * serialisable so that executors commit their shards themselves.
 */
public final class CampaignStore implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String MANIFEST = "manifest.json";
    private static final Pattern SHARD = Pattern.compile("shard-(\\d{6})-(\\d+)-(\\d+)\\.json");
    private static final Pattern CELL_DIR = Pattern.compile("cell-(\\d{5})");
    private static final Pattern FRAME = Pattern.compile("cell-(\\d{5})\\.json");
    private static final Pattern PACK = FRAME;
    // trailing tokens are corruption (SealedJson relies on it: a damaged seal leaves them). A shard
    // is ~8 500 numbers: Jackson's own double writer and parser (Schubfach, FastDoubleParser) round-trip
    // every double exactly, as Double.toString and parseDouble do, at a fraction of their cost.
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Campaign files are a few MB at most (a shard of 55 components × 10 000 bins is 5 MB of JSON). */
    private static final long MAX_FILE_BYTES = 1L << 30;
    /** One field's value, the parser left on its last token (the file goes on). */
    private static final ObjectReader FIELD = JSON.readerFor(JsonNode.class)
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** What listing the committed shards reads of a pack, and what {@code --status} reads of a shard file. */
    private static final Set<String> PACK_HEAD = Set.of("identity", "cell", "index"),
            SHARD_HEAD = Set.of("identity", "cell", "index", "start", "end", "count");
    private static final Set<String> BOOKKEEPING = Set.of("_tmp", CampaignLock.FILE, RunLog.FILE);

    private final String root;
    private final HashMap<String, String> hadoop;
    private transient FileSystem fs;

    private CampaignStore(String root, Configuration conf) {
        this.root = root;
        this.hadoop = new HashMap<>();
        for (Map.Entry<String, String> e : conf) hadoop.put(e.getKey(), e.getValue());
    }

    /**
     * A Hadoop URI for a location: URIs are kept, plain paths are local files (relative to the
     * working directory; a one-letter scheme is a Windows drive, not a file system).
     */
    public static String uriOf(String location) {
        URI u;
        try {
            u = new URI(location.replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
            throw BadInputException.at(location, 0, "output", "not a path or URI: " + e.getReason());
        }
        if (u.getScheme() != null && u.getScheme().length() > 1) return location;
        return java.nio.file.Path.of(location).toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * Opens the output of the campaign {@code expected} describes: a new or empty directory gets
     * its manifest at once; an existing one must hold this very campaign. Anything else (files
     * without a manifest, an unreadable manifest, another campaign) is refused untouched.
     */
    public static CampaignStore open(String location, Configuration conf, CampaignManifest expected) throws IOException {
        return open(location, conf, expected, null);
    }

    /**
     * As {@link #open(String, Configuration, CampaignManifest)}, also accepting an output that
     * recorded the same campaign's identity the way older outputs were identified ({@code former},
     * null for none); the caller then goes on with the manifest's identity.
     */
    public static CampaignStore open(String location, Configuration conf, CampaignManifest expected, CampaignIdentity.Former former)
            throws IOException {
        CampaignStore store = new CampaignStore(uriOf(location), conf);
        if (store.checkClaimable()) {
            store.writeManifest(expected);
            return store;
        }
        CampaignManifest found = store.manifest();
        if (!found.identity().equals(expected.identity()) && (former == null || !former.matches(found))) {
            throw BadInputException.at(store.path(MANIFEST).toString(), 0, "identity",
                    "this directory holds campaign '" + found.name() + "' (identity " + abbrev(found.identity())
                            + "), not this campaign (" + abbrev(expected.identity())
                            + "); only the sample count, new τ cells and new strains may change between runs: choose another output");
        }
        return store;
    }

    /**
     * Refuses, before anything is written there (the lock included), an output that no run
     * could use: an unknown file-system scheme, a path the file system cannot name, something
     * that is not a directory, or a directory holding files but no campaign manifest.
     */
    public static void checkClaimable(String location, Configuration conf) throws IOException {
        new CampaignStore(uriOf(location), conf).checkClaimable();
    }

    /** True when the output is new or empty (only bookkeeping in it); see {@link #checkClaimable(String, Configuration)}. */
    private boolean checkClaimable() throws IOException {
        FileSystem fs;
        try {
            fs = fs();
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            throw BadInputException.at(root, 0, "output", "no file system for scheme '" + URI.create(root).getScheme() + "'");
        }
        if ("file".equals(fs.getUri().getScheme())) checkLocalName(java.nio.file.Path.of(URI.create(root)));
        Path rootPath = new Path(root);
        if (!fs.exists(rootPath)) return true;
        if (!fs.getFileStatus(rootPath).isDirectory()) {
            throw BadInputException.at(root, 0, "output", "exists and is not a directory");
        }
        // only _tmp/ (a first run died before its manifest was renamed into place), and the lock
        // and run log of the run opening it, which are not campaign contents
        FileStatus[] entries = fs.listStatus(rootPath);
        if (Arrays.stream(entries).allMatch(st -> BOOKKEEPING.contains(st.getPath().getName()))) return true;
        if (!fs.exists(new Path(rootPath, MANIFEST))) {
            throw BadInputException.at(root, 0, "output", "not a campaign output directory (it holds "
                    + entries.length + " entries but no " + MANIFEST + "); refusing to write there: choose a new or empty directory");
        }
        return false;
    }

    /** Whether anything exists at the output location. */
    static boolean exists(String location, Configuration conf) throws IOException {
        CampaignStore store = new CampaignStore(uriOf(location), conf);
        return store.fs().exists(new Path(store.root));
    }

    /**
     * Removes the output a refused first run created (manifest, frames, shards, _tmp), once its
     * lock is released; left alone if another run has locked it since.
     */
    static void removeRefused(String location, Configuration conf) throws IOException {
        CampaignStore store = new CampaignStore(uriOf(location), conf);
        Path rootPath = new Path(store.root);
        if (store.fs().exists(rootPath) && !store.fs().exists(new Path(rootPath, CampaignLock.FILE))) {
            store.fs().delete(rootPath, true);
        }
    }

    /** The local limits on names (255 bytes a component, 4095 a path), refused before mkdir fails on them. */
    private static void checkLocalName(java.nio.file.Path path) {
        if (path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 4095) {
            throw BadInputException.at(path.toString().substring(0, 60) + "…", 0, "output", "path longer than 4095 bytes");
        }
        for (java.nio.file.Path part : path) {
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw BadInputException.at(part.toString().substring(0, 60) + "…", 0, "output", "a path component longer than 255 bytes");
            }
        }
    }

    /** An existing campaign output, for reading (--status). */
    public static CampaignStore existing(String location, Configuration conf) throws IOException {
        CampaignStore store = new CampaignStore(uriOf(location), conf);
        if (!store.fs().exists(new Path(store.root))) {
            throw BadInputException.at(store.root, 0, null, "no campaign output here yet");
        }
        store.manifest();
        return store;
    }

    public String root() {
        return root;
    }

    /**
     * Writes every phase's summary store under summaries/, replacing the previous generation
     * (a top-up) atomically: readers see the old store or the new one, never none. Local
     * outputs go through {@link SummaryStore}; other file systems, where a directory cannot be
     * renamed atomically, through {@link HadoopSummaryStore}'s in-place protocol (new data
     * files, then the manifest as commit point, then the old generation's files deleted); a
     * store directory without a manifest is what a killed first write leaves, and is cleared.
     */
    public void writeSummaries(List<PhaseSummary> phases, String source) throws IOException {
        for (PhaseSummary phase : phases) {
            Path target = path("summaries/" + phase.name());
            if ("file".equals(fs().getUri().getScheme())) {
                SummaryStore.writeReplacing(phase, java.nio.file.Path.of(target.toUri()), source);
            } else {
                // data files without a manifest: a first write killed before its commit; nothing was published
                if (fs().exists(target) && !fs().exists(new Path(target, StoreManifest.FILE_NAME))) fs().delete(target, true);
                HadoopSummaryStore.writeReplacing(phase, fs(), target, source);
            }
        }
    }

    /** The summary store of phase {@code name}, or null when no run has written it yet. */
    public PhaseSummary summary(String name) throws IOException {
        Path dir = path("summaries/" + name);
        if (!fs().exists(new Path(dir, StoreManifest.FILE_NAME))) return null;
        return "file".equals(fs().getUri().getScheme()) ? SummaryStore.read(java.nio.file.Path.of(dir.toUri()))
                : HadoopSummaryStore.read(fs(), dir);
    }

    /** The manifest; a missing one means a foreign directory, an unreadable one a corrupted one. */
    public CampaignManifest manifest() throws IOException {
        Path p = path(MANIFEST);
        if (!fs().exists(p)) {
            throw BadInputException.at(root, 0, null,
                    "not a campaign output directory (it holds files but no " + MANIFEST + "); refusing to write there");
        }
        CampaignManifest m = readSealed(p, "campaign manifest", CampaignManifest.class);
        if (m == null || !CampaignManifest.FORMAT.equals(m.format()) || m.identity() == null) {
            throw BadInputException.at(p.toString(), 0, "format", "not a " + CampaignManifest.FORMAT + " manifest");
        }
        if (m.formatVersion() != CampaignManifest.VERSION) {
            throw BadInputException.at(p.toString(), 0, "formatVersion",
                    "version " + m.formatVersion() + " is not supported (this code reads " + CampaignManifest.VERSION + ")");
        }
        return m;
    }

    public void writeManifest(CampaignManifest m) throws IOException {
        Path tmp = writeTemporary(SealedJson.seal(JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m)));
        FileContext.getFileContext(fs().getUri(), fs().getConf()).rename(tmp, path(MANIFEST), Options.Rename.OVERWRITE);
    }

    /**
     * Every committed shard, whatever the current plan, packed or in its own file (both, when a
     * run died between writing a pack and removing the files it replaced); a stray file in
     * shards/ is corruption. Listed directory by directory with {@code listStatus}: a recursive
     * {@code listFiles} builds a {@code LocatedFileStatus} per file, whose permissions the local
     * file system reads by running {@code ls -ld} in a new process, once per shard (most of the
     * 35–40 s that {@code --status} took for 704 shards).
     */
    public List<Shard> committedShards() throws IOException {
        return new ArrayList<>(listing(null).keySet());
    }

    /**
     * Every committed shard of the campaign {@code identity} and its accepted sample count, in
     * merge order; counts of unpacked shards are read from their files.
     */
    public Map<Shard, Long> committedCounts(String identity) throws IOException {
        TreeMap<Shard, Long> counts = listing(identity);
        for (Map.Entry<Shard, Long> e : counts.entrySet()) {
            if (e.getValue() < 0) e.setValue(acceptedSamples(e.getKey(), identity));
        }
        return counts;
    }

    /**
     * The committed shards with their packed counts, −1 for a shard only in its own file (not
     * read here); packs written by another campaign than {@code identity} (when given) are refused.
     */
    private TreeMap<Shard, Long> listing(String identity) throws IOException {
        TreeMap<Shard, Long> counts = new TreeMap<>(SHARD_ORDER);
        Path dir = path("shards");
        if (!fs().exists(dir)) return counts;
        List<Shard> loose = new ArrayList<>();
        for (FileStatus entry : fs().listStatus(dir)) {
            Path p = entry.getPath();
            if (entry.isFile() && PACK.matcher(p.getName()).matches()) {
                int cell = Integer.parseInt(p.getName().substring(5, 10));
                ShardPack pack = packIndex(p, cell);
                if (identity != null && !identity.equals(pack.identity())) {
                    throw BadInputException.at(p.toString(), 0, null, "corrupted shard pack: written by another campaign");
                }
                for (ShardPack.Entry e : pack.index()) counts.put(e.shard(cell), e.count());
                continue;
            }
            Matcher cell = CELL_DIR.matcher(p.getName());
            if (!entry.isDirectory() || !cell.matches()) {
                throw BadInputException.at(p.toString(), 0, null, "corrupted campaign output: unexpected file");
            }
            for (FileStatus file : fs().listStatus(p)) {
                Matcher shard = SHARD.matcher(file.getPath().getName());
                if (!file.isFile() || !shard.matches()) {
                    throw BadInputException.at(file.getPath().toString(), 0, null, "corrupted campaign output: unexpected file");
                }
                loose.add(new Shard(Integer.parseInt(cell.group(1)), Integer.parseInt(shard.group(1)),
                        Integer.parseInt(shard.group(2)), Integer.parseInt(shard.group(3))));
            }
        }
        for (Shard s : loose) counts.putIfAbsent(s, -1L);
        return counts;
    }

    /** Merge order: cells, then shard index; a replaced short shard sorts before its successor. */
    private static final java.util.Comparator<Shard> SHARD_ORDER = java.util.Comparator.<Shard>naturalOrder()
            .thenComparingInt(Shard::start).thenComparingInt(Shard::end);

    /** The fixed frames of the cells committed so far, by cell. */
    public Map<Integer, CellFrame> frames() throws IOException {
        Map<Integer, CellFrame> frames = new TreeMap<>();
        Path dir = path("frames");
        if (!fs().exists(dir)) return frames;
        for (FileStatus st : fs().listStatus(dir)) {
            Matcher m = FRAME.matcher(st.getPath().getName());
            if (!m.matches()) throw BadInputException.at(st.getPath().toString(), 0, null, "corrupted campaign output: unexpected file");
            CellFrame f = readSealed(st.getPath(), "cell frame", CellFrame.class);
            checkFrame(f, st.getPath());
            frames.put(Integer.parseInt(m.group(1)), f);
        }
        return frames;
    }

    public void writeFrame(int cell, CellFrame frame) throws IOException {
        Path tmp = writeTemporary(SealedJson.seal(JSON.writeValueAsBytes(frame)));
        Path dst = path(String.format(java.util.Locale.ROOT, "frames/cell-%05d.json", cell));
        fs().mkdirs(dst.getParent());
        if (!fs().rename(tmp, dst)) throw new IOException("cannot commit " + dst);
    }

    /** Commits a shard atomically; committing the same shard twice (a retried task) keeps the first copy. */
    public void commit(ShardStatistics s) {
        try {
            Path tmp = writeTemporary(encoded(s));
            Path dst = shardPath(s.shard());
            fs().mkdirs(dst.getParent());
            if (!fs().rename(tmp, dst)) {
                if (!fs().exists(dst)) throw new IOException("cannot commit " + dst);
                fs().delete(tmp, false); // the same samples give the same statistics
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shard file's bytes, sealed. */
    static byte[] encoded(ShardStatistics s) throws IOException {
        return SealedJson.seal(JSON.writeValueAsBytes(s));
    }

    /** A committed shard, checked against the campaign and the range its name promises. */
    public ShardStatistics read(Shard shard, String identity, int components, int bins) throws IOException {
        return readCell(shard.cell(), List.of(shard), identity, components, bins).get(0);
    }

    /**
     * The statistics of some committed shards of one cell, in the order given: from the cell's
     * pack where it holds them, else from their own files; each checked against the campaign and
     * the range it promises.
     */
    public List<ShardStatistics> readCell(int cell, List<Shard> shards, String identity, int components, int bins) throws IOException {
        Path packPath = packPath(cell);
        Map<Shard, ShardStatistics> packed = new HashMap<>();
        if (fs().exists(packPath)) {
            ShardPack pack = readPack(packPath, cell);
            for (ShardStatistics s : pack.statistics()) packed.put(s.shard(), s);
        }
        List<ShardStatistics> out = new ArrayList<>(shards.size());
        for (Shard shard : shards) {
            if (shard.cell() != cell) throw new IllegalArgumentException(shard + " is not of cell " + cell);
            ShardStatistics s = packed.get(shard);
            Path from = s != null ? packPath : shardPath(shard);
            if (s == null) s = readLoose(shard);
            check(s, shard, identity, components, bins, from);
            out.add(s);
        }
        return out;
    }

    /**
     * Packs a cell's shards (their statistics as read, in merge order) into one file, then removes
     * the shard files it replaces. The pack is renamed into place before anything is removed, so a
     * run killed in between leaves both, which read the same. Nothing is done when the cell has no
     * shard files left to pack.
     */
    public void pack(int cell, String identity, List<ShardStatistics> statistics) throws IOException {
        Path dir = path(String.format(java.util.Locale.ROOT, "shards/cell-%05d", cell));
        if (!fs().exists(dir)) return;
        Path tmp = writeTemporary(SealedJson.seal(JSON.writeValueAsBytes(ShardPack.of(identity, cell, statistics))));
        FileContext.getFileContext(fs().getUri(), fs().getConf()).rename(tmp, packPath(cell), Options.Rename.OVERWRITE);
        fs().delete(dir, true);
    }

    private ShardStatistics readLoose(Shard shard) throws IOException {
        Path p = shardPath(shard);
        try {
            return readSealed(p, "shard statistics", ShardStatistics.class);
        } catch (FileNotFoundException e) {
            throw BadInputException.at(p.toString(), 0, null, "committed shard disappeared");
        }
    }

    private ShardPack readPack(Path p, int cell) throws IOException {
        ShardPack pack = readSealed(p, "shard pack", ShardPack.class);
        checkPack(pack, p, cell);
        return pack;
    }

    /** A pack's identity and index only (no statistics) when it is sealed: what follows the index is not parsed, the seal covers it. */
    private ShardPack packIndex(Path p, int cell) throws IOException {
        ShardPack head = sealedHead(p, "shard pack", ShardPack.class, PACK_HEAD);
        if (head == null) return readPack(p, cell);
        head = new ShardPack(head.identity(), head.cell(), head.index(), List.of());
        checkPack(head, p, cell);
        return head;
    }

    private static void checkPack(ShardPack pack, Path p, int cell) {
        String problem = null;
        if (pack == null || pack.identity() == null || pack.index() == null || pack.statistics() == null
                || pack.index().stream().anyMatch(Objects::isNull)) problem = "wrong shape"; // a listing reads every entry
        else if (pack.cell() != cell) problem = "its contents are for cell " + pack.cell();
        else if (!pack.statistics().isEmpty() && pack.statistics().size() != pack.index().size()) problem = "index and statistics differ";
        if (problem == null) {
            for (int i = 0; i < pack.statistics().size(); i++) {
                ShardPack.Entry e = pack.index().get(i);
                ShardStatistics s = pack.statistics().get(i);
                if (s == null || s.cell() != cell || !e.shard(cell).equals(s.shard()) || e.count() != s.count()) {
                    problem = "index and statistics differ";
                    break;
                }
            }
        }
        if (problem != null) throw BadInputException.at(p.toString(), 0, null, "corrupted shard pack: " + problem);
    }

    private static void check(ShardStatistics s, Shard shard, String identity, int components, int bins, Path p) {
        String problem = problem(s, shard, identity);
        if (problem == null && (s.mean() == null || s.mean().length != components || s.comoment() == null || s.comoment().length != components
                || s.counts() == null || s.counts().length != components || s.counts()[0].length != bins)) {
            problem = "wrong shape";
        }
        if (problem != null) throw BadInputException.at(p.toString(), 0, null, "corrupted shard statistics: " + problem);
    }

    /**
     * The accepted-sample count of a committed shard, its seal, campaign and range checked as
     * {@link #read} checks them, without decoding its moments and histogram counts (≈ 100 kB of
     * numbers for 55 components): what {@code --status} needs of every shard. The fields are read
     * with Jackson's streaming parser, skipping the arrays. A file without a seal (written before
     * seals, or whose seal line was damaged) is decoded in full, so that trailing damage is still seen.
     */
    public long acceptedSamples(Shard shard, String identity) throws IOException {
        Path p = shardPath(shard);
        ShardStatistics s;
        try {
            s = sealedHead(p, "shard statistics", ShardStatistics.class, SHARD_HEAD);
        } catch (FileNotFoundException e) {
            throw BadInputException.at(p.toString(), 0, null, "committed shard disappeared");
        }
        if (s == null) s = readLoose(shard);
        String problem = problem(s, shard, identity);
        if (problem != null) throw BadInputException.at(p.toString(), 0, null, "corrupted shard statistics: " + problem);
        return s.count();
    }

    /** What is wrong with a shard file's identity, range or count, or null. */
    private static String problem(ShardStatistics s, Shard shard, String identity) {
        if (s == null || !identity.equals(s.identity())) return "written by another campaign";
        if (!shard.equals(s.shard())) return "its contents are for another shard";
        if (s.count() < 0 || s.count() > shard.size()) return "holds " + s.count() + " samples, at most " + shard.size() + " expected";
        return null;
    }

    /** A sealed campaign file decoded; bad JSON or a failed checksum is "corrupted WHAT", naming the file. */
    private <T> T readSealed(Path p, String what, Class<T> type) throws IOException {
        return decoding(p, what, () -> JSON.readValue(body(p, what), type));
    }

    /**
     * The named top-level fields of a sealed campaign file decoded as {@code type} (its other
     * fields absent), read with Jackson's streaming parser until each has been seen: what follows
     * is not parsed, the seal covers it. Null when only a full decode will do: a file without a
     * seal (written before seals, or whose seal line was damaged), where only a full decode sees
     * trailing damage, or one that is not a JSON object. Errors as {@link #readSealed}'s.
     */
    private <T> T sealedHead(Path p, String what, Class<T> type, Set<String> fields) throws IOException {
        return decoding(p, what, () -> {
            byte[] file = raw(p, what);
            if (!SealedJson.sealed(file)) return null;
            try (JsonParser in = JSON.getFactory().createParser(SealedJson.open(file, p.toString(), what))) {
                if (in.nextToken() != JsonToken.START_OBJECT) return null;
                ObjectNode head = JSON.createObjectNode();
                while (head.size() < fields.size() && in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    in.nextToken();
                    if (fields.contains(name)) head.set(name, FIELD.readValue(in));
                    else in.skipChildren();
                }
                return JSON.treeToValue(head, type);
            }
        });
    }

    private interface Decoding<T> {
        T get() throws IOException;
    }

    /** Runs a decode of campaign file {@code p}, its bad JSON or failed checksum reported as "corrupted WHAT", naming the file. */
    private static <T> T decoding(Path p, String what, Decoding<T> decode) throws IOException {
        try {
            return decode.get();
        } catch (JsonProcessingException e) {
            throw BadInputException.at(p.toString(), 0, null, "corrupted " + what + ": " + firstLine(e.getOriginalMessage()));
        } catch (ChecksumException e) {
            throw BadInputException.at(p.toString(), 0, null, "corrupted " + what + ": checksum mismatch");
        }
    }

    /** A campaign file's JSON, its seal checked. */
    private byte[] body(Path p, String what) throws IOException {
        return SealedJson.open(raw(p, what), p.toString(), what);
    }

    /** A campaign file's bytes, seal included. */
    private byte[] raw(Path p, String what) throws IOException {
        long size = fs().getFileStatus(p).getLen();
        if (size > MAX_FILE_BYTES) throw BadInputException.at(p.toString(), 0, null, "corrupted " + what + ": " + size + " bytes");
        try (InputStream in = fs().open(p)) {
            return in.readAllBytes();
        }
    }

    private Path shardPath(Shard s) {
        return path(String.format(java.util.Locale.ROOT, "shards/cell-%05d/shard-%06d-%d-%d.json", s.cell(), s.index(), s.start(), s.end()));
    }

    private Path packPath(int cell) {
        return path(String.format(java.util.Locale.ROOT, "shards/cell-%05d.json", cell));
    }

    private Path writeTemporary(byte[] bytes) throws IOException {
        Path tmp = path("_tmp/" + UUID.randomUUID() + ".json");
        try (OutputStream out = fs().create(tmp, false)) {
            out.write(bytes);
        }
        return tmp;
    }

    private static void checkFrame(CellFrame f, Path p) {
        int d = f == null || f.centre() == null ? 0 : f.centre().length; // a file holding just "null" decodes to null
        boolean ok = d > 0 && f.eigenvalues() != null && f.eigenvalues().length == d && f.rotation() != null
                && f.rotation().length == d && f.binEdges() != null && f.binEdges().length == d;
        if (!ok) throw BadInputException.at(p.toString(), 0, null, "corrupted cell frame: wrong shape");
    }

    private Path path(String relative) {
        return new Path(new Path(root), relative);
    }

    /** Synchronised: an executor's tasks share one broadcast store. */
    private synchronized FileSystem fs() throws IOException {
        if (fs == null) {
            Configuration conf = new Configuration(false);
            hadoop.forEach(conf::set);
            fs = FileSystem.get(URI.create(root), conf);
        }
        return fs;
    }

    private static String abbrev(String identity) {
        return identity.substring(0, Math.min(12, identity.length()));
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : Objects.requireNonNullElse(s.lines().findFirst().orElse(null), "unreadable");
    }
}
