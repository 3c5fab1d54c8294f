package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoredos.cli.CommandRun;

/**
 * Outputs written before grids could grow recorded an identity that includes the τ grid (and
 * the strains): they are still resumed and topped up with their grid, and refused when the grid
 * changes.
 */
class FormerIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path config(String dir, String tau, int samples) throws IOException {
        Path where = Files.createDirectories(tmp.resolve(dir));
        return TinyCampaign.write(where, tau + "samples: " + samples + "\nsamplesPerShard: 16\nhistogram: {bins: 8}\n"
                + "seed: 23\noutput: unused\n");
    }

    /** Rewrites an output as the former code wrote it: the grid-inclusive identity in the manifest and every shard. */
    private static void makeFormer(Path out, String identity) throws IOException {
        CampaignOutputs.unpack(out); // the former code kept every shard in its own file
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".crc")) {
                    Files.delete(p); // the checksums of the rewritten files
                } else if (name.equals("manifest.json") || name.startsWith("shard-")) {
                    ObjectNode tree = (ObjectNode) JSON.readTree(p.toFile());
                    tree.put("identity", identity);
                    JSON.writeValue(p.toFile(), tree);
                }
            }
        }
    }

    @Test
    void aFormerOutputIsToppedUpWithItsGridAndRefusedWithAnother() throws IOException {
        Path yaml = config("a", "tau: [0.5, 1.0]\n", 32), out = tmp.resolve("out");
        String cache = tmp.resolve("hessians").toString();
        CommandRun first = run("campaign", "--config", yaml.toString(), "--out", out.toString(), "--master", "local[2]", "--hessian-cache", cache);
        assertEquals(0, first.code(), first.err());
        String former = CampaignIdentity.withGrid(CampaignConfigReader.read(yaml), yaml.getParent());
        makeFormer(out, former);

        CommandRun topUp = run("campaign", "--config", config("a", "tau: [0.5, 1.0]\n", 48).toString(), "--out", out.toString(),
                "--master", "local[2]", "--hessian-cache", cache, "--format", "json");
        assertEquals(0, topUp.code(), topUp.err());
        JsonNode json = JSON.readTree(topUp.out());
        assertEquals(2, json.get("shardsComputed").asInt(), "one new shard per cell, the former ones read back");
        assertEquals(List.of(48L, 48L), List.of(json.get("cells").get(0).get("summarised").asLong(),
                json.get("cells").get(1).get("summarised").asLong()));
        assertEquals(former, JSON.readTree(out.resolve("manifest.json").toFile()).get("identity").asText());

        // with another strain it is recognised (the strains it was first run with), then refused: a
        // single strain's summary is named without its strain
        CommandRun strained = run("campaign", "--config", config("c", "tau: [0.5, 1.0]\nstrains: [0.0, 0.005]\n", 48).toString(), "--out",
                out.toString(), "--master", "local[2]", "--hessian-cache", cache);
        assertEquals(2, strained.code(), strained.err());
        assertTrue(strained.err().contains("strains: the output sampled one strain"), strained.err());

        CommandRun grown = run("campaign", "--config", config("b", "tau: [0.5, 1.0, 2.0]\n", 48).toString(), "--out",
                out.toString(), "--master", "local[2]", "--hessian-cache", cache);
        assertEquals(2, grown.code(), grown.err());
        assertTrue(grown.err().contains("identity: this directory holds campaign 'tiny'"), grown.err());
    }
}
