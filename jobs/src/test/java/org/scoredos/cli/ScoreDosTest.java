package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scoredos.cli.CommandRun.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScoreDosTest {

    @Test
    void helpExitsZero() {
        CommandRun ran = run("--help");
        assertEquals(0, ran.code());
        assertTrue(ran.out().contains("Usage: scoredos"), ran.out());
    }

    @Test
    void unknownOptionIsBadInputWithOneLineReason() {
        CommandRun ran = run("--no-such-option");
        assertEquals(2, ran.code());
        assertEquals("scoredos: unknown option '--no-such-option' (see 'scoredos --help')", ran.err().strip());
    }

    @Test
    void aMisspeltCommandOrOptionIsNamedWithTheClosestKnownOne() {
        String[][] cases = {
            {"estmate"}, {"scoredos: unknown command 'estmate' (did you mean 'estimate'?) (see 'scoredos --help')"},
            // a misspelt required option used to be reported as the missing one
            {"campaign", "--confg", "x.yaml"},
            {"scoredos campaign: unknown option '--confg' (did you mean '--config'?) (see 'scoredos campaign --help')"},
            {"estimate", "--summaries", "s", "--coeff", "c", "--temperatures", "300", "--gradiant"},
            {"scoredos estimate: unknown option '--gradiant' (did you mean '--gradient'?) (see 'scoredos estimate --help')"},
            // a negative value is a value, not an option: the real reason is given
            {"harmonic", "--structure", "s.dat", "--coeff", "c", "--params", "p", "--temperatures", "-300"},
            {"scoredos harmonic: --temperatures: invalid temperatures '-300'"},
        };
        for (int i = 0; i < cases.length; i += 2) {
            CommandRun ran = run(cases[i]);
            assertEquals(2, ran.code(), ran.err());
            assertEquals(1, ran.err().lines().count(), "one line: " + ran.err());
            assertTrue(ran.err().startsWith(cases[i + 1][0]), ran.err());
        }
        assertEquals(" (did you mean 'ingest'?)", UsageErrors.suggestion("injest", java.util.List.of("ingest", "inspect")));
        assertEquals("", UsageErrors.suggestion("zzzzzzzz", java.util.List.of("ingest", "inspect")));
    }

    /** Picocli formats each help line: a lone '%' in a description had it print a warning three times over {@code estimate --help}. */
    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        Deque<CommandLine> todo = new ArrayDeque<>(List.of(
                ScoreDos.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))));
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int commands = 0;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            while (!todo.isEmpty()) {
                CommandLine command = todo.pop();
                todo.addAll(command.getSubcommands().values());
                assertTrue(command.getUsageMessage().contains("Usage:"));
                commands++;
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        assertTrue(commands > 10, commands + " commands");
    }

    @Test
    void missingCommandIsBadInput() {
        assertEquals(2, run().code());
    }
}
