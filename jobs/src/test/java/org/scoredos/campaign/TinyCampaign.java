package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tests' tiny campaign: 16-atom W bcc with the bundled SNAP potential as reference and
 * descriptor. Each test adds its own grid, counts, histogram, score model, seed and output.
 */
public final class TinyCampaign {
    private static final Path W_SNAP = Path.of("../conf/potentials/w-snap").toAbsolutePath().normalize();

    private TinyCampaign() {}

    /** Writes {@code dir/tiny.yaml}: the crystal and potential, then {@code settings} (YAML lines). */
    public static Path write(Path dir, String settings) throws IOException {
        Path yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, """
                name: tiny
                structure: {lattice: bcc, a: 3.1803, repeat: [2, 2, 2]}
                mass: 183.84
                descriptor: %s/D.snapparam
                reference: {coeff: %s/X_W.snapcoeff}
                """.formatted(W_SNAP, W_SNAP) + settings);
        return yaml;
    }
}
