package org.scoredos.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.zip.CRC32C;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.estimate.CoefficientFile;
import org.scoredos.harmonic.DynamicalMatrixReader;
import org.scoredos.store.SummaryStore;
import org.scoredos.io.BadInputException;
import org.scoredos.neighbor.NeighborList;
import org.scoredos.structure.ExtendedXyzReader;
import org.scoredos.structure.LammpsDataReader;
import org.scoredos.structure.LammpsDumpReader;
import org.scoredos.structure.Structure;
import org.scoredos.summary.DescriptorDosReader;

/**
 * Feeds every reader seeded random byte mutations of a valid file and accepts only two
 * outcomes: a result, or a {@link BadInputException} whose message is one line naming the
 * file. Any other exception, an {@link OutOfMemoryError} (a header count trusted for an
 * allocation) or a call running past {@link #PER_CALL} fails the test, and the offending input
 * is kept under {@code target/fuzz-failures/} to replay.
 *
 * <p>Bounded for the unit suite: {@value #DEFAULT_ITERATIONS} mutations per reader
 * ({@value #PARQUET_ITERATIONS} per Parquet member of a store) with a fixed seed. Run longer by
 * hand with {@code -Dfuzz.seconds=60} (per reader, seed from the clock unless
 * {@code -Dfuzz.seed=N}) or more iterations with {@code -Dfuzz.iterations=N}.
 */
class ReaderFuzzTest {
    static final int DEFAULT_ITERATIONS = 1000;
    /** A Parquet member takes ~8 ms a read (the others well under 1 ms): fewer keep the suite to seconds. */
    static final int PARQUET_ITERATIONS = 250;
    private static final long DEFAULT_SEED = 20261125L;
    private static final Duration PER_CALL = Duration.ofSeconds(10);
    /** The cutoff of the bundled tungsten SNAP: what every command builds next from a structure. */
    private static final double CUTOFF = 4.7;
    private static final String STORE = "/fuzz-seeds/w-tiny-store";
    private static final List<String> STORE_FILES = List.of("manifest.json", "reference-1.parquet", "cells-1.parquet", "scores-1.parquet");
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    interface Read {
        Object apply(Path file) throws Exception;
    }

    @FunctionalInterface
    interface Use {
        void accept(Object result) throws Exception;
    }

    @FunctionalInterface
    interface Prepare {
        void accept(Path file, byte[] input) throws IOException;
    }

    /**
     * A reader under test: its seed file (a test resource), how to call it, and what a command
     * does next with what it read (whose refusals need not name the file: it is not at hand there).
     * Store members are mutated in a copy of the whole store, their checksum in the manifest
     * brought up to date ({@code prepare}) so that the mutation reaches the decoder; the store's
     * refusals name the store.
     */
    record Target(String name, String seed, Read read, Use then, Prepare prepare, String mustName, int iterations) {
        Target(String name, String seed, Read read, Use then) {
            this(name, seed, read, then, (f, b) -> {}, Path.of(seed).getFileName().toString(), DEFAULT_ITERATIONS);
        }

        Target(String name, String seed, Read read) {
            this(name, seed, read, result -> {});
        }

