package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the bad-input corpus ({@code src/test/resources/bad-inputs/<group>/cases.tsv}) through
 * the command line. Each row names a case file, the {@code scoredos} arguments
 * ({@code {file}} is the case file, {@code {companions}} the folder of valid files the cases lean
 * on) and substrings the error must contain ({@code {name}} is the case file's name). Every case
 * must exit 2 with one line on stderr (two for a picocli usage error: the message and
 * "Try ... --help") that names the case file, shows no stack trace, and print nothing on stdout.
 * Adding a case is adding a file and a row.
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
    void exitsTwoWithOneLineNamingTheFile(Case c) throws Exception {
        Path dir = corpus().resolve(c.group);
        String[] args = c.args.isBlank() ? new String[0] : Arrays.stream(c.args.trim().split(" "))
                .map(a -> a.replace("{file}", dir.resolve(c.name).toString()).replace("{companions}", corpus().resolve("companions").toString()))
                .toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ReaderProbe.withProbe(ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))).execute(args);

        String stderr = err.toString();
        List<String> lines = stderr.lines().toList();
        assertEquals(ExitCodes.BAD_INPUT, code, stderr);
        assertEquals("", out.toString(), "no partial output on stdout");
        assertTrue(lines.size() == 1 || (lines.size() == 2 && lines.get(1).startsWith("Try '")),
                "one line (two for a usage error):\n" + stderr);
        for (String want : c.expected) {
            String w = want.replace("{name}", c.name);
            assertTrue(stderr.contains(w), "expected '" + w + "' in:\n" + stderr);
        }
        if (c.usesFile()) assertTrue(stderr.contains(c.name), "the message names the file:\n" + stderr);
        for (String trace : List.of("Exception", "\tat ", "at org.", "at java.", "internal error")) {
            assertFalse(stderr.contains(trace), "no stack trace or internal error:\n" + stderr);
        }
    }

    /** The companions are valid (else the cases that lean on them would prove nothing). */
    @Test
    void companionsReadCleanly() throws Exception {
        Path comp = corpus().resolve("companions");
        String params = comp.resolve("D.snapparam").toString();
        for (String[] args : List.of(
                new String[] {"inspect", "--structure", comp.resolve("W-bcc-2.dat").toString()},
                new String[] {"probe", "snapparam", params},
                new String[] {"probe", "snapcoeff", comp.resolve("X_W.snapcoeff").toString(), "--params", params})) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = ReaderProbe.withProbe(ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))).execute(args);
            assertEquals(0, code, String.join(" ", args) + ": " + err);
            assertFalse(out.toString().isBlank());
        }
    }

    /** Every file in a case folder has a row, and every row that names a file has one. */
    @Test
    void everyCaseFileIsInItsManifest() throws Exception {
        Set<String> listed = cases().filter(Case::usesFile).map(Case::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(corpus(), 2)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("cases.tsv"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("companions"))
                    .filter(p -> !p.getParent().equals(corpus()))
                    .forEach(p -> present.add(p.getParent().getFileName() + "/" + p.getFileName()));
        }
        assertEquals(present, listed);
        System.out.println("bad-input corpus: " + cases().count() + " cases in " + cases().map(Case::group).distinct().count() + " groups");
    }
}
