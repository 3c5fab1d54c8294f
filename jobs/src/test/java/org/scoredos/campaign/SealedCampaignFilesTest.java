package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.CommandRun;
import org.scoredos.io.BadInputException;

/**
 * Campaign files carry their own checksum: every single-byte change to a committed shard, a
 * cell frame or the manifest is detected on the next read, with the local file system's
 * {@code .crc} sidecars deleted (which used to let an edited shard through).
 */
class SealedCampaignFilesTest {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void campaign() throws IOException {
        Path yaml = TinyCampaign.write(tmp, "tau: [0.5, 1.0]\nsamples: 32\nsamplesPerShard: 16\nhistogram: {bins: 8}\nseed: 5\noutput: unused\n");
        out = tmp.resolve("out");
        CommandRun ran = CommandRun.run("campaign", "--config", yaml.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(0, ran.code(), ran.err());
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) Files.delete(p);
        }
    }

    @Test
    void sealsRoundTripAndOldFilesStillRead() {
        byte[] json = "{\"a\": [1, 2.5]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(json, SealedJson.open(SealedJson.seal(json), "x", "test"));
        assertArrayEquals(json, SealedJson.open(json, "x", "unsealed"), "files written before seals are read as they are");
    }

    @Test
    void everySingleByteChangeToACommittedFileIsDetected() throws IOException {
        CampaignStore store = CampaignStore.existing(out.toString(), new Configuration());
        CampaignManifest manifest = store.manifest();
        Map<Integer, org.scoredos.summary.CellFrame> frames = store.frames();
        List<Shard> shards = store.committedShards();
        assertEquals(4, shards.size());
        int components = frames.get(0).centre().length, bins = frames.get(0).binEdges()[0].length - 1;
        List<Path> files = new ArrayList<>(List.of(out.resolve(CampaignStore.MANIFEST)));
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.toString().contains("/frames/") || p.toString().contains("/shards/"))
                    .filter(Files::isRegularFile).forEach(files::add);
        }
        int trials = flipBytes(files, 60, manifest, shards, components, bins);
        // and the shard files of a run that died before packing them
        CampaignOutputs.unpack(out);
        try (Stream<Path> walk = Files.walk(out.resolve("shards"))) {
            for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) Files.delete(p);
        }
        try (Stream<Path> walk = Files.walk(out.resolve("shards"))) {
            trials += flipBytes(walk.filter(Files::isRegularFile).toList(), 10, manifest, shards, components, bins);
        }
        assertTrue(trials > 300, "tried " + trials);
        // restored: everything reads again, and the count read alone is the decoded one
        Map<Shard, Long> counts = store.committedCounts(manifest.identity());
        for (Shard shard : shards) assertEquals(store.read(shard, manifest.identity(), components, bins).count(), counts.get(shard));
    }

    @Test
    void aSealedPackWithAMissingIndexEntryIsCorruptedNotACrash() throws IOException {
        CampaignStore store = CampaignStore.existing(out.toString(), new Configuration());
        String identity = store.manifest().identity();
        Path pack = out.resolve("shards/cell-00099.json"); // a cell of its own: whatever else is packed or not
        Files.write(pack, SealedJson.seal(("{\"identity\": \"" + identity + "\", \"cell\": 99, \"index\": [null], \"statistics\": []}")
                .getBytes(StandardCharsets.UTF_8)));
        try {
            BadInputException e = assertThrows(BadInputException.class, () -> store.committedCounts(identity));
            assertTrue(e.getMessage().endsWith("cell-00099.json: corrupted shard pack: wrong shape"), e.getMessage());
        } finally {
            Files.delete(pack);
        }
    }

    /** Flips bytes of each file (both ends, the seal line, {@code randomPositions} more); each change must be refused on reading. */
    private int flipBytes(List<Path> files, int randomPositions, CampaignManifest manifest, List<Shard> shards, int components, int bins)
            throws IOException {
        Random random = new Random(20261206 + files.size());
        int trials = 0;
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            // random positions, plus both ends and every byte of the seal line
            List<Integer> positions = new ArrayList<>(List.of(0, original.length - 1));
            for (int i = original.length - 18; i < original.length; i++) positions.add(i);
            for (int i = 0; i < randomPositions; i++) positions.add(random.nextInt(original.length));
            for (int pos : positions) {
                byte[] changed = original.clone();
                changed[pos] = (byte) (changed[pos] ^ (1 + random.nextInt(255)));
                Files.write(file, changed);
                BadInputException e = assertThrows(BadInputException.class, () -> {
                    CampaignStore s = CampaignStore.existing(out.toString(), new Configuration());
                    s.manifest();
                    s.frames();
                    for (Shard shard : shards) s.read(shard, manifest.identity(), components, bins);
                }, () -> file + " byte " + pos + " changed and read back silently");
                assertTrue(e.getMessage().contains("corrupted") || e.getMessage().contains("manifest"), e.getMessage());
                if (file.toString().contains("/shards/")) { // --status reads only a shard's count, and must see the damage too
                    BadInputException c = assertThrows(BadInputException.class, () -> CampaignStore.existing(out.toString(), new Configuration()).committedCounts(manifest.identity()),
                            () -> file + " byte " + pos + " changed and its count read back silently");
                    assertTrue(c.getMessage().contains("corrupted"), c.getMessage());
                }
                trials++;
            }
            Files.write(file, original);
        }
        return trials;
    }
}
