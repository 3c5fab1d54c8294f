package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the bad-input corpus ({@code src/test/resources/bad-inputs/<group>/cases.tsv}) through
 * the command line. Each row names a case (a file or a directory in the group's folder, or just
 * a name when the case is a command line), the {@code scoredos} arguments ({@code {file}} is the
 * case, {@code {companions}} the folder of valid inputs the cases lean on, {@code {out}} an output
 * path) and substrings the error must contain ({@code {name}} is the case's name: the rows about
 * a file's content name the file, and its line and field where the reader knows them). Every
 * case must exit 2 with one error line on stderr (after any progress lines; usage errors
 * included), show no stack trace, print nothing on stdout and
 * leave nothing at {@code {out}}. Adding a case is adding a file and a row.
 */
class BadInputCorpusTest {
    /** One row of a manifest. */
    record Case(String group, String name, String args, List<String> expected) {
        @Override
        public String toString() {
            return group + "/" + name;
        }

        boolean usesFile() {
            return args.contains("{file}");
        }
    }


    static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> groups = Files.list(corpus())) {
            for (Path manifest : groups.map(g -> g.resolve("cases.tsv")).filter(Files::exists).sorted().toList()) {
                String group = manifest.getParent().getFileName().toString();
                for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split("\t", -1);
                    if (f.length < 3) throw new IllegalStateException(manifest + ": a row is 'file<TAB>args<TAB>expected...': " + line);
                    out.add(new Case(group, f[0], f[1], List.of(Arrays.copyOfRange(f, 2, f.length))));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineAndNoOutput(Case c, @TempDir Path tmp) throws Exception {
        Path dir = corpus().resolve(c.group);
        Path output = tmp.resolve("out");
        String[] args = c.args.isBlank() ? new String[0] : Arrays.stream(c.args.trim().split(" "))
                .map(a -> a.replace("{file}", dir.resolve(c.name).toString())
                        .replace("{companions}", corpus().resolve("companions").toString())
                        .replace("{out}", output.toString()))
                .toArray(String[]::new);
        CommandRun ran = run(args);

        String stderr = ran.err();
        List<String> lines = stderr.lines().toList();
        assertEquals(ExitCodes.BAD_INPUT, ran.code(), stderr);
        assertEquals("", ran.out(), "no partial output on stdout");
        assertFalse(Files.exists(output), "nothing left at --out");
        // Progress lines ("harmonic: Hessian of ...") may come first; the error is one line, usage errors included.
        List<String> error = lines.stream().filter(l -> l.startsWith("scoredos")).toList();
        assertEquals(1, error.size(), "one error line:\n" + stderr);
        List<String> rest = lines.subList(lines.indexOf(error.get(0)) + 1, lines.size());
        assertTrue(rest.isEmpty(), "nothing after the error line:\n" + stderr);
        for (String want : c.expected) {
            String w = want.replace("{name}", c.name);
            assertTrue(stderr.contains(w), "expected '" + w + "' in:\n" + stderr);
        }
        for (String trace : List.of("Exception", "\tat ", "at org.", "at java.", "internal error")) {
            assertFalse(stderr.contains(trace), "no stack trace or internal error:\n" + stderr);
        }
    }

    /** The companions are valid (else the cases that lean on them would prove nothing). */
    @Test
    void companionsAreValidInputs() {
        String comp = corpus().resolve("companions").toString();
        for (String line : List.of(
                "inspect --structure C/W-bcc-2.dat",
                "energy --structure C/W-bcc-2.dat --params C/D.snapparam --coeff C/X_W.snapcoeff",
                "estimate --summaries C/w-tiny-store --coeff C/theta.txt --temperatures 300")) {
            CommandRun ran = run(line.replace("C/", comp + "/").split(" "));
            assertEquals(0, ran.code(), line + ": " + ran.err());
            assertFalse(ran.out().isBlank(), line);
        }
    }

    /** Every file or folder in a case folder has a row, and every row about a file has one. */
    @Test
    void everyCaseIsInItsManifest() throws Exception {
        Set<String> listed = cases().filter(Case::usesFile).map(Case::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> groups = Files.list(corpus())) {
            for (Path g : groups.filter(p -> Files.exists(p.resolve("cases.tsv"))).toList()) {
                try (Stream<Path> entries = Files.list(g)) {
                    entries.filter(p -> !p.getFileName().toString().equals("cases.tsv"))
                            .forEach(p -> present.add(g.getFileName() + "/" + p.getFileName()));
                }
            }
        }
        assertEquals(present, listed);
        System.out.println("bad-input corpus: " + cases().count() + " cases in " + cases().map(Case::group).distinct().count() + " groups");
    }
}
