package dev.cloudshift.data.cast;

/**
 * A value the target column cannot hold. The message is the reason for the reject file ({@code zero date},
 * {@code invalid UTF-8}, {@code NUL byte in text}, {@code out of range for smallint}); it never quotes the value,
 * which may be personal data.
 */
public class RejectedValueException extends Exception {
    public RejectedValueException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
