package org.scoredos.io;

/**
 * Input the user handed us is wrong: a malformed file, an impossible value, an unknown key.
 * The message is one line that names the file, line and field where they are known; the
 * command line prints it and exits with code 2, never a stack trace.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file:line: field: reason" — the form every reader uses. */
    public static BadInputException at(String file, int line, String field, String reason) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(reason);
        return new BadInputException(sb.toString());
    }
}
