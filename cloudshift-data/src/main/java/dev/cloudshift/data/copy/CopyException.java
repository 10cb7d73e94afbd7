package dev.cloudshift.data.copy;

/**
 * A copy that cannot go on, with a message for the user that says what to do and never carries a secret.
 * {@link Kind#USAGE} is the user's to fix (bad table name, non-empty target), {@link Kind#UNREACHABLE} a
 * database that cannot be reached, {@link Kind#RUNTIME} anything that failed while copying.
 */
public class CopyException extends RuntimeException {
    public enum Kind { USAGE, UNREACHABLE, RUNTIME }

    private final Kind kind;

    public CopyException(Kind kind, String message) {
        super(JdbcEndpoint.redact(message));
        this.kind = kind;
    }

    public CopyException(Kind kind, String message, Throwable cause) {
        super(JdbcEndpoint.redact(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
