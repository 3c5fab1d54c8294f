package org.scoredos.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The identity of a campaign: SHA-256 of its canonical config without {@code samples},
 * {@code output}, {@code score} (what a rerun may change: more samples, another place, a refit of
 * the score models from the same histograms), the τ grid ({@code tau}, {@code temperatures}) and
 * {@code strains} (a rerun may add cells and strains; the output's manifest keeps each cell's
 * strain and τ, checked by {@link ShardPlan}), and of the contents of every file the config names.
 * Two runs with the same identity produce the same sample i of cell K and the same histograms.
 */
public final class CampaignIdentity {
    private CampaignIdentity() {}

    /** @param baseDir the directory the config's relative paths are relative to */
    public static String of(CampaignConfig config, Path baseDir) throws IOException {
        return new Hash(config, baseDir).of(null, false);
    }

    /**
     * The identity as outputs written before grids could grow recorded it (τ grid and strains
     * included), so that those outputs can still be resumed and topped up with the same grid.
     */
    public static String withGrid(CampaignConfig config, Path baseDir) throws IOException {
        Hash h = new Hash(config, baseDir);
        return h.of(h.tree.get("strains"), true);
    }

    /**
     * How this campaign's outputs were identified before strains could be added (the files are
     * read once, here): an output matches when its identity is this config's with the strains it
     * was first run with, τ grid included (before grids could grow) or not.
     */
    public static Former former(CampaignConfig config, Path baseDir) throws IOException {
        return new Former(new Hash(config, baseDir));
    }

    /** {@link #former}'s test. */
    public static final class Former {
        private final Hash hash;

        private Former(Hash hash) {
            this.hash = hash;
        }

        /**
         * Whether {@code found} recorded this campaign's former identity. The strains it was first
         * run with lead its strains in order of their lowest cell id (a fresh output numbers cells
         * strain-major), so each leading run of them is tried.
         */
        public boolean matches(CampaignManifest found) {
            List<Double> strains = new ArrayList<>(new LinkedHashSet<>(found.cells().stream()
                    .sorted(Comparator.comparingInt(CampaignManifest.CellCount::cell)).map(CampaignManifest.CellCount::strain).toList()));
            for (int k = 1; k <= strains.size(); k++) {
                ArrayNode first = hash.json.createArrayNode();
                strains.subList(0, k).forEach(first::add);
                if (found.identity().equals(hash.of(first, false)) || found.identity().equals(hash.of(first, true))) return true;
            }
            return false;
        }
    }

    /** The config's canonical tree and the named files' contents, hashed with or without the grid and strains. */
    private static final class Hash {
        final ObjectMapper json = new ObjectMapper();
        final ObjectNode tree;
        final List<byte[]> files = new ArrayList<>();

        Hash(CampaignConfig config, Path baseDir) throws IOException {
            tree = json.valueToTree(config);
            tree.remove("samples");
            tree.remove("output");
            tree.remove("score");
            for (String file : CampaignFiles.referenced(config)) {
                files.add(file.getBytes(StandardCharsets.UTF_8));
                files.add(Files.readAllBytes(CampaignFiles.resolve(baseDir, file)));
            }
        }

        /** @param strains the strains hashed in their place, or null for none; {@code withGrid}: the τ grid too */
        String of(JsonNode strains, boolean withGrid) {
            ObjectNode t = tree.deepCopy();
            if (strains == null) t.remove("strains");
            else t.set("strains", strains);
            if (!withGrid) {
                t.remove("tau");
                t.remove("temperatures");
            }
            MessageDigest sha = sha256();
            try {
                sha.update(json.writeValueAsString(t).getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            files.forEach(sha::update);
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
