package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What integration tests read of a local campaign output: committed shards and temporary files. */
public final class CampaignOutputs {
    private CampaignOutputs() {}

    /** How many shards are committed: shard files renamed into shards/ plus the shards packed per cell. */
    public static int committedShards(Path out) throws IOException {
        return shardFiles(out).size();
    }

    /**
     * Committed shards by cell and index ({@code cell-00000/shard-000003}), each with its
     * statistics as compact JSON, whether in its own file or in its cell's pack.
     */
    public static Map<String, String> shardFiles(Path out) throws IOException {
        Map<String, String> shards = new TreeMap<>();
        Path dir = out.resolve("shards");
        if (!Files.isDirectory(dir)) return shards;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Path> files;
        while (true) {
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).toList();
                break;
            } catch (java.io.UncheckedIOException e) {
                // a live run packed a cell and removed its directory while the walk went through it
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) throw e;
            }
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            boolean loose = name.startsWith("shard-"), pack = name.matches("cell-\\d{5}\\.json");
            if (!loose && !pack) continue; // the local file system's .crc sidecars
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // a live run packed its cell since the walk listed it: the pack holds it
            }
            com.fasterxml.jackson.databind.JsonNode body = json.readTree(SealedJson.open(bytes, p.toString(), "shard"));
            for (com.fasterxml.jackson.databind.JsonNode s : loose ? List.of(body) : body.get("statistics")) {
                shards.put(String.format(java.util.Locale.ROOT, "cell-%05d/shard-%06d", s.get("cell").asInt(), s.get("index").asInt()),
                        s.toString());
            }
        }
        return shards;
    }

    /**
     * Puts a completed output back in the state of a run that died before summarising: every
     * packed shard in its own file again, the packs removed.
     */
    public static void unpack(Path out) throws IOException {
        CampaignStore store = CampaignStore.existing(out.toString(), new org.apache.hadoop.conf.Configuration());
        String identity = store.manifest().identity();
        Map<Integer, org.scoredos.summary.CellFrame> frames = store.frames();
        Map<Integer, List<Shard>> byCell = new TreeMap<>();
        for (Shard s : store.committedShards()) byCell.computeIfAbsent(s.cell(), k -> new java.util.ArrayList<>()).add(s);
        for (Map.Entry<Integer, List<Shard>> e : byCell.entrySet()) {
            org.scoredos.summary.CellFrame f = frames.get(e.getKey());
            for (ShardStatistics st : store.readCell(e.getKey(), e.getValue(), identity, f.components(), f.bins())) store.commit(st);
            Path pack = out.resolve(String.format(java.util.Locale.ROOT, "shards/cell-%05d.json", e.getKey()));
            Files.deleteIfExists(pack);
            Files.deleteIfExists(pack.resolveSibling("." + pack.getFileName() + ".crc"));
        }
    }

    /** Files and directories of the output that are temporary: _tmp and whatever is in it, *.tmp-*. */
    public static List<Path> temporaryFiles(Path out) throws IOException {
        if (!Files.exists(out)) return List.of();
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> out.relativize(p).toString().startsWith("_tmp") || p.getFileName().toString().contains(".tmp")).toList();
        }
    }
}
