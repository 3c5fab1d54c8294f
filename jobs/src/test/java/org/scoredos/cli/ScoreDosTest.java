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
        assertTrue(err.toString().startsWith("scoredos: Unknown option"), err.toString());
        assertTrue(err.toString().lines().count() <= 2, err.toString());
    }

    @Test
    void missingCommandIsBadInput() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err));
    }
}
