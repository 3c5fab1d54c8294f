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

    /** How many shard files are committed (renamed into shards/). */
    public static int committedShards(Path out) throws IOException {
        Path shards = out.resolve("shards");
        if (!Files.isDirectory(shards)) return 0;
        try (Stream<Path> walk = Files.walk(shards)) {
            return (int) walk.filter(p -> p.getFileName().toString().startsWith("shard-")).count();
        }
    }

    /** Committed shard files by name, with their contents. */
    public static Map<String, String> shardFiles(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path shards = out.resolve("shards");
        if (!Files.isDirectory(shards)) return files;
        try (Stream<Path> walk = Files.walk(shards)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().startsWith("shard-")).toList()) {
                files.put(shards.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** Files and directories of the output that are temporary: _tmp and whatever is in it, *.tmp-*. */
    public static List<Path> temporaryFiles(Path out) throws IOException {
        if (!Files.exists(out)) return List.of();
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> out.relativize(p).toString().startsWith("_tmp") || p.getFileName().toString().contains(".tmp")).toList();
        }
    }
}
