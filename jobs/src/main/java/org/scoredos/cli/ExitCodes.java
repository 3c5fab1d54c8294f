package org.scoredos.cli;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.scoredos.io.BadInputException;
import picocli.CommandLine;

/**
 * Maps failures to the contract's exit codes: bad input and unusable options → 2 with one
 * line on stderr; a full disk ({@link DiskFull}) and anything else → 1 with one line (the
 * stack trace only with SCOREDOS_DEBUG=1).
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (debug()) ex.printStackTrace(cl.getErr());
        if (isBadInput(ex)) {
            cl.getErr().println(prefix(cl) + badInputMessage(ex));
            return BAD_INPUT;
        }
        String environment = DiskFull.message(ex);
        if (environment != null) {
            cl.getErr().println(prefix(cl) + environment);
            return FAILURE;
        }
        cl.getErr().println(prefix(cl) + "internal error: " + ex
                + (debug() ? "" : " (set SCOREDOS_DEBUG=1 for details)"));
        return FAILURE;
    }

    /**
     * One line for a usage error. An unknown option or command is named first, with the closest
     * known one, even when picocli reports a consequence of it (a misspelt required option
     * shows up as "missing required option").
     */
    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String unknown = UsageErrors.unknownWord(cl, args);
        String message = unknown != null ? unknown : ex.getMessage();
        cl.getErr().println(prefix(cl) + message + " (see '" + cl.getCommandSpec().qualifiedName(" ") + " --help')");
        return BAD_INPUT;
    }

    static boolean isBadInput(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (isBadInputItself(t)) return true;
        }
        return false;
    }

    /**
     * The message of the bad input in the cause chain (a wrapper's message may be another's);
     * the file system's exceptions hold only the path, so the reason is added.
     */
    static String badInputMessage(Throwable ex) {
        Throwable t = ex;
        while (!isBadInputItself(t)) t = t.getCause();
        if (t instanceof NoSuchFileException e) return e.getFile() + ": no such file";
        if (t instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        return t.getMessage();
    }

    private static boolean isBadInputItself(Throwable t) {
        return t instanceof BadInputException || t instanceof NoSuchFileException
                || t instanceof FileNotFoundException || t instanceof AccessDeniedException;
    }

    /** "scoredos estimate: " — the command the message is about. */
    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName(" ") + ": ";
    }

    private static boolean debug() {
        return System.getenv("SCOREDOS_DEBUG") != null;
    }
}
