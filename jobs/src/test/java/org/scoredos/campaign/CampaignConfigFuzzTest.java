package org.scoredos.campaign;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scoredos.io.BadInputException;
import org.scoredos.reliability.Mutator;

/**
 * Seeded byte mutations of a valid campaign config: the reader returns a config or refuses with
 * one line naming the file (or, when a mutated path names a file that is not there, a
 * {@link NoSuchFileException}, which the command line reports as "PATH: no such file"); never
 * another exception, never a hang. 2000 mutations in the unit suite; {@code -Dfuzz.seconds=N}
 * runs longer with a seed from the clock (as lib's ReaderFuzzTest).
 */
class CampaignConfigFuzzTest {
    private static final int DEFAULT_ITERATIONS = 2000;
    private static final long DEFAULT_SEED = 20261125L;

    @Test
    void configsGiveAResultOrOneCleanLine() throws Exception {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/fuzz-seeds/w-tiny.yaml")) {
            seed = in.readAllBytes();
        }
        // Next to the corpus, so that the seed's relative paths resolve.
        Path dir = Files.createDirectories(Path.of(getClass().getResource("/fuzz-seeds").toURI()).resolve("mutated-" + ProcessHandle.current().pid()));
        Path file = dir.resolve("w-tiny.yaml");
        long seconds = Long.getLong("fuzz.seconds", 0);
        long seedValue = Long.getLong("fuzz.seed", seconds > 0 ? System.nanoTime() : DEFAULT_SEED);
        int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            Files.write(file, seed);
            CampaignConfigReader.read(file);

            Mutator mutator = new Mutator(seedValue);
            List<String> failures = new ArrayList<>();
            int ran = 0, accepted = 0;
            while (seconds > 0 ? System.nanoTime() < deadline : ran < iterations) {
                byte[] input = mutator.mutate(seed);
                Files.write(file, input);
                ran++;
                try {
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CampaignConfigReader.read(file));
                    accepted++;
                } catch (BadInputException e) {
                    if (e.getMessage() == null || e.getMessage().contains("\n") || !e.getMessage().contains("w-tiny.yaml")) {
                        failures.add(kept(ran, input) + ": not one line naming the file: " + e.getMessage());
                    }
                } catch (Throwable t) {
                    // NoSuchFileException: a mutated path, reported by the command line as "PATH: no such file"
                    if (!(t instanceof NoSuchFileException)) failures.add(kept(ran, input) + ": " + t);
                }
                if (failures.size() >= 10) break;
            }
            System.out.printf("fuzz campaign config (YAML)  seed %d: %d mutations, %d read, %d refused cleanly, %d failures%n",
                    seedValue, ran, accepted, ran - accepted - failures.size(), failures.size());
            if (!failures.isEmpty()) fail(failures.size() + " of " + ran + " mutations broke the config reader:\n" + String.join("\n", failures));
            assertTrue(ran - accepted > ran / 10, "most mutations should be refused");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static String kept(int iteration, byte[] input) throws java.io.IOException {
        Path keep = Files.createDirectories(Path.of("target", "fuzz-failures")).resolve(iteration + "-w-tiny.yaml");
        Files.write(keep, input);
        return keep.toString();
    }
}
