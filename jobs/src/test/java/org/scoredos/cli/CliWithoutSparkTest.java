package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the command line refers to Spark: Spark is started only by the launchers
 * ({@code CampaignLauncher}, {@code IngestLauncher}, {@code VerifyLauncher}, {@code EnsembleLauncher}),
 * so a command that needs no Spark never loads it, and a Spark job has one place that starts it.
 * A class file names every class it refers to (fields, calls, signatures, lambdas) in its constant
 * pool as {@code org/apache/spark/...}; the test looks for that text in the compiled classes.
 */
class CliWithoutSparkTest {
    private static final byte[] SPARK = "org/apache/spark/".getBytes(StandardCharsets.UTF_8);

    @Test
    void noCommandLineClassRefersToSpark() throws Exception {
        List<Path> classes = classesOf("org/scoredos/cli");
        assertTrue(classes.size() > 30, "expected the command line's classes, found " + classes.size());
        List<String> withSpark = classes.stream().filter(CliWithoutSparkTest::refersToSpark).map(Path::toString).toList();
        assertTrue(withSpark.isEmpty(), "command-line classes referring to Spark: " + withSpark);
    }

    @Test
    void theCheckSeesSparkWhereItIs() throws Exception {
        for (String launcher : List.of("campaign/CampaignLauncher", "ingest/IngestLauncher", "verify/VerifyLauncher",
                "ensemble/EnsembleLauncher")) {
            Path file = root().resolve("org/scoredos/" + launcher + ".class");
            assertTrue(refersToSpark(file), launcher + " starts Spark, and the check must see it");
        }
        assertFalse(refersToSpark(root().resolve("org/scoredos/cli/CampaignCommand.class")));
    }

    private static List<Path> classesOf(String pkg) throws IOException, URISyntaxException {
        try (Stream<Path> walk = Files.walk(root().resolve(pkg))) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** Where the main classes were compiled to (jobs/target/classes). */
    private static Path root() throws URISyntaxException {
        return Path.of(ScoreDos.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean refersToSpark(Path classFile) {
        try {
            byte[] b = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i + SPARK.length <= b.length; i++) {
                for (int j = 0; j < SPARK.length; j++) if (b[i + j] != SPARK[j]) continue outer;
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
