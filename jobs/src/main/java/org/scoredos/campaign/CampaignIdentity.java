package org.scoredos.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a campaign: SHA-256 of its canonical config without {@code samples},
 * {@code output}, {@code score} (what a rerun may change: more samples, another place, a refit of
 * the score models from the same histograms) and the τ grid ({@code tau}, {@code temperatures}:
 * a rerun may add cells; the output's manifest keeps each cell's τ, checked by {@link ShardPlan}),
 * and of the contents of every file the config names. Two runs with the same identity produce the
 * same sample i of cell K and the same histograms.
 */
public final class CampaignIdentity {
    private CampaignIdentity() {}

    /** @param baseDir the directory the config's relative paths are relative to */
    public static String of(CampaignConfig config, Path baseDir) throws IOException {
        return hash(config, baseDir, false);
    }

    /**
     * The identity as outputs written before grids could be extended recorded it (τ grid
     * included), so that those outputs can still be resumed and topped up with the same grid.
     */
    public static String withGrid(CampaignConfig config, Path baseDir) throws IOException {
        return hash(config, baseDir, true);
    }

    private static String hash(CampaignConfig config, Path baseDir, boolean withGrid) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = json.valueToTree(config);
        tree.remove("samples");
        tree.remove("output");
        tree.remove("score");
        if (!withGrid) {
            tree.remove("tau");
            tree.remove("temperatures");
        }
        MessageDigest sha = sha256();
        sha.update(json.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
        for (String file : CampaignFiles.referenced(config)) {
            sha.update(file.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(CampaignFiles.resolve(baseDir, file)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
