package org.scoredos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ScoreDosTest {

    private int run(StringWriter out, StringWriter err, String... args) {
        return ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void helpExitsZero() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "--help"));
        assertTrue(out.toString().contains("Usage: scoredos"), out.toString());
    }

    @Test
    void unknownOptionIsBadInputWithOneLineReason() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err, "--no-such-option"));
        assertEquals("scoredos: unknown option '--no-such-option' (see 'scoredos --help')", err.toString().strip());
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
            StringWriter out = new StringWriter(), err = new StringWriter();
            assertEquals(2, run(out, err, cases[i]), err.toString());
            assertEquals(1, err.toString().lines().count(), "one line: " + err);
            assertTrue(err.toString().startsWith(cases[i + 1][0]), err.toString());
        }
        assertEquals(" (did you mean 'ingest'?)", UsageErrors.suggestion("injest", java.util.List.of("ingest", "inspect")));
        assertEquals("", UsageErrors.suggestion("zzzzzzzz", java.util.List.of("ingest", "inspect")));
    }

    @Test
    void missingCommandIsBadInput() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err));
    }
}
