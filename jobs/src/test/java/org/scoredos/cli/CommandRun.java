package org.scoredos.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code scoredos} command line in the test's JVM, as a user would type it: its exit
 * code and what it printed on stdout and stderr. The tests' one way to run a command.
 */
public record CommandRun(int code, String out, String err) {

    /** Runs {@code scoredos ARGS…}. */
    public static CommandRun run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ScoreDos.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** What {@code scoredos ARGS… FORMAT} prints on stdout; it must succeed (its stderr is the failure's message). */
    public static String output(String[] args, String format) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = format;
        CommandRun ran = run(all);
        org.junit.jupiter.api.Assertions.assertEquals(0, ran.code(), ran.err());
        return ran.out();
    }
}