        static Target storeMember(String member) {
            String seed = STORE + "/" + member;
            boolean parquet = member.endsWith(".parquet");
            return new Target("summary store: " + member, seed, f -> SummaryStore.read(f.getParent()), r -> {},
                    parquet ? ReaderFuzzTest::updateChecksum : (f, b) -> {}, "w-tiny-store", parquet ? PARQUET_ITERATIONS : DEFAULT_ITERATIONS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() throws IOException {
        SnapParameters params = SnapParameterReader.parse("D.snapparam", lines("/fuzz-seeds/D.snapparam"));
        return Stream.of(
                new Target("LAMMPS data (128 atoms)", "/w-snap/W-bcc.dat", LammpsDataReader::read, ReaderFuzzTest::neighbors),
                new Target("LAMMPS data (Masses, tilt, Velocities)", "/fuzz-seeds/W-bcc-16.dat", LammpsDataReader::read, ReaderFuzzTest::neighbors),
                new Target("LAMMPS dump (two frames)", "/fuzz-seeds/W-bcc.dump", ReaderFuzzTest::allFrames, ReaderFuzzTest::neighbors),
                new Target("extended XYZ", "/fuzz-seeds/W-bcc.extxyz", ExtendedXyzReader::read, ReaderFuzzTest::neighbors),
                new Target("snapparam", "/fuzz-seeds/D.snapparam", SnapParameterReader::read),
                new Target("snapcoeff", "/fuzz-seeds/X_W.snapcoeff", f -> SnapCoefficientReader.read(f, params)),
                new Target("dynamical matrix", "/fuzz-seeds/W-2atom.dynmat",
                        f -> DynamicalMatrixReader.read(f, new double[] {183.84, 183.84}, DynamicalMatrixReader.Style.REGULAR)),
                new Target("DescriptorDOS JSON", "/fuzz-seeds/tiny-campaign.json", DescriptorDosReader::read),
                new Target("θ file (.snapcoeff)", "/fuzz-seeds/X_W.snapcoeff", f -> CoefficientFile.read(f, params.descriptorCount())),
                Target.storeMember("manifest.json"),
                Target.storeMember("reference-1.parquet"),
                Target.storeMember("cells-1.parquet"),
                Target.storeMember("scores-1.parquet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void readersGiveAResultOrOneCleanLine(Target target, @TempDir Path dir) throws Exception {
        byte[] seed = bytes(target.seed);
        String fileName = Path.of(target.seed).getFileName().toString();
        Path file = dir.resolve(fileName);
        if (target.seed.startsWith(STORE + "/")) {
            Path store = Files.createDirectories(dir.resolve("w-tiny-store"));
            for (String m : STORE_FILES) Files.write(store.resolve(m), bytes(STORE + "/" + m));
            file = store.resolve(fileName);
        }
        long seconds = Long.getLong("fuzz.seconds", 0);
        long seedValue = Long.getLong("fuzz.seed", seconds > 0 ? System.nanoTime() : DEFAULT_SEED);
        int iterations = Integer.getInteger("fuzz.iterations", target.iterations);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;

        Files.write(file, seed);
        target.then.accept(target.read.apply(file)); // the seed itself must read
        Path at = file;

        Mutator mutator = new Mutator(seedValue ^ target.name.hashCode());
        List<String> failures = new ArrayList<>();
        int ran = 0, accepted = 0;
        while (seconds > 0 ? System.nanoTime() < deadline : ran < iterations) {
            byte[] input = mutator.mutate(seed);
            Files.write(at, input);
            target.prepare.accept(at, input);
            ran++;
            try {
                String problem = assertTimeoutPreemptively(PER_CALL, () -> readAndUse(target, at, target.mustName));
                if (problem == null) accepted++;
                else if (!problem.isEmpty()) failures.add(keep(target, ran, input, problem));
            } catch (Throwable t) {
                failures.add(keep(target, ran, input, stackTrace(t)));
            }
            if (failures.size() >= 10) break;
        }
        System.out.printf("fuzz %-40s seed %d: %d mutations, %d read, %d refused cleanly, %d failures%n",
                target.name, seedValue, ran, accepted, ran - accepted - failures.size(), failures.size());
        if (!failures.isEmpty()) fail(failures.size() + " of " + ran + " mutations broke " + target.name + ":\n" + String.join("\n", failures));
        assertTrue(ran - accepted > ran / 10, "most mutations should be refused, else the mutator is not reaching the parser");
    }

    /** Null when the input was read and used, "" when refused cleanly, else what went wrong. */
    private static String readAndUse(Target target, Path file, String fileName) throws Exception {
        Object result;
        try {
            result = target.read.apply(file);
        } catch (BadInputException e) {
            String m = e.getMessage();
            return m != null && !m.contains("\n") && m.contains(fileName) ? "" : "reader message is not one line naming the file: " + m;
        }
        try {
            target.then.accept(result);
            return null;
        } catch (BadInputException e) {
            String m = e.getMessage();
            return m != null && !m.isBlank() && !m.contains("\n") ? "" : "message is not one line: " + m;
        }
    }

    /** The manifest's size and CRC-32C of a mutated store member, so that the checksum lets it through. */
    private static void updateChecksum(Path member, byte[] input) throws IOException {
        Path manifest = member.resolveSibling("manifest.json");
        ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
        String kind = member.getFileName().toString().replaceFirst("-\\d+\\.parquet$", "");
        CRC32C crc = new CRC32C();
        crc.update(input);
        ObjectNode entry = (ObjectNode) root.get("files").get(kind);
        entry.put("bytes", input.length);
        entry.put("crc32c", String.format("%08x", crc.getValue()));
        JSON.writeValue(manifest.toFile(), root);
    }

    /** Every command builds a neighbour list next: the structures read must survive it. */
    @SuppressWarnings("unchecked")
    private static void neighbors(Object read) {
        for (Structure s : read instanceof Structure one ? List.of(one) : (List<Structure>) read) NeighborList.build(s, CUTOFF);
    }

    private static List<Structure> allFrames(Path file) throws IOException {
        List<Structure> frames = new ArrayList<>();
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            while (r.hasNext()) frames.add(r.next().structure());
        }
        return frames;
    }

    private static String keep(Target target, int iteration, byte[] input, String what) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            String name = target.seed.substring(target.seed.lastIndexOf('/') + 1);
            Path kept = dir.resolve(iteration + "-" + name);
            Files.write(kept, input);
            return "  " + kept + ": " + what;
        } catch (IOException e) {
            return "  iteration " + iteration + ": " + what;
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(6, lines.length)));
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ReaderFuzzTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            return in.readAllBytes();
        }
    }

    private static List<String> lines(String resource) throws IOException {
        return new String(bytes(resource), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
}
